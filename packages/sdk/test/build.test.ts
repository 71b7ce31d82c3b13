import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, build } from '../scripts/build.js';
import { BROWSER_GZIP_BUDGET_BYTES } from '../scripts/bundle.js';

/**
 * The package as it would be published: built into a folder outside the workspace (where
 * nothing resolves to the server's sources), installed there under node_modules with the
 * `publishConfig` exports, and used by a small TypeScript app.
 */
let work: string;
let result: BuildResult;
let packageDir: string;

const read = (file: string) => readFileSync(file, 'utf8');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mm-sdk-build-'));
  result = await build(join(work, 'dist'));
  packageDir = join(work, 'app', 'node_modules', '@micromentor', 'sdk');
  mkdirSync(packageDir, { recursive: true });
  cpSync(result.outDir, join(packageDir, 'dist'), { recursive: true });
  const manifest = JSON.parse(read(new URL('../package.json', import.meta.url).pathname));
  writeFileSync(
    join(packageDir, 'package.json'),
    JSON.stringify({
      name: manifest.name,
      type: 'module',
      sideEffects: false,
      exports: manifest.publishConfig.exports,
    }),
  );
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `any` as a type anywhere in a declaration file (comments and strings don't count). */
function anyKeywords(text: string): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  let count = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.AnyKeyword) count++;
  }
  return count;
}

describe('the built package', () => {
  it('has an ESM file and declarations per entry, and the server types written out', () => {
    const names = result.files.map((f) => f.slice(result.outDir.length + 1));
    expect(names).toEqual(
      expect.arrayContaining([
        'index.js',
        'index.d.ts',
        'admin.js',
        'admin.d.ts',
        'node/index.js',
        'node/index.d.ts',
        'server-types.d.ts',
      ]),
    );
    expect(result.browser.gzip).toBeLessThanOrEqual(BROWSER_GZIP_BUDGET_BYTES);
  });

  it('never references the server package, and its declarations contain no any', () => {
    for (const file of result.files) {
      const text = read(file);
      expect(text, file).not.toContain('@micromentor/server');
      if (file.endsWith('.d.ts')) expect(anyKeywords(text), file).toBe(0);
    }
    expect(read(join(result.outDir, 'server-types.d.ts'))).toMatch(
      /export type Booking = \{ id: string; mentorId: string;/,
    );
  });

  it('type-checks an app that uses it, and rejects what the API would reject', () => {
    const app = join(work, 'app', 'app.ts');
    writeFileSync(
      app,
      `import { ConflictError, Micromentor, type Booking, type Mentor } from '@micromentor/sdk';
import { MicromentorAdmin } from '@micromentor/sdk/admin';
import { signUserToken } from '@micromentor/sdk/node';

const userToken: string = signUserToken({ identitySecret: 'ids', sub: 'u1', name: 'Ada', roles: ['mentor'] });
const mm = new Micromentor({ baseUrl: 'https://api.example', secretKey: 'sk_x', userToken });

export async function book(mentorId: string): Promise<Booking | null> {
  const mentors: Mentor[] = await mm.mentors.list({ skills: ['sql'] }).toArray({ limit: 5 });
  const { matches } = await mm.requests.create({ title: 'Stuck on joins', urgency: 'today' });
  const slot = matches[0]?.nextSlots[0];
  if (!slot || mentors.length === 0) return null;
  try {
    return await mm.bookings.create({ mentorId, start: slot.start, durationMinutes: 30, format: 'video' });
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'slot_unavailable') return null;
    throw error;
  }
}

// @ts-expect-error durationMinutes is a number
mm.bookings.create({ mentorId: 'm', start: '2026-12-01T10:00:00Z', durationMinutes: '30', format: 'video' });
// @ts-expect-error there is no such format
mm.bookings.create({ mentorId: 'm', start: '2026-12-01T10:00:00Z', durationMinutes: 30, format: 'fax' });
// @ts-expect-error roles are mentor or admin
signUserToken({ identitySecret: 'ids', sub: 'u1', name: 'Ada', roles: ['root'] });

const admin = new MicromentorAdmin({ baseUrl: 'https://api.example', secretKey: 'sk_x' });
export const applications = admin.admin.mentors.list({ status: 'pending' });
// @ts-expect-error the browser entry's client has no admin routes
export const none = mm.admin;
`,
    );
    const program = ts.createProgram([app], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      skipLibCheck: false,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    const text = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => work,
      getNewLine: () => '\n',
    });
    expect(text).toBe('');
  });

  it('runs: the browser file exports the client and the error classes', async () => {
    const sdk = await import(pathToFileURL(join(packageDir, 'dist', 'index.js')).href);
    expect(Object.keys(sdk).sort()).toEqual(
      [
        'AuthenticationError',
        'ConflictError',
        'ConnectionError',
        'IdempotencyError',
        'Micromentor',
        'MicromentorCore',
        'MicromentorError',
        'NotFoundError',
        'Page',
        'PageList',
        'PermissionError',
        'RateLimitError',
        'TimeoutError',
        'ValidationError',
        'errorFromResponse',
        'linkify',
        // The learner's questions advised on by several mentors, kept out of `me` (#18).
        'myQuestions',
      ].sort(),
    );
    const mm = new sdk.Micromentor({ baseUrl: 'https://api.example', publishableKey: 'pk_x' });
    expect(mm.bookings.calendarUrl('b1')).toBe('https://api.example/v1/bookings/b1/calendar.ics');
    expect('admin' in mm, 'the admin routes are not in the browser entry').toBe(false);
    const admin = await import(pathToFileURL(join(packageDir, 'dist', 'admin.js')).href);
    expect(Object.keys(admin)).toEqual(['MicromentorAdmin']);
    const am = new admin.MicromentorAdmin({ baseUrl: 'https://api.example', secretKey: 'sk_x' });
    expect(typeof am.admin.webhooks.create).toBe('function');
    expect(typeof am.bookings.calendarUrl).toBe('function');
    const node = await import(pathToFileURL(join(packageDir, 'dist', 'node', 'index.js')).href);
    expect(node.signUserToken({ identitySecret: 's', sub: 'u', name: 'U' })).toMatch(
      /^[\w-]+\.[\w-]+\.[\w-]+$/,
    );
  });
});
