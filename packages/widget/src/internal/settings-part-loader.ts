// The consoles' settings (<mm-calendar-feed>, <mm-email-preferences>) come in a file of their own,
// the first time a console shows them, so the console bundles stay within their budgets
// (build/budgets.ts). A script-tag console imports dist/settings.js from beside itself by its
// full URL, read while the bundle runs (later there is no current script): a classic script
// loaded from another origin — the API's, as widget.js loads it — has no base URL for a relative
// import(). Bundlers (the esm build) and the tests follow the source import (build/lazy-parts.ts
// keeps it out of the script-tag bundles).
const bundleUrl = (document.currentScript as HTMLScriptElement | null)?.src;

let loading: Promise<unknown> | undefined;

export function loadSettingsPart(): Promise<unknown> {
  loading ??= (
    bundleUrl
      ? import(/* @vite-ignore */ new URL('settings.js', bundleUrl).href)
      : import('../settings-part.js')
  ).catch((error: unknown) => {
    loading = undefined; // shown again later, it tries again
    console.error('Micromentor: no settings.', error);
  });
  return loading;
}
