import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const matchListStyles = [
  baseStyles,
  css`
    .status {
      margin: 0 0 var(--_s3);
    }

    .cards[hidden] {
      display: none;
    }

    .review p,
    h4 {
      margin: 0 0 var(--_s2);
    }

    label {
      display: block;
      margin-bottom: var(--_s1);
    }

    .when {
      font-weight: 600;
    }

    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_s3);
    }
  
    [part~='message-button'] {
      margin-top: var(--_s3);
    }
`,
];
