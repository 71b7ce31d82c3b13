import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const matchListStyles = [
  baseStyles,
  css`
    .status {
      margin: 0 0 12px;
    }

    .cards[hidden] {
      display: none;
    }

    .review p,
    h4 {
      margin: 0 0 8px;
    }

    label {
      display: block;
      margin-bottom: 4px;
    }

    .when {
      font-weight: 600;
    }

    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
  
    [part~='message-button'] {
      margin-top: 12px;
    }
`,
];
