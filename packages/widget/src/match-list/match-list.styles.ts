import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const matchListStyles = [
  baseStyles,
  css`
    .status {
      margin: 0 0 12px;
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
