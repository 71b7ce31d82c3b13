import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const requestFormStyles = [
  baseStyles,
  css`
    form {
      display: grid;
      gap: var(--_s3);
    }

    .field {
      display: grid;
      gap: var(--_s1);
    }

    .field p,
    .context p {
      margin: 0;
    }

    fieldset {
      margin: 0;
      padding: var(--_s2) var(--_s3);
      border: 1px solid var(--_dv);
      border-radius: var(--_rs);
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1) var(--_s4);
    }

    legend {
      font-weight: 600;
      padding: 0 var(--_s1);
    }

    .choice {
      font-weight: 400;
      display: inline-flex;
      align-items: center;
      gap: var(--_s2);
    }

    .selection {
      display: grid;
      gap: var(--_s2);
      justify-items: start;
    }

    .selection p {
      margin: 0;
    }

    blockquote {
      box-sizing: border-box;
      width: 100%;
      margin: 0;
      padding: var(--_s2) var(--_s3);
      border-inline-start: 4px solid var(--_a);
      border-radius: var(--_rs);
      background: color-mix(in srgb, var(--_fg) 6%, transparent);
      max-height: 8.5em;
      overflow: auto;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .context ul {
      margin: var(--_s1) 0 0;
      padding-inline-start: 20px;
      overflow-wrap: anywhere;
    }
  `,
];
