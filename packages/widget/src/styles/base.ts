import { css } from 'lit';

// Shared by every step element. The host element sets --_accent/--_radius from the public
// custom properties; each step repeats the fallbacks so it also works on its own.
export const baseStyles = css`
  :host {
    --_accent: var(--mm-accent, #4338ca);
    --_radius: var(--mm-radius, 12px);
    display: block;
    font-family: var(--mm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }

  :host([hidden]) {
    display: none;
  }

  h3 {
    margin: 0 0 12px;
    font-size: 1.1em;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 8px 14px;
    border: 1px solid #6b7280;
    background: #fff;
    color: #1f2937;
  }

  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: #fff;
    font-weight: 600;
  }

  button:disabled {
    cursor: default;
    opacity: 0.7;
  }

  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  input[type='text'],
  textarea {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    padding: 8px 10px;
    border: 1px solid #6b7280;
    border-radius: calc(var(--_radius) / 2);
  }

  .error {
    color: #b91c1c;
  }

  .hint {
    color: #4b5563;
    font-size: 0.9em;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
