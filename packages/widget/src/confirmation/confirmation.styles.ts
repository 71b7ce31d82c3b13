import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const confirmationStyles = [
  baseStyles,
  css`
    p {
      margin: 0 0 var(--_s3);
      overflow-wrap: anywhere;
    }

    .when {
      font-weight: 600;
    }

    a {
      color: var(--_a);
      font-weight: 600;
    }

    .cancel {
      display: grid;
      gap: var(--_s2);
      margin-top: var(--_s4);
      padding-top: var(--_s3);
      border-top: 1px solid var(--_dv);
    }

    .cancel button {
      justify-self: start;
    }
  `,
];
