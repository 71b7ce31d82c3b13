import { css, unsafeCSS } from 'lit';

// The public custom properties (documented in the package README) resolve into short private
// ones on every element's :host, light by default, dark with `theme="dark"` or, unless
// `theme="light"`, when the system prefers dark. Set a --mm-* property on the element (or
// any ancestor: custom properties cross shadow roots) to override it in both themes.
const dark = unsafeCSS(
  '--_a:var(--mm-accent,#818cf8);--_af:var(--mm-accent-foreground,#111827);' +
    '--_bg:var(--mm-background,#111827);--_fg:var(--mm-foreground,#f3f4f6);' +
    '--_mu:var(--mm-muted,#9ca3af);--_bd:var(--mm-border,#9ca3af);' +
    '--_dv:var(--mm-divider,#374151);--_er:var(--mm-error,#fca5a5)',
);

export const tokens = css`
  :host {
    --_a: var(--mm-accent, #4338ca);
    --_af: var(--mm-accent-foreground, #fff);
    --_bg: var(--mm-background, #fff);
    --_fg: var(--mm-foreground, #1f2937);
    --_mu: var(--mm-muted, #4b5563);
    --_bd: var(--mm-border, #6b7280);
    --_dv: var(--mm-divider, #d1d5db);
    --_er: var(--mm-error, #b91c1c);
    --_r: var(--mm-radius, 12px);
    color: var(--_fg);
    font-family: var(--mm-font-family, system-ui, sans-serif);
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }

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
