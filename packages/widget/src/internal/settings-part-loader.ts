// Panels the consoles show later come in files of their own (build/lazy-parts.ts), the first time a
// console shows them, so the console bundles stay within their budgets (build/budgets.ts): the
// settings part (dist/settings.js) and the admin console's part (dist/admin-tools.js). A script-tag
// console imports the file from beside itself by its full URL, read while the bundle runs (later
// there is no current script): a classic script loaded from another origin — the API's, as
// widget.js loads it — has no base URL for a relative import(). Bundlers (the esm build) and the
// tests follow the source import (build/lazy-parts.ts keeps it out of the script-tag bundles).
const bundleUrl = (document.currentScript as HTMLScriptElement | null)?.src;

function lazyPart(file: string, source: () => Promise<unknown>): () => Promise<unknown> {
  let loading: Promise<unknown> | undefined;
  return () => {
    loading ??= (bundleUrl ? import(/* @vite-ignore */ new URL(file, bundleUrl).href) : source()).catch(
      (error: unknown) => {
        loading = undefined; // shown again later, it tries again
        console.error(`Micromentor: could not load ${file}.`, error);
      },
    );
    return loading;
  };
}

/** <mm-calendar-feed>, <mm-email-preferences>, <mm-data-rights>. */
export const loadSettingsPart = lazyPart('settings.js', () => import('../settings-part.js'));

/** <mm-audit-log>, <mm-user-data>: the admin console's. */
export const loadAdminPart = lazyPart('admin-tools.js', () => import('../admin-part.js'));
