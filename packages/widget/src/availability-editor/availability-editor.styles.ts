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
    gap: var(--_s3);
  }

  h3 {
    margin: 0;
  }

  label.toggle,
  .zone label {
    display: flex;
    align-items: center;
    gap: var(--_s2);
  }

  input[type='number'],
  input[type='time'],
  input[type='date'] {
    width: auto;
    padding: var(--_s1) var(--_s2);
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
    font-size: var(--_sm);
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
    padding: 2px var(--_s3);
  }

  button.icon {
    padding: 0 var(--_s2);
    line-height: 1;
  }

  /* The time zone: a combobox over the browser's zones. */
  .zone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s1) var(--_s3);
  }

  .combo {
    position: relative;
    flex: 0 1 20em;
  }

  .combo input {
    padding: var(--_s1) var(--_s2);
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
    padding: var(--_s1) 0;
    list-style: none;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_bd);
    border-radius: var(--_rs);
    box-shadow: var(--_z2);
  }

  [role='option'] {
    padding: var(--_s1) var(--_s3);
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
    gap: var(--_s1) var(--_s3);
    padding: var(--_s1) var(--_s3);
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
    gap: var(--_s1);
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
    gap: var(--_s1) var(--_s2);
  }

  .range {
    gap: var(--_s1) var(--_s2);
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
    padding: var(--_s1);
    white-space: nowrap;
    background: var(--_bg);
    border: 1px solid var(--_dv);
    border-radius: var(--_rs);
    box-shadow: var(--_z2);
  }

  .pop button {
    border: 0;
    text-align: start;
    padding: var(--_s2) var(--_s3);
  }

  .pop button:hover {
    background: var(--_a);
    color: var(--_af);
  }

  /* Exceptions, numbers, lengths. */
  .overrides {
    display: grid;
    gap: var(--_s2);
  }

  .override {
    padding-inline-start: var(--_s3);
  }

  .override .ranges {
    display: contents;
  }

  .grid {
    grid-template-columns: repeat(auto-fit, minmax(9.5em, 1fr));
    gap: var(--_s2) var(--_s3);
  }

  .grid label {
    grid-template-rows: 1fr auto;
  }

  .grid input {
    width: 100%;
  }

  .lengths {
    gap: var(--_s1) var(--_s4);
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
