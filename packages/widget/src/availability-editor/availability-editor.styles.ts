import { css } from 'lit';

// Compact: one row per weekday, small native inputs, theme tokens only (readable in dark mode).
export const availabilityEditorStyles = css`
  :host {
    container-type: inline-size;
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      color-scheme: dark;
    }
  }

  form {
    display: grid;
    gap: 12px;
  }

  h3 {
    margin: 0;
  }

  label.toggle,
  .zone label {
    display: flex;
    align-items: center;
    gap: 6px;
  }

  input[type='number'],
  input[type='time'],
  input[type='date'] {
    width: auto;
    padding: 4px 6px;
    border-color: var(--_bd);
    background: var(--_bg);
    color: var(--_fg);
  }

  input[type='checkbox'] {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--_a);
  }

  [aria-invalid='true'] {
    border-color: var(--_er);
    box-shadow: 0 0 0 1px var(--_er);
  }

  .error {
    font-size: 0.9em;
  }

  .ok {
    color: var(--_fg);
    font-weight: 600;
  }

  .label {
    font-weight: 600;
  }

  button.icon,
  button.small,
  summary {
    box-sizing: border-box;
    min-width: 32px;
    min-height: 32px;
    padding: 2px 10px;
  }

  button.icon {
    padding: 0 8px;
    line-height: 1;
  }

  /* The time zone: a combobox over the browser's zones. */
  .zone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
  }

  .combo {
    position: relative;
    flex: 0 1 20em;
  }

  .combo input {
    padding: 4px 8px;
  }

  [role='listbox'] {
    position: absolute;
    z-index: 2;
    top: calc(100% + 2px);
    left: 0;
    min-width: 100%;
    box-sizing: border-box;
    max-height: 16em;
    overflow: auto;
    margin: 0;
    padding: 4px 0;
    list-style: none;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_bd);
    border-radius: calc(var(--_r) / 2);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.25);
  }

  [role='option'] {
    padding: 4px 10px;
    cursor: pointer;
    white-space: nowrap;
  }

  [role='option']:hover,
  [role='option'][aria-selected='true'] {
    background: var(--_a);
    color: var(--_af);
  }

  .offset,
  .off {
    color: var(--_mu);
  }

  [role='option']:hover .offset,
  [role='option'][aria-selected='true'] .offset {
    color: inherit;
  }

  /* The week: day | ranges | add, copy. */
  .week {
    max-width: 46em;
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
  }

  .day {
    display: grid;
    grid-template-columns: 8.5em 1fr auto;
    align-items: start;
    gap: 4px 12px;
    padding: 4px 10px;
  }

  .day + .day {
    border-top: 1px solid var(--_dv);
  }

  .day > *,
  .off {
    min-height: 32px;
  }

  .name {
    text-transform: capitalize;
  }

  .ranges {
    display: grid;
    gap: 4px;
  }

  .off {
    display: flex;
    align-items: center;
  }

  .range,
  .tools,
  .override,
  .head,
  .lengths,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
  }

  .range {
    gap: 4px 6px;
  }

  details {
    position: relative;
  }

  summary {
    display: flex;
    align-items: center;
    list-style: none;
    cursor: pointer;
    border: 1px solid var(--_bd);
    border-radius: var(--_r);
  }

  summary::-webkit-details-marker {
    display: none;
  }

  .pop {
    position: absolute;
    z-index: 2;
    right: 0;
    top: calc(100% + 4px);
    display: grid;
    gap: 2px;
    padding: 4px;
    white-space: nowrap;
    background: var(--_bg);
    border: 1px solid var(--_dv);
    border-radius: calc(var(--_r) / 2);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.25);
  }

  .pop button {
    border: 0;
    text-align: start;
    padding: 6px 10px;
  }

  .pop button:hover {
    background: var(--_a);
    color: var(--_af);
  }

  /* Exceptions, numbers, lengths. */
  .overrides {
    display: grid;
    gap: 6px;
  }

  .override {
    padding-inline-start: 12px;
  }

  .override .ranges {
    display: contents;
  }

  .grid {
    grid-template-columns: repeat(auto-fit, minmax(9.5em, 1fr));
    gap: 8px 12px;
  }

  .grid label {
    grid-template-rows: 1fr auto;
  }

  .grid input {
    width: 100%;
  }

  .lengths {
    gap: 4px 14px;
  }

  .lengths label {
    font-weight: 400;
  }

  /* Narrow: the day and its tools on one line, the ranges under them. */
  @container (max-width: 30em) {
    .day.on {
      grid-template-columns: 1fr auto;
    }

    .day.on .ranges {
      grid-row: 2;
      grid-column: 1 / -1;
      padding-inline-start: 22px;
    }
  }
`;
