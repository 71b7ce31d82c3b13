import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const confirmationStyles = [
  baseStyles,
  css`
    p {
      margin: 0 0 10px;
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
      gap: 6px;
      margin-top: 16px;
      padding-top: 12px;
      border-top: 1px solid var(--_dv);
    }

    .cancel button {
      justify-self: start;
    }
  `,
];
