import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const matchListStyles = [
  baseStyles,
  css`
    h3:focus {
      outline: none;
    }

    h3:focus-visible {
      outline: 3px solid var(--_accent);
    }

    .status {
      margin: 0 0 12px;
      color: #374151;
    }

    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
  `,
];
