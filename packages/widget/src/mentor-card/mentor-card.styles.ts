import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const mentorCardStyles = [
  baseStyles,
  css`
    article {
      border: 1px solid var(--_dv);
      border-radius: var(--_r);
      padding: 12px;
      overflow-wrap: anywhere;
    }

    header {
      display: flex;
      gap: 12px;
      align-items: flex-start;
    }

    .avatar {
      flex: none;
      display: grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      background: var(--_a);
      color: var(--_af);
      font-weight: 700;
    }

    h4 {
      margin: 0;
      font-size: 1em;
    }

    .headline,
    .rating,
    .badges {
      margin: 2px 0 0;
      color: var(--_mu);
    }

    .reasons {
      margin: 8px 0;
      padding-inline-start: 20px;
    }

    .slots-label {
      margin: 0 0 4px;
    }

    .slots {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }

    .slots button {
      display: grid;
      text-align: center;
      padding: 6px 10px;
    }

    .soon {
      font-size: 0.85em;
      color: var(--_mu);
    }
  `,
];
