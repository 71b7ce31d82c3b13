export interface EmbedConfig {
  publishableKey: string;
  apiBase: string;
  userToken: string;
  /** False for `data-launcher="none"`: the site places `<mm-ask-expert>` itself. */
  launcher: boolean;
  /** `data-theme`, `data-locale`, `data-position`: '' when absent. */
  theme: string;
  locale: string;
  position: string;
}

/**
 * The `<script>` that loaded the bundle. `currentScript` is only set while a classic script
 * runs, so this must be called synchronously at load; the selector covers the bundle being
 * run some other way (e.g. as a module, where `currentScript` is null).
 */
export function findOwnScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.key) return current;
  return document.querySelector<HTMLScriptElement>('script[src][data-key]');
}

export function readScriptConfig(script: HTMLScriptElement): EmbedConfig | null {
  const { key, api, userToken, launcher, theme = '', locale = '', position = '' } = script.dataset;
  if (!key) return null;
  // The API usually serves widget.js itself, so its own origin is the right default.
  const apiBase = (api || new URL(script.src || document.baseURI, document.baseURI).origin).replace(
    /\/+$/,
    '',
  );
  return {
    publishableKey: key,
    apiBase,
    userToken: userToken ?? '',
    launcher: launcher !== 'none',
    theme,
    locale,
    position,
  };
}
