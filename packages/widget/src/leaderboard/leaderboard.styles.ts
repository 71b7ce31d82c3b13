import { css } from 'lit';

export const leaderboardStyles = css`
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_s2);
  }

  li {
    display: grid;
    grid-template-columns: 2.25em 1fr auto;
    gap: var(--_s1) var(--_s3);
    align-items: baseline;
    padding: var(--_s2) var(--_s3);
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
  }

  li.you {
    border-color: var(--_a);
  }

  .rank {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .headline {
    grid-column: 2 / -1;
    color: var(--_mu);
    font-size: var(--_sm);
    overflow-wrap: anywhere;
  }

  .figure {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .meta {
    margin: 0 0 var(--_s2);
    color: var(--_mu);
    font-size: var(--_sm);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .skeleton {
    height: 2.75em;
    border-radius: var(--_r);
    background: var(--_dv);
    opacity: 0.5;
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  @keyframes pulse {
    to {
      opacity: 0.25;
    }
  }
`;
