import { css } from 'lit';

/** The question and earlier sessions blocks (internal/request-context.ts); theme tokens only. */
export const requestContextStyles = css`
  .question {
    display: grid;
    gap: 6px;
    margin: 8px 0;
  }

  .question p,
  .earlier p {
    margin: 0;
  }

  .q-title {
    font-weight: 600;
  }

  .q-more > summary {
    cursor: pointer;
    list-style: none;
  }

  .q-more > summary::-webkit-details-marker {
    display: none;
  }

  .q-toggle {
    color: var(--_a);
    text-decoration: underline;
  }

  .q-more[open] .q-preview,
  .q-more[open] .q-show,
  .q-more:not([open]) .q-hide {
    display: none;
  }

  .q-source a {
    color: var(--_a);
  }

  .q-selection {
    margin: 0;
  }

  .q-selection blockquote {
    margin: 2px 0 0;
    padding: 4px 10px;
    border-inline-start: 3px solid var(--_a);
    color: var(--_fg);
    background: color-mix(in srgb, var(--_fg) 6%, var(--_bg));
    border-radius: 0 calc(var(--_r) / 2) calc(var(--_r) / 2) 0;
  }

  .earlier {
    margin: 6px 0;
    border-top: 1px solid var(--_dv);
    padding-top: 6px;
  }

  .earlier > summary {
    cursor: pointer;
    color: var(--_fg);
  }

  .earlier ul {
    list-style: none;
    margin: 6px 0 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }

  .earlier li {
    border-inline-start: 2px solid var(--_dv);
    padding-inline-start: 8px;
  }
`;
