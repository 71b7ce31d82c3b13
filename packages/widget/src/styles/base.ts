import { css, unsafeCSS } from 'lit';
import { THEME_CSS } from './launcher.js';

// The public custom properties (documented in the package README) resolve into short private
// ones on every element's :host, light by default, dark with `theme="dark"` or, unless
// `theme="light"`, when the system prefers dark. Set a --mm-* property on the element (or
// any ancestor: custom properties cross shadow roots) to override it in both themes.
export const tokens = css`
  ${unsafeCSS(THEME_CSS)}

  :host([hidden]) {
    display: none;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_r);
    padding: 8px 14px;
    border: 1px solid var(--_bd);
    background: var(--_bg);
    color: var(--_fg);
  }

  button.primary {
    border-color: var(--_a);
    background: var(--_a);
    color: var(--_af);
    font-weight: 600;
  }

  button:disabled {
    cursor: default;
    opacity: 0.7;
  }

  :focus-visible {
    outline: 3px solid var(--_a);
    outline-offset: 2px;
  }
`;

// Shared by every step element.
export const baseStyles = [
  tokens,
  css`
    :host {
      display: block;
    }

    h3 {
      margin: 0 0 12px;
      font-size: 1.1em;
    }

    input:not([type='radio']),
    textarea {
      box-sizing: border-box;
      width: 100%;
      font: inherit;
      padding: 8px 10px;
      border: 1px solid var(--_bd);
      border-radius: calc(var(--_r) / 2);
      background: var(--_bg);
      color: var(--_fg);
    }

    input[type='radio'] {
      accent-color: var(--_a);
    }

    label {
      font-weight: 600;
    }

    .error {
      color: var(--_er);
    }

    .hint {
      color: var(--_mu);
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
  `,
];

/**
 * For an element a host page places on its own (not inside the panel or a console): it paints
 * its theme's background, so dark-mode text never lands on a light page.
 */
export const standaloneSurface = css`
  :host {
    background: var(--_bg);
    color: var(--_fg);
    border-radius: var(--_r);
  }

  :host(:not([slot])) {
    padding: 16px;
  }
`;
