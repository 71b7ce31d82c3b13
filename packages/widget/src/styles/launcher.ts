// The design tokens and the launcher's look, as plain CSS text, no Lit. Every element (the learner
// widget and its steps, the follow-up, both consoles, and whatever they nest) puts THEME_CSS on its
// :host through styles/base.ts; the embed loader (widget.js) draws its stand-in launcher with
// LAUNCHER_THEME_CSS, a part of the same definitions, before the learner flow is loaded.
//
// Each public --mm-* property (the package README lists them all, Theming; styles/tokens.test.ts
// checks the list) resolves into a short private one on every :host, and styles use only those:
//   colour roles  --_a --_af --_bg --_fg --_mu --_bd --_dv --_er     light and dark
//   type scale    --_xs --_sm --_lg --_xl --_2xl                     em, so the host's font size scales them
//   spacing       --_s1 … --_s5                                      4, 8, 12, 16, 24 px
//   radius        --_r (boxes, buttons), --_rs (fields, menus)       --_rs is half of --_r unless set
//   elevation     --_z1 (launcher), --_z2 (menus), --_z3 (dialogs)   drawn in --_sc, darker in dark mode
//   motion        --_d (duration), --_ez (easing)                    --_d is 0s under reduced motion
// Sizes that are no spacing stay literal: hairlines, outlines and offsets (1–3 px), icon and
// avatar boxes, column and list widths, the floating launcher's distance from the corner.

/** The accent, the text on it and the shadows' colour (light): all the colours a launcher uses. */
export const LIGHT_ACCENT =
  '--_a:var(--mm-accent,#4338ca);--_af:var(--mm-accent-foreground,#fff);--_sc:rgb(0 0 0/.22)';

/** The same in dark mode. */
export const DARK_ACCENT =
  '--_a:var(--mm-accent,#818cf8);--_af:var(--mm-accent-foreground,#111827);--_sc:rgb(0 0 0/.6)';

/** The other colour roles (light), resolved from the public --mm-* properties. */
export const LIGHT_TOKENS =
  '--_bg:var(--mm-background,#fff);--_fg:var(--mm-foreground,#1f2937);' +
  '--_mu:var(--mm-muted,#4b5563);--_bd:var(--mm-border,#6b7280);' +
  '--_dv:var(--mm-divider,#d1d5db);--_er:var(--mm-error,#b91c1c)';

/** The same in dark mode. */
export const DARK_TOKENS =
  '--_bg:var(--mm-background,#111827);--_fg:var(--mm-foreground,#f3f4f6);' +
  '--_mu:var(--mm-muted,#9ca3af);--_bd:var(--mm-border,#9ca3af);' +
  '--_dv:var(--mm-divider,#374151);--_er:var(--mm-error,#fca5a5)';

/**
 * The spacing, radius and elevation a launcher uses (the stand-in takes only these), the same in
 * both themes; the shadow takes the theme's --_sc.
 */
export const LAUNCHER_BOX =
  '--_s3:var(--mm-space-3,12px);--_s4:var(--mm-space-4,16px);--_r:var(--mm-radius,12px);' +
  '--_z1:var(--mm-shadow-1,0 4px 14px var(--_sc))';

/** The rest of the spacing scale, the small radius and the higher shadows. */
export const BOX_TOKENS =
  '--_s1:var(--mm-space-1,4px);--_s2:var(--mm-space-2,8px);--_s5:var(--mm-space-5,24px);' +
  '--_rs:var(--mm-radius-sm,calc(var(--_r)/2));' +
  '--_z2:var(--mm-shadow-2,0 6px 20px var(--_sc));--_z3:var(--mm-shadow-3,0 20px 50px var(--_sc))';

/** The type scale and motion, the same in both themes. */
export const TEXT_TOKENS =
  '--_xs:var(--mm-font-size-xs,.8em);--_sm:var(--mm-font-size-sm,.875em);' +
  '--_lg:var(--mm-font-size-lg,1.125em);--_xl:var(--mm-font-size-xl,1.25em);' +
  '--_2xl:var(--mm-font-size-2xl,1.5em);--_d:var(--mm-duration,.15s);--_ez:var(--mm-easing,ease)';

const FONT = 'font-family:var(--mm-font-family,system-ui,sans-serif)';

// Light by default, dark with `theme="dark"` or, unless `theme="light"`, when the system prefers dark.
const DARK_HOST = ':host([theme=dark])';
const AUTO_DARK_HOST = '@media (prefers-color-scheme:dark){:host(:not([theme=light]))';

/**
 * Every token on every element's :host (styles/base.ts). Under reduced motion the duration is 0
 * and nothing in the shadow root animates or transitions, whatever a component's own rule says
 * (`!important` in a shadow root also beats the page's `::part()` rules): the one place that
 * honours `prefers-reduced-motion`.
 */
export const THEME_CSS =
  `:host{${LIGHT_ACCENT};${LIGHT_TOKENS};${LAUNCHER_BOX};${BOX_TOKENS};${TEXT_TOKENS};color:var(--_fg);${FONT}}` +
  `${DARK_HOST}{${DARK_ACCENT};${DARK_TOKENS}}${AUTO_DARK_HOST}{${DARK_ACCENT};${DARK_TOKENS}}}` +
  '@media (prefers-reduced-motion:reduce){:host{--_d:0s}*,:before,:after{animation:none!important;transition:none!important}}';

/**
 * The embed loader's stand-in launcher (embed/stub-launcher.ts) takes only the tokens a launcher
 * uses, so widget.js stays small; the real launcher has them all, and both look the same
 * (styles/tokens.test.ts checks that LAUNCHER_CSS uses nothing else).
 */
export const LAUNCHER_THEME_CSS = `:host{${LIGHT_ACCENT};${LAUNCHER_BOX};${FONT}}${DARK_HOST}{${DARK_ACCENT}}${AUTO_DARK_HOST}{${DARK_ACCENT}}}`;

/**
 * The host box (inline, or pinned to a corner with `floating` and `position`) and the
 * launcher button. Inherited properties cross the shadow boundary, so the host resets them:
 * the launcher must look the same on every host page.
 */
export const LAUNCHER_CSS =
  ':host{display:inline-block;font-size:16px;font-weight:400;line-height:1.5;letter-spacing:normal;text-align:start;text-transform:none}' +
  ':host([floating]){position:fixed;bottom:20px;right:20px;z-index:2147483000}' +
  ':host([position^=top]){top:20px;bottom:auto}:host([position$=left]){left:20px;right:auto}' +
  '[part~=launcher]{font:inherit;cursor:pointer;border-radius:var(--_r);padding:var(--_s3) var(--_s4);border:0;background:var(--_a);color:var(--_af);font-weight:600;box-shadow:var(--_z1)}' +
  '[part~=launcher]:focus-visible{outline:3px solid var(--_a);outline-offset:2px}';
