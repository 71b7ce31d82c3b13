// The layer rules of docs/architecture.md, checked by test/architecture/layers.test.ts (part of
// `pnpm test`) and by hand with `npx depcruise packages/server/src packages/sdk/src packages/widget/src`.
// Paths are relative to the repository root. Tests and built output are outside the rules.

const server = '^packages/server/src/';
/**
 * A console or follow-up bundle's own folder: only that bundle and the package's entries
 * (`index.ts`, the `*-entry.ts` bundles, the JSX types of `react.ts`) import it.
 */
const bundleRule = (folder) => ({
  name: `widget-${folder}-is-its-bundles-own`,
  comment: `widget/src/${folder}/ is one bundle's shell: shared pieces live in internal/ or styles/`,
  severity: 'error',
  from: {
    path: '^packages/widget/src/',
    pathNot: [
      `^packages/widget/src/${folder}/`,
      '^packages/widget/src/[^/]+-entry\\.ts$',
      '^packages/widget/src/(index|react)\\.ts$',
    ],
  },
  to: { path: `^packages/widget/src/${folder}/` },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycles anywhere, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'server-routes-not-db',
      comment: 'Routes validate, call the domain and shape the response; queries live behind the domain.',
      severity: 'error',
      from: { path: `${server}routes/` },
      to: { path: `${server}db/` },
    },
    {
      name: 'server-only-app-imports-routes',
      comment: 'Route modules are mounted by app.ts and nothing else depends on them.',
      severity: 'error',
      from: { path: server, pathNot: [`${server}app\\.ts$`, `${server}routes/`] },
      to: { path: `${server}routes/` },
    },
    {
      name: 'server-db-imports-no-domain',
      comment: 'The database layer knows rows and queries, not the domain or anything above it.',
      severity: 'error',
      from: { path: `${server}db/` },
      to: {
        path: `${server}(domain|routes|http|jobs|realtime|inbound|cli|schemas)/|${server}(app|main)\\.ts$`,
      },
    },
    {
      name: 'server-domain-below-http',
      comment:
        'The domain is called by routes, jobs, the inbound mail listener and the CLI; it never reaches back up to them.',
      severity: 'error',
      from: { path: `${server}domain/` },
      to: { path: `${server}(routes|http|jobs|realtime|inbound|cli)/|${server}(app|main)\\.ts$` },
    },
    {
      name: 'server-inbound-beside-jobs',
      comment:
        'inbound/ (the reply-by-email SMTP listener) calls the domain as the job worker does; it is not HTTP.',
      severity: 'error',
      from: { path: `${server}inbound/` },
      to: { path: `${server}(routes|http|jobs|realtime|cli)/|${server}(app|main)\\.ts$` },
    },
    {
      name: 'server-schemas-are-vocabulary',
      comment: 'Schemas describe the wire; they may name domain vocabulary but never queries or handlers.',
      severity: 'error',
      from: { path: `${server}schemas/` },
      to: {
        path: `${server}(db|routes|http|jobs|realtime|inbound|cli)/|${server}(app|main)\\.ts$`,
        pathNot: `${server}db/database\\.ts$`,
      },
    },
    {
      name: 'server-schemas-name-row-types-only',
      comment:
        'A schema may name a column type of db/database.ts (one definition of e.g. Urgency), as a type.',
      severity: 'error',
      from: { path: `${server}schemas/` },
      to: { path: `${server}db/database\\.ts$`, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-http-not-routes-or-jobs',
      comment: 'http/ is middleware beside the routes: auth, errors, transactions, request context.',
      severity: 'error',
      from: { path: `${server}http/` },
      to: { path: `${server}(routes|jobs|inbound|cli)/|${server}main\\.ts$` },
    },
    {
      name: 'sdk-imports-server-types-only',
      comment:
        "The SDK's types come from the server; its code never does (no Hono, pg or PGlite in a browser).",
      severity: 'error',
      from: { path: '^packages/sdk/src/' },
      to: { path: '^packages/server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'widget-talks-through-the-sdk',
      comment: 'The widget knows the API only through the SDK.',
      severity: 'error',
      from: { path: '^packages/widget/src/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'lower-packages-never-import-higher',
      comment: 'server ← sdk ← widget: the server imports neither, the SDK not the widget.',
      severity: 'error',
      from: { path: '^packages/(server|sdk)/' },
      to: { path: '^packages/widget/' },
    },
    {
      name: 'server-never-imports-the-sdk',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/sdk/' },
    },
    bundleRule('mentor-console'),
    bundleRule('admin-console'),
    bundleRule('follow-up'),
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)node_modules/|\\.test\\.ts$|\\.test-d\\.ts$|/test-support/|/dist/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'node', 'default'],
      mainFields: ['types', 'module', 'main'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs'],
    },
  },
};
