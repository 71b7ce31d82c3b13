import { css } from 'lit';

/** The question and earlier sessions blocks (internal/request-context.ts); theme tokens only. */
export const requestContextStyles = css`
  .question {
    display: grid;
    gap: var(--_s2);
    margin: var(--_s2) 0;
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
    padding: var(--_s1) var(--_s3);
    border-inline-start: 3px solid var(--_a);
    color: var(--_fg);
    background: color-mix(in srgb, var(--_fg) 6%, var(--_bg));
    border-radius: 0 var(--_rs) var(--_rs) 0;
  }

  .earlier {
    margin: var(--_s2) 0;
    border-top: 1px solid var(--_dv);
    padding-top: var(--_s2);
  }

  .earlier > summary {
    cursor: pointer;
    color: var(--_fg);
  }

  .earlier ul {
    list-style: none;
    margin: var(--_s2) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_s2);
  }

  .earlier li {
    border-inline-start: 2px solid var(--_dv);
    padding-inline-start: var(--_s2);
  }

  .advice {
    border-inline-start: 3px solid var(--_dv);
    padding-inline-start: var(--_s3);
  }

  .advice-head {
    font-weight: 600;
  }

  .advice > ul {
    list-style: none;
    margin: var(--_s1) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_s2);
  }

  .advice-items {
    margin: 2px 0;
    padding-inline-start: var(--_s4);
  }
`;
