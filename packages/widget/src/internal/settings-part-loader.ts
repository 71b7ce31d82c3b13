// The consoles' settings (<mm-calendar-feed>, <mm-email-preferences>) come in a file of their own,
// the first time a console shows them, so the console bundles stay within their budgets
// (build/budgets.ts). In the script-tag bundles this import() stays a native one of
// dist/settings.js beside the bundle (build/lazy-parts.ts).
let loading: Promise<unknown> | undefined;

export function loadSettingsPart(): Promise<unknown> {
  loading ??= import('../settings-part.js').catch((error: unknown) => {
    loading = undefined; // shown again later, it tries again
    console.error('Micromentor: could not load the settings.', error);
  });
  return loading;
}
