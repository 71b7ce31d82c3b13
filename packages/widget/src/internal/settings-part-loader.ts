// Panels the consoles show later come in files of their own, the first time a console shows them,
// so a console page downloads only what it shows first (build/budgets.ts): the settings part
// (settings-part.ts → dist/settings.<hash>.js) and the admin console's part (admin-part.ts →
// dist/admin-tools.<hash>.js) and its LTI part (lti-part.ts → dist/lti.<hash>.js). A plain import(): in the pages build (one ES-module graph) it loads
// the part's file relative to the importing module's own URL, sharing Lit and the SDK with the
// console; bundlers (the esm build) and the tests follow it as usual.

function lazyPart(file: string, source: () => Promise<unknown>): () => Promise<unknown> {
  let loading: Promise<unknown> | undefined;
  return () => {
    loading ??= source().catch((error: unknown) => {
      loading = undefined; // shown again later, it tries again
      console.error(`Micromentor: could not load ${file}.`, error);
    });
    return loading;
  };
}

/** <mm-calendar-feed>, <mm-email-preferences>, <mm-data-rights>. */
export const loadSettingsPart = lazyPart('the settings', () => import('../settings-part.js'));

/** <mm-audit-log>, <mm-user-data>: the admin console's. */
export const loadAdminPart = lazyPart('the admin tools', () => import('../admin-part.js'));

/** <mm-lti-admin>: the admin console's "LMS (LTI 1.3)" tab. */
export const loadLtiPart = lazyPart('the LMS (LTI) section', () => import('../lti-part.js'));
