import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cruiseTree,
  diagrams,
  documentedDiagrams,
  REPO_ROOT,
  ruleFile,
  type Violation,
  violationsOf,
} from '../../scripts/architecture.js';

/**
 * The layer rules of docs/architecture.md (`.dependency-cruiser.cjs`) hold on the real tree, catch
 * each kind of violation on a small tree built to break them, and the diagrams in the docs are
 * the ones the imports draw.
 */
describe('the real tree', () => {
  let result: Awaited<ReturnType<typeof cruiseTree>>;
  beforeAll(async () => {
    result = await cruiseTree(REPO_ROOT);
  }, 120_000);

  it('breaks no layer rule and has no import cycle', () => {
    const lines = violationsOf(result).map((v) => `${v.rule}: ${v.from} → ${v.to}`);
    expect(lines).toEqual([]);
    // Guards against a configuration that silently cruises nothing.
    expect(result.summary.totalCruised).toBeGreaterThan(250);
  });

  it('resolves every import it reads (a rule cannot miss what it cannot see)', () => {
    const unresolved = result.modules.flatMap((m) =>
      m.dependencies.filter((d) => d.couldNotResolve).map((d) => `${m.source} → ${d.module}`),
    );
    expect(unresolved).toEqual([]);
  });

  it('matches the diagrams in docs/architecture.md (node --import tsx scripts/architecture.ts --write)', () => {
    expect(documentedDiagrams()).toBe(diagrams(result));
  });
});

/** One file per entry: path → source. Each rule is broken once; the allowed imports beside them are not. */
const brokenTree: Record<string, string> = {
  'packages/server/src/app.ts': "import './routes/ok.js';\n",
  'packages/server/src/routes/ok.ts':
    "import '../domain/ok.js';\nimport '../http/ok.js';\nimport '../schemas/ok.js';\n",
  'packages/server/src/routes/bad.ts': "import '../db/bad.js';\n",
  'packages/server/src/domain/ok.ts': "import '../db/ok.js';\nimport type {} from '../schemas/ok.js';\n",
  'packages/server/src/db/ok.ts': 'export const ok = 1;\n',
  'packages/server/src/db/bad.ts': "import '../domain/uses-jobs.js';\n",
  'packages/server/src/domain/uses-jobs.ts': "import '../jobs/worker.js';\n",
  'packages/server/src/jobs/worker.ts': "import '../domain/ok.js';\n",
  'packages/server/src/inbound/ok.ts': "import '../domain/ok.js';\nimport type {} from '../db/ok.js';\n",
  'packages/server/src/inbound/bad.ts': "import '../http/ok.js';\n",
  'packages/server/src/http/ok.ts': "import '../domain/ok.js';\n",
  'packages/server/src/http/bad.ts': "import '../routes/ok.js';\n",
  'packages/server/src/schemas/ok.ts': 'export const schema = 1;\n',
  'packages/server/src/schemas/bad.ts': "import '../db/ok.js';\n",
  'packages/server/src/schemas/row-type.ts': "import type {} from '../db/database.js';\n",
  'packages/server/src/schemas/row-value.ts': "import { rows } from '../db/database.js';\nexport { rows };\n",
  'packages/server/src/db/database.ts': 'export const rows = 1;\n',
  'packages/server/src/domain/cycle-a.ts':
    "import type { B } from './cycle-b.js';\nexport type A = { b?: B };\n",
  'packages/server/src/domain/cycle-b.ts':
    "import type { A } from './cycle-a.js';\nexport type B = { a?: A };\n",
  'packages/server/src/domain/uses-widget.ts': "import '../../../widget/src/ok.js';\n",
  'packages/server/src/domain/uses-sdk.ts': "import '../../../sdk/src/ok.js';\n",
  'packages/sdk/src/ok.ts': "import type {} from '../../server/src/schemas/ok.js';\n",
  'packages/sdk/src/bad.ts': "import { schema } from '../../server/src/schemas/ok.js';\nexport { schema };\n",
  'packages/widget/src/ok.ts': "import '../../sdk/src/ok.js';\nimport './internal/ok.js';\n",
  'packages/widget/src/internal/ok.ts': 'export const ok = 1;\n',
  'packages/widget/src/bad.ts': "import type {} from '../../server/src/schemas/ok.js';\n",
  'packages/widget/src/mentor-console/shell.ts': "import '../internal/ok.js';\n",
  'packages/widget/src/admin-console/shell.ts': "import '../mentor-console/shell.js';\n",
  'packages/widget/src/follow-up/shell.ts': 'export const shell = 1;\n',
  'packages/widget/src/panel/panel.ts':
    "import '../admin-console/shell.js';\nimport '../follow-up/shell.js';\n",
  'packages/widget/src/mentor-console-entry.ts': "import './mentor-console/shell.js';\n",
};

describe('the rules on a tree that breaks each of them', () => {
  let work: string;
  let found: Violation[];
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mm-layers-'));
    for (const [path, source] of Object.entries(brokenTree)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), source);
    }
    found = violationsOf(await cruiseTree(work));
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reports exactly the deliberate violations, and none of the allowed imports', () => {
    const server = 'packages/server/src/';
    const widget = 'packages/widget/src/';
    expect(found.map((v) => `${v.rule} ${v.from} → ${v.to}`).sort()).toEqual(
      [
        `no-cycles ${server}domain/cycle-a.ts → ${server}domain/cycle-b.ts → ${server}domain/cycle-a.ts`,
        `server-routes-not-db ${server}routes/bad.ts → ${server}db/bad.ts`,
        `server-only-app-imports-routes ${server}http/bad.ts → ${server}routes/ok.ts`,
        `server-http-not-routes-or-jobs ${server}http/bad.ts → ${server}routes/ok.ts`,
        `server-db-imports-no-domain ${server}db/bad.ts → ${server}domain/uses-jobs.ts`,
        `server-domain-below-http ${server}domain/uses-jobs.ts → ${server}jobs/worker.ts`,
        `server-inbound-beside-jobs ${server}inbound/bad.ts → ${server}http/ok.ts`,
        `server-schemas-are-vocabulary ${server}schemas/bad.ts → ${server}db/ok.ts`,
        `server-schemas-name-row-types-only ${server}schemas/row-value.ts → ${server}db/database.ts`,
        `sdk-imports-server-types-only packages/sdk/src/bad.ts → ${server}schemas/ok.ts`,
        `widget-talks-through-the-sdk ${widget}bad.ts → ${server}schemas/ok.ts`,
        `lower-packages-never-import-higher ${server}domain/uses-widget.ts → ${widget}ok.ts`,
        `server-never-imports-the-sdk ${server}domain/uses-sdk.ts → packages/sdk/src/ok.ts`,
        `widget-mentor-console-is-its-bundles-own ${widget}admin-console/shell.ts → ${widget}mentor-console/shell.ts`,
        `widget-admin-console-is-its-bundles-own ${widget}panel/panel.ts → ${widget}admin-console/shell.ts`,
        `widget-follow-up-is-its-bundles-own ${widget}panel/panel.ts → ${widget}follow-up/shell.ts`,
      ].sort(),
    );
  });

  it('has a case above for every rule in .dependency-cruiser.cjs', () => {
    const fired = new Set(found.map((v) => v.rule));
    expect(
      ruleFile()
        .forbidden.map((r) => r.name ?? '(a rule without a name)')
        .filter((name) => !fired.has(name)),
    ).toEqual([]);
  });
});
