/**
 * `pnpm bench [section …]` — starts the real server (PGlite in memory, or PostgreSQL with
 * DATABASE_URL), runs each section against it and prints one results table. It only prints:
 * no timing is asserted. It exits non-zero when setup fails or a correctness check fails.
 *
 *   BENCH_DURATION   seconds per measured throughput run (default 6)
 *   BENCH_WARMUP     seconds per warm-up run (default 2)
 *   BENCH_CONNECTIONS concurrent clients (default 32)
 *   BENCH_POOL_SIZE  pg pool size (default: connectDatabase's 10)
 */
import { cpus } from 'node:os';
import { analyticsSection } from './sections/analytics.js';
import { bookingSection } from './sections/booking.js';
import { guidanceSection } from './sections/guidance.js';
import { hostPageSection } from './sections/host-page.js';
import { matchingQualitySection } from './sections/matching-quality.js';
import { matchingSpeedSection } from './sections/matching-speed.js';
import { sizesSection } from './sections/sizes.js';
import { type BenchServer, spawnBenchServer } from './support/server.js';
import { renderTable } from './support/table.js';
import type { BenchSettings, Row, Section } from './support/types.js';

/** Every section, in order. A new section is one more entry here. */
const SECTIONS: Section[] = [
  bookingSection,
  matchingQualitySection,
  matchingSpeedSection,
  guidanceSection,
  sizesSection,
  analyticsSection,
  hostPageSection,
];

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

/** Stands in for the server in runs whose sections all say `needsServer: false`. */
function noServer(): BenchServer {
  return new Proxy({} as BenchServer, {
    get(_target, key) {
      throw new Error(`this section declared needsServer: false but used server.${String(key)}`);
    },
  });
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function describeDatabase(server: BenchServer): string {
  const vectors = server.vectorSearch
    ? `; vectors searched ${server.vectorSearch === 'pgvector' ? 'by pgvector' : 'in memory'}`
    : '';
  return server.kind === 'pglite'
    ? `pglite in memory (${server.version}; one connection, so concurrent requests queue${vectors})`
    : `postgres (${server.version}; pool of ${server.connections}${vectors})`;
}

async function main(): Promise<number> {
  const settings: BenchSettings = {
    connections: numberFromEnv('BENCH_CONNECTIONS', 32),
    duration: numberFromEnv('BENCH_DURATION', 6),
    warmup: numberFromEnv('BENCH_WARMUP', 2),
  };
  const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
  const unknown = wanted.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown.length) {
    log(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const sections = wanted.length ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS;

  const started = performance.now();
  const needsServer = sections.some((s) => s.needsServer !== false);
  let server: BenchServer | undefined;
  if (needsServer) {
    log(`starting the server (${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : 'PGlite'})…`);
    server = await spawnBenchServer();
  }
  const rows: Row[] = [];
  const appendices: string[] = [];
  const appendix = (title: string, lines: readonly string[]) => {
    appendices.push('', title, ...lines.map((line) => `  ${line}`));
  };
  try {
    for (const section of sections) {
      log(`section ${section.name}`);
      const sectionServer = server ?? noServer();
      rows.push(...(await section.run({ server: sectionServer, settings, log, appendix })));
    }
  } finally {
    await server?.close();
  }

  const cpu = cpus();
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log('');
  console.log(`database: ${server ? describeDatabase(server) : 'none (no section here needs the server)'}`);
  console.log(`node:     ${process.version} on ${process.platform}/${process.arch}`);
  console.log(`cpus:     ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}`);
  console.log(
    `runs:     ${settings.connections} clients, ${settings.duration} s each after a ${settings.warmup} s warm-up; ` +
      `server in a child process, autocannon in this one`,
  );
  console.log('');
  console.log(renderTable(rows));
  console.log('');
  console.log('ratio = figure ÷ baseline. Timings are printed, never asserted.');
  for (const line of appendices) console.log(line);
  if (appendices.length) console.log('');

  const failed = rows.filter((row) => row.check && !row.check.ok);
  for (const row of failed) console.error(`FAILED ${row.benchmark}: ${row.check?.message}`);
  console.log(`finished in ${seconds} s${failed.length ? `, ${failed.length} check(s) failed` : ''}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`[bench] setup failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exitCode = 1;
  },
);
