import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const mentorCardStyles = [
  baseStyles,
  css`
    article {
      border: 1px solid #d1d5db;
      border-radius: var(--_radius);
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
      background: var(--_accent);
      color: #fff;
      font-weight: 700;
    }

    h4 {
      margin: 0;
      font-size: 1em;
    }

    .headline,
    .rating {
      margin: 2px 0 0;
      color: #4b5563;
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
      color: #4b5563;
    }
  `,
];
