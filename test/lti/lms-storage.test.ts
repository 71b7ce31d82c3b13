import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLmsSite } from '../../examples/lms/site.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support.js';

/**
 * The LMS lesson page answers 1EdTech platform storage (lti.put_data / lti.get_data postMessages)
 * for a tool framed with lti_storage_target=_parent, in Chromium, across two origins.
 */
const TOOL_PAGE = `<!doctype html><title>tool</title><script>
const out = [new URLSearchParams(location.search).get('lti_storage_target')];
addEventListener('message', (e) => {
  out.push(JSON.stringify(e.data));
  document.title = out.join(' | ');
  if (e.data.subject === 'lti.put_data.response')
    parent.postMessage({ subject: 'lti.get_data', message_id: '2', key: 'state-1' }, '*');
});
parent.postMessage({ subject: 'lti.put_data', message_id: '1', key: 'state-1', value: 'nonce-abc' }, '*');
</script>`;

let tool: Server;
let site: Server;
let siteOrigin: string;
let browser: Browser;
const closeServer = (s: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!s) return resolve();
    s.close(() => resolve());
    s.closeAllConnections();
  });

beforeAll(async () => {
  tool = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(TOOL_PAGE));
  await new Promise<void>((resolve) => tool.listen(0, '127.0.0.1', resolve));
  let lms: ReturnType<typeof createLmsSite> | undefined;
  site = createServer((req, res) => {
    void lms?.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  // localhost for the LMS, 127.0.0.1 for the tool: two origins, as in `pnpm start`.
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
  lms = createLmsSite({ siteOrigin, api: `http://127.0.0.1:${(tool.address() as AddressInfo).port}` });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await closeServer(site);
  await closeServer(tool);
});

it('stores and returns a value for the framed tool', async () => {
  const page = await browser.newPage();
  await page.goto(`${siteOrigin}/lms/lesson/joins-3?storage=1`);
  const frame = page.frames().find((f) => f.url().includes('/lti/login'));
  expect(frame).toBeDefined();
  await expect.poll(() => frame!.title(), { timeout: 10_000 }).toContain('lti.get_data.response');
  const [target, put, got] = (await frame!.title()).split(' | ');
  expect(target).toBe('_parent');
  expect(JSON.parse(put!)).toEqual({
    subject: 'lti.put_data.response',
    message_id: '1',
    key: 'state-1',
    value: 'nonce-abc',
  });
  expect(JSON.parse(got!)).toEqual({
    subject: 'lti.get_data.response',
    message_id: '2',
    key: 'state-1',
    value: 'nonce-abc',
  });
});
