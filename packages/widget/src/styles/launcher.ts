// The launcher's look as plain CSS text, no Lit: the embed loader (widget.js) draws a stand-in
// launcher with it before the learner flow is loaded, and <mm-ask-expert> draws the real one
// with the same text, so swapping one for the other moves nothing.

/** The theme's private tokens (light), resolved from the public --mm-* properties. */
export const LIGHT_TOKENS =
  '--_a:var(--mm-accent,#4338ca);--_af:var(--mm-accent-foreground,#fff);' +
  '--_bg:var(--mm-background,#fff);--_fg:var(--mm-foreground,#1f2937);' +
  '--_mu:var(--mm-muted,#4b5563);--_bd:var(--mm-border,#6b7280);' +
  '--_dv:var(--mm-divider,#d1d5db);--_er:var(--mm-error,#b91c1c);--_r:var(--mm-radius,12px)';

/** The same tokens in dark mode (`theme="dark"`, or the system's preference unless `theme="light"`). */
export const DARK_TOKENS =
  '--_a:var(--mm-accent,#818cf8);--_af:var(--mm-accent-foreground,#111827);' +
  '--_bg:var(--mm-background,#111827);--_fg:var(--mm-foreground,#f3f4f6);' +
  '--_mu:var(--mm-muted,#9ca3af);--_bd:var(--mm-border,#9ca3af);' +
  '--_dv:var(--mm-divider,#374151);--_er:var(--mm-error,#fca5a5)';

/** Light by default, dark with `theme="dark"` or, unless `theme="light"`, when the system prefers dark. */
export const THEME_CSS = `
:host{${LIGHT_TOKENS};color:var(--_fg);font-family:var(--mm-font-family,system-ui,sans-serif)}
:host([theme='dark']){${DARK_TOKENS}}
@media (prefers-color-scheme:dark){:host(:not([theme='light'])){${DARK_TOKENS}}}
`;

/**
 * The host box (inline, or pinned to a corner with `floating` and `position`) and the
 * launcher button. Inherited properties cross the shadow boundary, so the host resets them:
 * the launcher must look the same on every host page.
 */
export const LAUNCHER_CSS = `
:host{display:inline-block;font-size:16px;font-weight:400;line-height:1.5;letter-spacing:normal;text-align:start;text-transform:none}
:host([floating]){position:fixed;bottom:20px;right:20px;z-index:2147483000}
:host([position^='top']){top:20px;bottom:auto}
:host([position$='left']){left:20px;right:auto}
[part~='launcher']{font:inherit;cursor:pointer;border-radius:var(--_r);padding:10px 18px;border:0;background:var(--_a);color:var(--_af);font-weight:600;box-shadow:0 4px 14px rgb(0 0 0 / 0.18)}
[part~='launcher']:focus-visible{outline:3px solid var(--_a);outline-offset:2px}
`;
