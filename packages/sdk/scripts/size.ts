/** `pnpm --filter @micromentor/sdk size`: the browser entry's size, as `pnpm bench` reports it. */
import { BROWSER_GZIP_BUDGET_BYTES, browserEntrySizes, kb } from './bundle.js';

const sizes = await browserEntrySizes();
console.log(
  `@micromentor/sdk browser entry: ${kb(sizes.minified)} minified, ${kb(sizes.gzip)} gzip ` +
    `(budget ${kb(BROWSER_GZIP_BUDGET_BYTES)}), ${kb(sizes.brotli)} brotli`,
);
if (sizes.gzip > BROWSER_GZIP_BUDGET_BYTES) process.exitCode = 1;
