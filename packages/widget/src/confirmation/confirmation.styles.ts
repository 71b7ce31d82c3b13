import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const confirmationStyles = [
  baseStyles,
  css`
    h3:focus {
      outline: none;
    }

    h3:focus-visible {
      outline: 3px solid var(--_accent);
    }

    p {
      margin: 0 0 10px;
      overflow-wrap: anywhere;
    }

    .when {
      font-weight: 600;
    }

    a {
      color: var(--_accent);
      font-weight: 600;
    }

    .cancel {
      display: grid;
      gap: 6px;
      margin-top: 16px;
      padding-top: 12px;
      border-top: 1px solid #e5e7eb;
    }

    .cancel button {
      justify-self: start;
    }
  `,
];
