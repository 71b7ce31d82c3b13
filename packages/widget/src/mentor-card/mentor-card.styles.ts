import { css } from 'lit';
import { baseStyles } from '../styles/base.js';

export const mentorCardStyles = [
  baseStyles,
  css`
    article {
      border: 1px solid var(--_dv);
      border-radius: var(--_r);
      padding: var(--_s3);
      overflow-wrap: anywhere;
    }

    header {
      display: flex;
      gap: var(--_s3);
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
      margin: var(--_s2) 0;
      padding-inline-start: 20px;
    }

    .slots-label {
      margin: 0 0 var(--_s1);
    }

    .slots {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
    }

    .slots button {
      display: grid;
      text-align: center;
      padding: var(--_s2) var(--_s3);
    }

    .soon {
      font-size: var(--_sm);
      color: var(--_mu);
    }
  `,
];
