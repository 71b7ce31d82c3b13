import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countsReporter } from './test-reporter.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// TEMPORARY: @web/test-runner-commands (sendKeys) comes with @web/test-runner but is not a
// direct dependency, so the browser cannot resolve it from here; look for it next to
// @web/test-runner. Drop once it is a devDependency.
const require = createRequire(import.meta.url);
const testRunnerModules = join(dirname(require.resolve('@web/test-runner')), '..', '..', '..');

// This machine's network is closed: without these flags Chromium stalls on connections.
const chromeArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * `executeServerCommand('built-gzip-size', { file })`: the gzip size of a built file, measured in
 * Node from the bytes on disk (the dev server may re-encode what the browser fetches).
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const builtGzipSize = {
  name: 'built-gzip-size',
  executeCommand({ command, payload }) {
    if (command !== 'built-gzip-size') return undefined;
    const file = /** @type {{ file: string }} */ (payload).file;
    if (!/^dist\/[\w.-]+$/.test(file)) throw new Error(`not a dist/ file: ${file}`);
    return gzipSync(readFileSync(join(here, file)), { level: 9 }).length;
  },
};

/**
 * `executeServerCommand('widget-sources')`: every source file of the package (tests and test
 * support left out) as `{ path, text }`, path relative to the package: what the manifest test
 * derives the public elements from.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const widgetSources = {
  name: 'widget-sources',
  executeCommand({ command }) {
    if (command !== 'widget-sources') return undefined;
    return readdirSync(join(here, 'src'), { recursive: true })
      .map((name) => `src/${String(name).replaceAll('\\', '/')}`)
      .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.includes('test-support/'))
      .map((path) => ({ path, text: readFileSync(join(here, path), 'utf8') }));
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: here,
  files: ['src/**/*.test.ts'],
  nodeResolve: { modulePaths: [testRunnerModules] },
  plugins: [
    builtGzipSize,
    widgetSources,
    esbuildPlugin({ ts: true, tsconfig: join(here, 'tsconfig.json'), target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        // `false` so puppeteer adds no headless flag of its own; the one above is explicit.
        headless: false,
        args: chromeArgs,
      },
    }),
  ],
  // Generous: axe runs take seconds on a loaded 2-core machine; waits inside tests stay short.
  testFramework: { config: { timeout: 20000 } },
  reporters: [defaultReporter(), countsReporter()],
};
