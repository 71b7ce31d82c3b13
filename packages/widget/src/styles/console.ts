import { css } from 'lit';

// Shared by the mentor console's panels: lists, cards, field grids.
export const consoleStyles = css`
  ul.cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_s3);
  }

  .card {
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
    padding: var(--_s3) var(--_s4);
    background: var(--_bg);
  }

  .card h4 {
    margin: 0 0 var(--_s1);
    font-size: 1em;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    align-items: center;
  }

  /* The base styles make text inputs full width; a checkbox stays beside its label. */
  input[type='checkbox'] {
    width: auto;
  }

  /* A long label (an event name in a narrow column) wraps beside its checkbox, not under it. */
  label.row:has(> input[type='checkbox']) {
    flex-wrap: nowrap;
  }

  a {
    color: var(--_a);
  }

  .meta {
    color: var(--_mu);
    font-size: var(--_sm);
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: var(--_s3) var(--_s4);
  }

  /* Labels at the body size: 0.95em before the type scale, nearer 1em than its small step. */
  label {
    display: grid;
    gap: var(--_s1);
    /* In a row of fields, a short label's field lines up with its neighbours', at its own height. */
    align-content: end;
  }

  /* A field with more than a label (a counter under it) lines up the same way. */
  .field {
    display: grid;
    align-content: end;
  }

  input[type='number'],
  input[type='time'],
  input[type='date'],
  select {
    font: inherit;
    font-weight: 400;
    padding: var(--_s2) var(--_s2);
    border: 1px solid var(--_bd);
    border-radius: var(--_rs);
    background: var(--_bg);
    color: var(--_fg);
  }

  fieldset {
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
    margin: 0 0 var(--_s3);
    padding: var(--_s2) var(--_s3) var(--_s3);
  }

  .pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  /* Success green mixed with the theme's text: dark green on light, light green on dark. */
  .ok {
    color: color-mix(in srgb, #15803d 75%, var(--_fg));
  }

  /* A first load's placeholder where the layout is known (cards, rows, figures). */
  .skeleton {
    background: color-mix(in srgb, var(--_fg) 8%, var(--_bg));
    border-color: transparent;
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  li.card.skeleton {
    min-height: 3.5em;
  }

  @keyframes pulse {
    to {
      opacity: 0.55;
    }
  }
`;
