import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Micromentor } from '../../packages/sdk/src/index.js';
import { systemClock } from '../../packages/server/src/clock.js';
import { seedDemo } from '../../packages/server/src/demo/seed.js';
import { SecretBox } from '../../packages/server/src/security/keys.js';
import { type RunningApi, startApi } from './support.js';

// examples/node-sdk, run as a developer runs it (`node --import tsx import-mentors.ts`), against
// the real server seeded with the demo tenant whose keys the example uses by default.
const root = fileURLToPath(new URL('../..', import.meta.url));
const exampleDir = join(root, 'examples', 'node-sdk');

let api: RunningApi;
let work: string;
let env: NodeJS.ProcessEnv;

/**
 * Until `pnpm install` links the example's `@micromentor/sdk` dependency, point tsx at the
 * workspace sources through tsconfig paths; once linked, the example resolves it itself.
 */
function resolutionEnv(): NodeJS.ProcessEnv {
  // (Checked on disk: inside vitest, require.resolve finds workspace packages Node would not.)
  if (existsSync(join(exampleDir, 'node_modules', '@micromentor', 'sdk', 'package.json'))) return {};
  const tsconfig = join(work, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        baseUrl: root,
        paths: {
          '@micromentor/sdk': ['packages/sdk/src/index.ts'],
          '@micromentor/sdk/node': ['packages/sdk/src/node/index.ts'],
        },
      },
    }),
  );
  return { TSX_TSCONFIG_PATH: tsconfig };
}

function runExample(args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'import-mentors.ts', ...args],
      { cwd: exampleDir, env, timeout: 60_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  api = await startApi();
  await seedDemo(api.db, new SecretBox(undefined), systemClock);
  work = mkdtempSync(join(tmpdir(), 'mm-example-'));
  env = {
    ...process.env,
    MICROMENTOR_API: api.url,
    MICROMENTOR_OUT_DIR: join(work, 'out'),
    ...resolutionEnv(),
  };
});
afterAll(async () => {
  await api?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('examples/node-sdk', () => {
  it('imports the sample CSV, explains each rejected row, books the top match and saves its .ics', async () => {
    const { code, stdout, stderr } = await runExample();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('mentors.csv: 22 created, 0 updated, 7 rejected (29 rows).');
    for (const reason of [
      /line 24 +\(no name\) +name: must not be empty/,
      /line 25 +Jo Bloggs +yearsExperience: "ten" is not a whole number/,
      /line 26 +Zed Nowhere +timeZone: must be an IANA time zone/,
      /line 27 +Faxine Machina +formats: /,
      /line 28 +Ivy Early +weekly: "mon-fri 9am-5pm" is not like "mon-fri 09:00-17:00"/,
      /line 29 +Aiko Tanaka \(copy\) +externalId: hr-1003 is already on line 4/,
      /line 30 +Short Row +has 5 columns; the header has 9/,
    ]) {
      expect(stdout).toMatch(reason);
    }
    expect(stdout).toMatch(/Asked for help: "My LEFT JOIN returns duplicate rows" → [1-5] matches/);
    expect(stdout).toMatch(/Booked .+, \d+ min .+ \((video|call|chat)\)/);

    const files = readdirSync(join(work, 'out'));
    expect(files).toHaveLength(1);
    const ics = readFileSync(join(work, 'out', files[0] ?? ''), 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('BEGIN:VEVENT');

    // What the example did is there for the SDK to see.
    const mm = new Micromentor({ baseUrl: api.url, secretKey: 'sk_demo_LocalOnlySecretKeyNeverInProd' });
    const imported = (await mm.mentors.list({ limit: 100 }).toArray()).filter((m) =>
      m.externalId?.startsWith('hr-'),
    );
    expect(imported).toHaveLength(22);
    expect(imported.find((m) => m.externalId === 'hr-1001')).toMatchObject({
      name: 'Priya Raman',
      languages: ['en', 'ta'],
      timeZone: 'Europe/London',
    });
    expect(
      await mm.mentors.availability.get(imported.find((m) => m.externalId === 'hr-1012')?.id ?? ''),
    ).toMatchObject({
      timeZone: 'Europe/Stockholm',
      weekly: [
        { day: 'tue', start: '08:00', end: '12:00' },
        { day: 'thu', start: '08:00', end: '12:00' },
      ],
    });
  });

  it('run again, updates the mentors it imported instead of duplicating them', async () => {
    const { code, stdout } = await runExample();
    expect(code).toBe(0);
    expect(stdout).toContain('mentors.csv: 0 created, 22 updated, 7 rejected (29 rows).');
    expect(readdirSync(join(work, 'out'))).toHaveLength(2);
  });

  it('says what to do when the API is not running', async () => {
    const saved = env;
    env = { ...env, MICROMENTOR_API: 'http://127.0.0.1:9' };
    try {
      const { code, stderr } = await runExample();
      expect(code).toBe(1);
      expect(stderr).toContain('Cannot reach the API at http://127.0.0.1:9: is `pnpm start` running?');
    } finally {
      env = saved;
    }
  });

  it('ships its sample file and README with the one command', () => {
    expect(existsSync(join(exampleDir, 'mentors.csv'))).toBe(true);
    expect(readFileSync(join(exampleDir, 'README.md'), 'utf8')).toContain(
      'pnpm --filter @micromentor/example-node-sdk start',
    );
  });
});
