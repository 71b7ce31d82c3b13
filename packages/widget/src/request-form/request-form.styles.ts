import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const requestFormStyles = [
  baseStyles,
  css`
    form {
      display: grid;
      gap: 12px;
    }

    .field {
      display: grid;
      gap: 4px;
    }

    .field p,
    .context p {
      margin: 0;
    }

    fieldset {
      margin: 0;
      padding: 8px 12px;
      border: 1px solid var(--_dv);
      border-radius: calc(var(--_r) / 2);
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }

    legend {
      font-weight: 600;
      padding: 0 4px;
    }

    .choice {
      font-weight: 400;
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }

    .selection {
      display: grid;
      gap: 6px;
      justify-items: start;
    }

    .selection p {
      margin: 0;
    }

    blockquote {
      box-sizing: border-box;
      width: 100%;
      margin: 0;
      padding: 8px 12px;
      border-inline-start: 4px solid var(--_a);
      border-radius: 4px;
      background: color-mix(in srgb, var(--_fg) 6%, transparent);
      max-height: 8.5em;
      overflow: auto;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .context ul {
      margin: 4px 0 0;
      padding-inline-start: 20px;
      overflow-wrap: anywhere;
    }
  `,
];
