import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, ensureWidgetBuilt, WIDGET_FILE } from '../e2e/support.js';
import { type RunningApi, startApi } from './support.js';

/**
 * A customer's page on an origin of its own, the real API (serving the built widget) on another,
 * and Chromium: what a test of the built bundles as a host page loads them needs.
 */
export interface HostSite {
  api: RunningApi;
  /** The page's origin (127.0.0.1 and a port of its own: never the API's). */
  origin: string;
  browser: Browser;
  /** What the page serves next: any path answers with it. */
  serve(html: string): void;
  close(): Promise<void>;
}

export async function startHostSite(): Promise<HostSite> {
  ensureWidgetBuilt();
  const api = await startApi({ widgetFile: WIDGET_FILE });
  let page = '';
  const site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return {
    api,
    origin: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    browser,
    serve: (html) => {
      page = html;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => site.close(() => resolve()));
      await api.close();
    },
  };
}
