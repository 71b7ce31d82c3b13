// `<mm-calendar-feed>` comes in a file of its own, the first time a console shows it, so the
// console bundles stay within their budgets (build/budgets.ts). In the script-tag bundles this
// import() stays a native one of dist/calendar-feed.js beside the bundle (build/lazy-parts.ts).
let loading: Promise<unknown> | undefined;

export function loadCalendarFeed(): Promise<unknown> {
  loading ??= import('../calendar-feed/calendar-feed.js').catch((error: unknown) => {
    loading = undefined; // shown again later, it tries again
    console.error('Micromentor: could not load the calendar section.', error);
  });
  return loading;
}
