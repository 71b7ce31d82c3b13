import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/connect.js';
import { inspectOnnxFolder } from '../src/domain/matching/semantic/onnx-folder.js';
import { type CliDatabase, createCliDatabase, runCli } from './support/cli-process.js';
import { writeTinyOnnxModel } from './support/tiny-onnx-model.js';

/** `micromentor embeddings backfill`, spawned for real against a database of its own. */
describe(`micromentor embeddings backfill (${process.env.MM_TEST_DB ?? 'pglite'})`, () => {
  let database: CliDatabase;

  beforeAll(async () => {
    database = await createCliDatabase();
    // The demo tenant's ~60 approved mentors, their embedding jobs queued but no worker running.
    const seeded = await runCli(['seed', '--demo'], database.env, 90_000);
    expect(seeded.code, seeded.stderr).toBe(0);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function storedCount(): Promise<{ rows: number; mentors: number }> {
    const handle = await connectDatabase(
      database.env.DATABASE_URL
        ? { databaseUrl: database.env.DATABASE_URL, poolSize: 1 }
        : { dataDir: database.env.MICROMENTOR_DATA_DIR! },
    );
    try {
      const rows = await handle.db.selectFrom('mentor_embeddings').select('mentor_id').execute();
      const mentors = await handle.db
        .selectFrom('mentors')
        .select('id')
        .where('status', '=', 'approved')
        .execute();
      return { rows: rows.length, mentors: mentors.length };
    } finally {
      await handle.close();
    }
  }

  it('refuses when embeddings are off, and names an unknown tenant', async () => {
    const off = await runCli(['embeddings', 'backfill'], { ...database.env, MICROMENTOR_EMBEDDINGS: 'off' });
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(/Embeddings are off \(MICROMENTOR_EMBEDDINGS=off\)/);
    const unknown = await runCli(['embeddings', 'backfill', '--tenant', 'nope'], database.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No tenant nope\./);
    expect((await storedCount()).rows).toBe(0);
  }, 120_000);

  it('embeds every approved mentor, printing progress, and skips them on a second run', async () => {
    const first = await runCli(['embeddings', 'backfill'], database.env, 120_000);
    expect(first.code, first.stderr).toBe(0);
    const { rows, mentors } = await storedCount();
    expect(mentors).toBeGreaterThan(50);
    expect(rows).toBe(mentors);
    const lines = first.stdout.trim().split('\n');
    expect(lines.at(-2)).toBe(`${mentors}/${mentors} mentors (${mentors} embedded)`);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^Done: ${mentors} of ${mentors} approved mentors embedded with use-lite`),
    );
    console.log(`backfill of the demo tenant: ${lines.at(-1)}`);

    const again = await runCli(['embeddings', 'backfill'], database.env, 120_000);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${mentors}/${mentors} mentors (0 embedded)`);
  }, 240_000);

  it('re-embeds every mentor with an ONNX model folder, whose id names the model, and refuses an incomplete one', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mm-cli-onnx-'));
    try {
      const folder = join(root, 'tiny-bert');
      await writeTinyOnnxModel(folder);
      const id = inspectOnnxFolder(folder).id;
      const env = { ...database.env, MICROMENTOR_EMBEDDINGS: `onnx:${folder}` };
      const run = await runCli(['embeddings', 'backfill'], env, 120_000);
      expect(run.code, run.stderr).toBe(0);
      const { mentors } = await storedCount();
      // Vectors of another model are stale: every mentor is embedded again, under the new id.
      expect(run.stdout.trim().split('\n').at(-1)).toMatch(
        new RegExp(`^Done: ${mentors} of ${mentors} approved mentors embedded with ${id} `),
      );

      await rm(join(folder, 'tokenizer.json'));
      const broken = await runCli(['embeddings', 'backfill'], env, 60_000);
      expect(broken.code).not.toBe(0);
      expect(broken.stderr).toContain(`MICROMENTOR_EMBEDDINGS: ${folder} has no tokenizer.json`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 240_000);
});
