import { css } from 'lit';

// Shared by the mentor console's panels: lists, cards, field grids.
export const consoleStyles = css`
  ul.cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 12px;
  }

  .card {
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
    padding: 12px 14px;
    background: var(--mm-surface, var(--_bg));
  }

  .card h4 {
    margin: 0 0 4px;
    font-size: 1em;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }

  /* The base styles make text inputs full width; a checkbox stays beside its label. */
  input[type='checkbox'] {
    width: auto;
  }

  a {
    color: var(--_a);
  }

  .meta {
    color: var(--_mu);
    font-size: 0.9em;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 10px 16px;
  }

  label {
    display: grid;
    gap: 4px;
    font-size: 0.95em;
  }

  input[type='number'],
  input[type='time'],
  input[type='date'],
  select {
    font: inherit;
    padding: 6px 8px;
    border: 1px solid var(--_bd);
    border-radius: calc(var(--_r) / 2);
    background: var(--_bg);
    color: var(--_fg);
  }

  fieldset {
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
    margin: 0 0 12px;
    padding: 8px 12px 12px;
  }

  .pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .ok {
    color: #166534;
  }
`;
