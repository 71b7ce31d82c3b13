import type { BenchServer } from './server.js';

export type Unit = 'req/s' | 'ms' | '%';

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
  server: BenchServer;
  settings: BenchSettings;
  /** Progress lines go to stderr so stdout keeps only the table. */
  log(message: string): void;
}

/** A benchmark section: seeds what it needs on the shared server and measures; only prints via rows. */
export interface Section {
  name: string;
  run(ctx: SectionContext): Promise<Row[]>;
}
