/**
 * Sizes: the SDK's browser entry (`@micromentor/sdk`) as an app's bundler ships it — bundled,
 * minified, then gzip (level 9) and brotli (quality 11) — against its 5 KB gzip budget; and
 * tree-shaking, as an app that imports only the error classes, against the whole entry. Every
 * figure is measured in this run with the same bundler (esbuild) the size test uses.
 * Needs no server.
 */
import {
  BROWSER_GZIP_BUDGET_BYTES,
  browserEntrySizes,
  bundle,
  esbuildVersion,
  kb,
  measure,
} from '../../packages/sdk/scripts/bundle.js';

export interface SizeRow {
  benchmark: string;
  figure: string;
  baseline: string;
  ratio: string;
}

const ratio = (figure: number, baseline: number): string => (figure / baseline).toFixed(2);

export async function sizes(): Promise<SizeRow[]> {
  const entry = await browserEntrySizes();
  const errorsOnly = measure(
    await bundle({
      contents:
        "import { MicromentorError } from './src/index.ts'; export const isApiError = (e: unknown) => e instanceof MicromentorError;",
    }),
  );
  const bundler = `esbuild ${await esbuildVersion()}`;
  return [
    {
      benchmark: `sdk browser entry, minified + gzip (${bundler})`,
      figure: kb(entry.gzip),
      baseline: `${kb(BROWSER_GZIP_BUDGET_BYTES)} budget`,
      ratio: ratio(entry.gzip, BROWSER_GZIP_BUDGET_BYTES),
    },
    {
      benchmark: 'sdk browser entry, minified + brotli',
      figure: kb(entry.brotli),
      baseline: `${kb(BROWSER_GZIP_BUDGET_BYTES)} budget`,
      ratio: ratio(entry.brotli, BROWSER_GZIP_BUDGET_BYTES),
    },
    {
      benchmark: 'sdk tree-shaken: only the error classes, gzip',
      figure: kb(errorsOnly.gzip),
      baseline: `${kb(entry.gzip)} whole entry`,
      ratio: ratio(errorsOnly.gzip, entry.gzip),
    },
  ];
}
