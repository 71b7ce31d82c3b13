import { css } from 'lit';
import { bookingReviewStyles } from '../internal/booking-review.js';
import { baseStyles } from '../styles/base.js';

export const matchListStyles = [
  baseStyles,
  bookingReviewStyles,
  css`
    .status {
      margin: 0 0 var(--_s3);
    }

    .cards[hidden] {
      display: none;
    }

    h4 {
      margin: 0 0 var(--_s2);
    }

    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_s3);
    }
  
    .ways {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
      margin-bottom: var(--_s3);
    }

    .ways p {
      flex-basis: 100%;
      margin: 0;
    }

    [part~='message-button'] {
      margin-top: var(--_s3);
    }
`,
];
