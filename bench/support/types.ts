import type { BenchServer } from './server.js';

/**
 * `KB` figures are kibibytes; `score` is a unitless measure (hit rate, MRR, layout shift) shown
 * to 3 decimals; `/100` a 0–100 score (Lighthouse) shown whole.
 */
export type Unit = 'req/s' | 'ms' | '%' | 'KB' | 'score' | '/100' | 's';

export interface Figure {
  value: number;
  unit: Unit;
}

/** One line of the results table. */
export interface Row {
  benchmark: string;
  figure: Figure;
  baseline?: Figure | undefined;
  /** Shown as `figure ÷ baseline`; computed when both figures are there and omitted here. */
  ratio?: number | undefined;
  notes?: string | undefined;
  /** A correctness condition the run must meet (never a timing): failing it fails `pnpm bench`. */
  check?: { ok: boolean; message: string } | undefined;
}

export interface BenchSettings {
  /** Concurrent clients for throughput runs. */
  connections: number;
  /** Seconds per measured throughput run. */
  duration: number;
  /** Seconds per warm-up run. */
  warmup: number;
}

export interface SectionContext {
  /** The running server; a section with `needsServer: false` must not touch it. */
  server: BenchServer;
  settings: BenchSettings;
  /** Progress lines go to stderr so stdout keeps only the table. */
  log(message: string): void;
  /** Text printed under the table (stdout), e.g. a query plan's summary. */
  appendix(title: string, lines: readonly string[]): void;
}

/** A benchmark section: seeds what it needs on the shared server and measures; only prints via rows. */
export interface Section {
  name: string;
  /** False for sections that measure files, not the server (default true). */
  needsServer?: boolean;
  run(ctx: SectionContext): Promise<Row[]>;
}
