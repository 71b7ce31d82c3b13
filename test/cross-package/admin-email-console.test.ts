import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../packages/server/src/clock.js';
import {
  insertEmailAttempt,
  insertEmailMessage,
  setEmailStatus,
} from '../../packages/server/src/db/email.js';
import { enqueueEmail } from '../../packages/server/src/domain/email/outbox.js';
import { createTenant } from '../../packages/server/src/domain/tenants/create-tenant.js';
import { jobHandlers } from '../../packages/server/src/jobs/handlers.js';
import { createWorker } from '../../packages/server/src/jobs/worker.js';
import { SecretBox } from '../../packages/server/src/security/keys.js';
import { signUserToken } from '../../packages/server/src/security/user-token.js';
import { type HostSite, startHostSite } from './host-site.js';
import type { RunningApi } from './support.js';

// The admin console's Email tab as a program admin sees it: the built bundles, loaded by the
// script tag from the real API, on a page of another origin, in Chromium, reading messages the
// outbox wrote and its worker sent; checked with axe-core in the dark theme.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let host: HostSite;
let api: RunningApi;
let siteOrigin: string;
let browser: Browser;

beforeAll(async () => {
  host = await startHostSite();
  ({ api, origin: siteOrigin, browser } = host);
});
afterAll(() => host?.close());

describe('the admin console’s Email tab against the real API', () => {
  it('lists what the outbox holds, failed ones standing out, with every attempt and no-address ones said so', async () => {
    const tenant = await createTenant(api.db, new SecretBox(undefined), {
      name: 'Email Academy',
      origins: [siteOrigin],
    });
    const t0 = Date.now() - 60_000;
    await enqueueEmail(
      api.db,
      {
        tenantId: tenant.id,
        cause: 'console:sent',
        kind: 'booking_confirmed',
        to: 'lin@example.org',
        subject: 'Your session with Ada is booked',
        text: 'Booked.',
        html: '<p>Booked.</p>',
      },
      new Date(t0),
    );
    await createWorker({ db: api.db, clock: systemClock, handlers: jobHandlers() }).drain();
    // A message the relay refused on its last attempt, as the outbox's job records it.
    const refused = await insertEmailMessage(api.db, {
      tenant_id: tenant.id,
      cause: 'console:failed',
      kind: 'booking_reminder',
      to_address: 'gone@example.org',
      subject: 'Reminder: your session starts soon',
      text_body: 'Soon.',
      html_body: '<p>Soon.</p>',
      ics: null,
      created_at: new Date(t0 + 1000),
      updated_at: new Date(t0 + 1000),
    });
    await insertEmailAttempt(api.db, {
      tenantId: tenant.id,
      messageId: refused!,
      ok: false,
      reply: '550 5.1.1 <gone@example.org>: No such mailbox',
      at: new Date(t0 + 2000),
    });
    await setEmailStatus(api.db, tenant.id, refused!, 'failed', new Date(t0 + 2000));
    await enqueueEmail(
      api.db,
      {
        tenantId: tenant.id,
        cause: 'console:unaddressed',
        kind: 'booking_confirmed',
        to: '',
        subject: 'New session with Lin',
        text: 'Lin booked.',
        html: '<p>Lin booked.</p>',
        recipient: { party: 'mentor', id: randomUUID() },
      },
      new Date(t0 + 3000),
    );

    const token = signUserToken({
      secret: tenant.identitySecret,
      sub: 'console-admin',
      name: 'Ada Admin',
      roles: ['admin'],
    });
    host.serve(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Program admin</title></head>
      <body><main><h1>Program</h1><mm-admin-console theme="dark"></mm-admin-console></main>
      <script src="${api.url}/widget.js" data-key="${tenant.publishableKey}" data-user-token="${token}"
        data-launcher="none" async></script></body></html>`);

    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${siteOrigin}/`);
      await tab.locator('mm-admin-console [role=tab]', { hasText: 'Email' }).click();
      const rows = tab.locator('mm-email-log ul.rows > li');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
      expect(await rows.locator('h4').allTextContents()).toEqual([
        'New session with Lin',
        'Reminder: your session starts soon',
        'Your session with Ada is booked',
      ]);
      expect(await rows.locator('[part=email-status]').allTextContents()).toEqual([
        'No address',
        'Failed',
        'Sent',
      ]);
      const failed = rows.nth(1);
      expect(await failed.getAttribute('class')).toBe('failed');
      expect(await failed.locator('.facts').first().textContent()).toContain(
        'gone@example.org · booking_reminder',
      );

      await failed.locator('h4 button').click();
      await expect
        .poll(() => failed.locator('.detail ol > li').first().textContent())
        .toContain('550 5.1.1 <gone@example.org>: No such mailbox');
      await rows.nth(2).locator('h4 button').click();
      await expect
        .poll(() => rows.nth(2).locator('.detail').textContent())
        .toContain('kept in the local mailbox (no SMTP_URL)');
      await rows.nth(0).locator('h4 button').click();
      await expect
        .poll(() => rows.nth(0).locator('.detail').textContent())
        .toContain('Not sent: the recipient has no email address.');

      await tab.addScriptTag({ content: axeSource });
      const violations = await tab.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(el: Element, o: object): Promise<{ violations: { id: string; impact: string }[] }> };
          }
        ).axe;
        const result = await axe.run(document.querySelector('mm-admin-console')!, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map((v) => `${v.id} (${v.impact})`);
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
