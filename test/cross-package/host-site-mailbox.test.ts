import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../packages/server/src/clock.js';
import { DEMO_KEYS, seedDemo } from '../../packages/server/src/demo/seed.js';
import { enqueueEmail } from '../../packages/server/src/domain/email/outbox.js';
import { jobHandlers } from '../../packages/server/src/jobs/handlers.js';
import { createWorker } from '../../packages/server/src/jobs/worker.js';
import { SecretBox } from '../../packages/server/src/security/keys.js';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support.js';
import { type RunningApi, startApi } from './support.js';

// examples/host-site's /mail/ (the local mailbox `pnpm start` prints), run as `pnpm start` runs it:
// its own process, on a free port, reading the real API seeded with the demo program.
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Site {
  url: string;
  stop(): Promise<void>;
}

/** examples/host-site/server.mjs on a port the system picks (EXAMPLE_PORT=0), talking to `api`. */
async function startSite(api: string): Promise<Site> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'examples', 'host-site', 'server.mjs')], {
    cwd: root,
    env: { ...process.env, EXAMPLE_PORT: '0', MICROMENTOR_API: api },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host site did not start:\n${stderr}`)), 15_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = /Example host site on (http:\/\/localhost:\d+)/.exec(stderr);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', () => reject(new Error(`the host site exited:\n${stderr}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const EVIL_HTML =
  '<h1>Booked!</h1><p>Thu, Nov 26 · 9:00 AM. <a href="https://meet.example.org/x">Join</a></p>' +
  '<script>parent.document.title = "pwned"</script>' +
  '<img src="data:," onerror="parent.document.body.textContent = \'pwned\'">';
const INVITE =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:bkg_1@micromentor\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

let api: RunningApi;
let site: Site;
let demoTenantId: string;

beforeAll(async () => {
  api = await startApi();
  demoTenantId = (await seedDemo(api.db, new SecretBox(undefined), systemClock)).id;
  site = await startSite(api.url);
});
afterAll(async () => {
  await site?.stop();
  await api?.close();
});

async function get(path: string) {
  const res = await fetch(`${site.url}${path}`, { redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('the local mailbox at /mail/', () => {
  it('says how to get a first message while there is none, and checks again by itself', async () => {
    const page = await get('/mail/');
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      'No messages yet — book a session in the demo and its confirmation appears here',
    );
    expect(page.text).toContain('<meta http-equiv="refresh"');
    expect(page.text).toContain('<a href="/mail/">Refresh</a>');
    expect((await get('/mail')).headers.get('location')).toBe('/mail/');
  });

  it('lists the demo program’s messages newest first and shows one as sandboxed HTML, text and its invitation', async () => {
    const now = Date.now();
    const confirmed = await enqueueEmail(
      api.db,
      {
        tenantId: demoTenantId,
        cause: 'mailbox-test:confirmed',
        kind: 'booking_confirmed',
        to: 'ada.learner@example.com',
        subject: 'Your session with Lin is booked',
        text: 'Thu, Nov 26 · 9:00 AM.\nJoin: https://meet.example.org/x <now>',
        html: EVIL_HTML,
        ics: INVITE,
      },
      new Date(now - 2000),
    );
    const nobody = await enqueueEmail(
      api.db,
      {
        tenantId: demoTenantId,
        cause: 'mailbox-test:unaddressed',
        kind: 'booking_confirmed',
        to: '',
        subject: 'New session with Ada',
        text: 'Ada booked.',
        html: '<p>Ada booked.</p>',
        recipient: { party: 'mentor', id: randomUUID() },
      },
      new Date(now - 1000),
    );
    // The API's worker with its default transport: without SMTP_URL, the local mailbox.
    await createWorker({ db: api.db, clock: systemClock, handlers: jobHandlers() }).drain();

    const list = await get('/mail/');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('http-equiv="refresh"');
    const newer = list.text.indexOf(`/mail/${nobody}`);
    const older = list.text.indexOf(`/mail/${confirmed}`);
    expect(newer).toBeGreaterThan(-1);
    expect(older).toBeGreaterThan(newer);
    expect(list.text).toContain('Your session with Lin is booked');
    expect(list.text).toContain('ada.learner@example.com');
    expect(list.text).toContain('booking_confirmed');
    expect(list.text).toContain('>Sent<');
    expect(list.text).toContain('>No address<');
    expect(list.text).toContain('no address (the mentor) — not sent');

    const message = await get(`/mail/${confirmed}`);
    expect(message.status).toBe(200);
    const frames = message.text.match(/<iframe[^>]*>/g) ?? [];
    expect(frames).toHaveLength(1);
    expect(frames[0]).toContain(' sandbox="" ');
    expect(frames[0]).toContain('srcdoc="&lt;h1&gt;Booked!&lt;/h1&gt;');
    // The email's markup exists only inside srcdoc, escaped: none of it is the page's own.
    expect(message.text).not.toMatch(/<script|<img|onerror="parent/);
    const csp = message.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(message.text).toContain('kept in the local mailbox (no SMTP_URL)');

    const text = await get(`/mail/${confirmed}?view=text`);
    expect(text.text).toContain(
      '<pre>Thu, Nov 26 · 9:00 AM.\nJoin: https://meet.example.org/x &lt;now&gt;</pre>',
    );
    expect(text.text).not.toContain('<iframe');
    const ics = await get(`/mail/${confirmed}?view=ics`);
    expect(ics.text).toContain('UID:bkg_1@micromentor');
    expect(ics.text).toContain(`href="/mail/${confirmed}/invite.ics"`);
    const download = await get(`/mail/${confirmed}/invite.ics`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="invite.ics"');
    expect(download.text).toBe(INVITE);

    const unaddressed = await get(`/mail/${nobody}`);
    expect(unaddressed.text).toContain('None: the recipient has no email address, so nothing was sent.');
    expect(unaddressed.text).not.toContain('Invitation (.ics)');
    expect((await get(`/mail/${nobody}/invite.ics`)).status).toBe(404);

    // The secret key the site reads with never reaches a page.
    for (const page of [list, message, text, ics, unaddressed]) {
      expect(page.text).not.toContain(DEMO_KEYS.secretKey);
      expect([...page.headers.values()].join(' ')).not.toContain(DEMO_KEYS.secretKey);
    }

    // In Chromium: the email's HTML is drawn, and neither its script nor its handler reaches the page.
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`${site.url}/mail/${confirmed}`);
      const frame = page.frameLocator('iframe.html');
      await expect.poll(() => frame.locator('h1').textContent()).toBe('Booked!');
      expect(await page.title()).toBe('Your session with Lin is booked · Local mailbox');
      expect(await page.locator('h1').first().textContent()).toBe('Your session with Lin is booked');
    } finally {
      await browser.close();
    }
  });

  it('answers an unknown or malformed id with 404, and a link the API refuses with 400', async () => {
    expect((await get('/mail/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get('/mail/not-an-id')).status).toBe(404);
    const bad = await get('/mail/?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('This link to the mailbox is not valid.');
  });

  it('says so when the API does not answer', async () => {
    const orphan = await startSite('http://127.0.0.1:9');
    try {
      const page = await fetch(`${orphan.url}/mail/`);
      expect(page.status).toBe(502);
      expect(await page.text()).toContain('The API at http://127.0.0.1:9 did not answer.');
    } finally {
      await orphan.stop();
    }
  });
});
