/**
 * Sizes: the SDK's browser entry (`@micromentor/sdk`) as an app's bundler ships it — bundled,
 * minified, then gzip (level 9) and brotli (quality 11) — against its gzip budget (5.25 KB); and
 * tree-shaking, as an app that imports only the error classes, against the whole entry. Every
 * figure is measured in this run with the same bundler (esbuild) the size test uses.
 * Also what each page downloads of the widget (packages/widget/dist, one ES-module graph with
 * shared chunks behind the widget.js loader): the loader, the learner flow, My help on top of it,
 * each console's page and each part's extra files, every file gzipped on its own, against the
 * budgets in packages/widget/build/budgets.ts (which files: the build's pages.manifest.json).
 * Needs no server.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BROWSER_GZIP_BUDGET_BYTES,
  browserEntrySizes,
  bundle,
  esbuildVersion,
  kb,
  measure,
} from '../../packages/sdk/scripts/bundle.js';
import { BUDGETS, downloads, type Manifest } from '../../packages/widget/build/budgets.js';
import type { Figure, Row, Section } from '../support/types.js';

const WIDGET_DIR = fileURLToPath(new URL('../../packages/widget/', import.meta.url));
const WIDGET_FILE = join(WIDGET_DIR, 'dist', 'widget.js');

const KiB = (bytes: number): Figure => ({ value: bytes / 1024, unit: 'KB' });

/**
 * dist/widget.js (the loader), building the widget with its `vite build` first when it is
 * missing. Undefined when it cannot be built.
 */
export async function widgetFile(
  log: (message: string) => void,
): Promise<{ code: Buffer; built: boolean } | undefined> {
  if (existsSync(WIDGET_FILE)) return { code: readFileSync(WIDGET_FILE), built: false };
  const vite = join(WIDGET_DIR, 'node_modules', '.bin', 'vite');
  if (!existsSync(vite)) return undefined;
  log('packages/widget/dist/widget.js is missing: running the widget’s vite build…');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(vite, ['build'], { cwd: WIDGET_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', () => resolve(-1));
    child.once('exit', (status) => resolve(status));
  });
  if (code !== 0 || !existsSync(WIDGET_FILE)) return undefined;
  return { code: readFileSync(WIDGET_FILE), built: true };
}

export async function sizes(log: (message: string) => void = () => {}): Promise<Row[]> {
  const entry = await browserEntrySizes();
  const errorsOnly = measure(
    await bundle({
      contents:
        "import { MicromentorError } from './src/index.ts'; export const isApiError = (e: unknown) => e instanceof MicromentorError;",
    }),
  );
  const bundler = `esbuild ${await esbuildVersion()}`;
  const budget = KiB(BROWSER_GZIP_BUDGET_BYTES);
  const rows: Row[] = [
    {
      benchmark: 'sdk browser entry, min + gzip',
      figure: KiB(entry.gzip),
      baseline: budget,
      notes: `baseline = the gzip budget; bundled and minified with ${bundler}, gzip -9; ${kb(entry.minified)} minified`,
    },
    {
      benchmark: 'sdk browser entry, min + brotli',
      figure: KiB(entry.brotli),
      baseline: budget,
      notes: 'baseline = the same budget; brotli quality 11',
    },
    {
      benchmark: 'sdk tree-shaken: error classes only',
      figure: KiB(errorsOnly.gzip),
      baseline: KiB(entry.gzip),
      notes: 'gzip; baseline = the whole browser entry',
    },
  ];

  const widget = await widgetFile(log);
  if (!widget) {
    rows.push({
      benchmark: 'widget loader (dist/widget.js)',
      figure: { value: Number.NaN, unit: 'KB' },
      baseline: KiB(BUDGETS.loader),
      notes: 'not built (packages/widget `vite build` unavailable or failed)',
    });
    return rows;
  }
  const how = widget.built ? 'built now with vite build' : 'as found in dist/';
  const manifestFile = join(WIDGET_DIR, 'dist', 'pages.manifest.json');
  if (!existsSync(manifestFile)) {
    rows.push({
      benchmark: 'widget pages',
      figure: { value: Number.NaN, unit: 'KB' },
      baseline: KiB(BUDGETS.learnerFlow),
      notes: 'dist/pages.manifest.json is missing: rebuild the widget (vite build)',
    });
    return rows;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const sizeOf = (file: string) => measure(readFileSync(join(WIDGET_DIR, 'dist', file), 'utf8'));
  for (const download of Object.values(downloads(manifest))) {
    const sizes = download.files.map(sizeOf);
    const gzip = sizes.reduce((sum, size) => sum + size.gzip, 0);
    const brotli = sizes.reduce((sum, size) => sum + size.brotli, 0);
    rows.push({
      benchmark: `widget ${download.label}, gzip`,
      figure: KiB(gzip),
      baseline: KiB(download.budget),
      notes: `baseline = budget; ${how}; ${download.files.length} file${download.files.length === 1 ? '' : 's'}, each gzipped on its own; brotli ${kb(brotli)}`,
    });
  }
  return rows;
}

export const sizesSection: Section = {
  name: 'sizes',
  needsServer: false,
  run: (ctx) => sizes(ctx.log),
};
