import { css, unsafeCSS } from 'lit';
import { THEME_CSS } from './launcher.js';

// The design tokens (styles/launcher.ts: the public --mm-* custom properties, documented in the
// package README) resolve into short private ones on every element's :host, light by default,
// dark with `theme="dark"` or, unless `theme="light"`, when the system prefers dark. Set a --mm-*
// property on the element (or any ancestor: custom properties cross shadow roots) to override it
// in both themes. Styles here and in every component use only the private ones.
export const tokens = css`
  ${unsafeCSS(THEME_CSS)}

  :host([hidden]) {
    display: none;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_r);
    padding: var(--_s2) var(--_s4);
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
      margin: 0 0 var(--_s3);
      font-size: var(--_lg);
    }

    input:not([type='radio']),
    textarea {
      box-sizing: border-box;
      width: 100%;
      font: inherit;
      /* Inside a (bold) label, what the person typed reads at the body weight. */
      font-weight: 400;
      padding: var(--_s2) var(--_s3);
      border: 1px solid var(--_bd);
      border-radius: var(--_rs);
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
      font-size: var(--_sm);
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
    padding: var(--_s4);
  }
`;
