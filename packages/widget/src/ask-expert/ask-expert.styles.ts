import { css } from 'lit';

// Inherited properties (font, colour, line height…) cross the shadow boundary, so the host
// resets them: the widget must look the same on every host page.
export const askExpertStyles = css`
  :host {
    --_accent: var(--mm-accent, #4338ca);
    --_radius: var(--mm-radius, 12px);
    display: inline-block;
    color: #1f2937;
    font: 400 16px / 1.5 var(--mm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
  }

  :host([floating]) {
    position: fixed;
    inset-block-end: 20px;
    inset-inline-end: 20px;
    z-index: 2147483000;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 10px 18px;
  }

  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  [part~='launcher'] {
    border: 0;
    background: var(--_accent);
    color: #fff;
    font-weight: 600;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
  }

  [part~='panel'] {
    box-sizing: border-box;
    width: min(28rem, calc(100vw - 32px));
    border: 0;
    border-radius: var(--_radius);
    padding: 24px;
    color: inherit;
    font: inherit;
    box-shadow: 0 20px 50px rgb(0 0 0 / 0.25);
  }

  [part~='panel']::backdrop {
    background: rgb(15 23 42 / 0.45);
  }

  h2 {
    margin: 0 0 8px;
    font-size: 1.25em;
  }

  .topic {
    margin: 0 0 8px;
    color: #4b5563;
    overflow-wrap: anywhere;
  }

  [part~='panel'] {
    max-height: calc(100vh - 32px);
    overflow: auto;
  }

  .intro {
    margin: 0 0 12px;
  }

  mm-match-list,
  mm-confirmation {
    margin-bottom: 12px;
  }

  [part~='panel'] > button {
    border: 1px solid #6b7280;
    background: #fff;
    color: inherit;
  }

  .footer {
    display: flex;
    justify-content: flex-end;
    margin-top: 16px;
  }

  [part~='close-button'] {
    border: 1px solid #9ca3af;
    background: #fff;
    color: inherit;
  }
`;
