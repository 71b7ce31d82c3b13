import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../packages/server/src/domain/tenants/create-tenant.js';
import { SecretBox } from '../../packages/server/src/security/keys.js';
import { signUserToken } from '../../packages/server/src/security/user-token.js';
import { type HostSite, startHostSite } from './host-site.js';
import type { RunningApi } from './support.js';

// The consoles' settings part (dist/settings.<hash>.js: the calendar feed, the email preferences,
// data rights) as a host page gets it: widget.js from the API's origin imports the console's entry,
// which imports the part from beside itself — across origins, relative to the module's own URL —
// and the changes made there reach the real API.
let host: HostSite;
let api: RunningApi;
let siteOrigin: string;
let browser: Browser;

beforeAll(async () => {
  host = await startHostSite();
  ({ api, origin: siteOrigin, browser } = host);
});
afterAll(() => host?.close());

/** A page of the host site with one element, the script tag pointing at the API, and the errors it logs. */
async function open(
  element: string,
  token: string,
  publishableKey: string,
): Promise<{ tab: Page; errors: string[] }> {
  host.serve(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
    <body><main><h1>Host</h1>${element}</main>
    <script src="${api.url}/widget.js" data-key="${publishableKey}" data-user-token="${token}"
      data-launcher="none" async></script></body></html>`);
  const tab = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  // What the page's scripts log as errors (Chromium's own lines for an API's 4xx answers, which
  // the consoles expect and show, are not theirs).
  tab.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.goto(`${siteOrigin}/`);
  return { tab, errors };
}

describe('the consoles’ settings part, loaded across origins', () => {
  it('gives the mentor their email preferences under Profile, and a change reaches the API', async () => {
    const tenant = await createTenant(api.db, new SecretBox(undefined), {
      name: 'Part Academy',
      origins: [siteOrigin],
    });
    const backend = { Authorization: `Bearer ${tenant.secretKey}`, 'content-type': 'application/json' };
    const created = await fetch(`${api.url}/v1/mentors`, {
      method: 'POST',
      headers: backend,
      body: JSON.stringify({
        externalId: 'part-mentor',
        name: 'Pat Part',
        skills: ['sql'],
        timeZone: 'Europe/Madrid',
        formats: ['video'],
        contactEmail: 'pat@work.example',
      }),
    });
    expect(created.status).toBe(201);
    const token = signUserToken({
      secret: tenant.identitySecret,
      sub: 'part-mentor',
      name: 'Pat Part',
      roles: ['mentor'],
    });
    const { tab, errors } = await open(
      '<mm-mentor-console></mm-mentor-console>',
      token,
      tenant.publishableKey,
    );
    try {
      await tab.locator('mm-mentor-console [role=tab]', { hasText: 'Profile' }).click();
      const prefs = tab.locator('mm-email-preferences');
      await expect
        .poll(() => prefs.locator('p').first().textContent(), { timeout: 15_000 })
        .toBe('We write to pat@work.example.');
      await prefs.locator('input[name=requests]').uncheck();
      await expect.poll(() => prefs.locator('[role=status].ok').textContent()).toBe('Saved.');
      const stored = await fetch(`${api.url}/v1/me/email-preferences`, {
        headers: {
          Authorization: `Bearer ${tenant.publishableKey}`,
          Origin: siteOrigin,
          'X-User-Token': token,
        },
      });
      const body = (await stored.json()) as { mentor: { kinds: Record<string, boolean> } };
      expect(body.mentor.kinds).toMatchObject({ requests: false, bookings: true });
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await tab.context().close();
    }
  });

  it('gives the learner their calendar feed in My help, and its link serves their calendar', async () => {
    const tenant = await createTenant(api.db, new SecretBox(undefined), {
      name: 'Feed Academy',
      origins: [siteOrigin],
    });
    const token = signUserToken({
      secret: tenant.identitySecret,
      sub: 'feed-learner',
      name: 'Lin Feed',
      email: 'lin@example.org',
    });
    const { tab, errors } = await open('<mm-follow-up></mm-follow-up>', token, tenant.publishableKey);
    try {
      const feed = tab.locator('mm-calendar-feed');
      await feed.getByRole('button', { name: 'Add my sessions to my calendar' }).click({ timeout: 15_000 });
      const url = feed.locator('input[readonly]');
      await expect
        .poll(() => url.inputValue(), { timeout: 10_000 })
        .toMatch(/\/calendar\/[A-Za-z0-9]+\.ics$/);
      const calendar = await fetch(await url.inputValue());
      expect(calendar.status).toBe(200);
      expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
      await expect
        .poll(() => tab.locator('mm-email-preferences p').first().textContent())
        .toBe('We write to lin@example.org.');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await tab.context().close();
    }
  });

  it('gives the admin the audit log, loaded with the part, listing what they just changed', async () => {
    const tenant = await createTenant(api.db, new SecretBox(undefined), {
      name: 'Audit Academy',
      origins: [siteOrigin],
    });
    const token = signUserToken({
      secret: tenant.identitySecret,
      sub: 'part-admin',
      name: 'Ada Part',
      roles: ['admin'],
    });
    const changed = await fetch(`${api.url}/v1/admin/settings`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${tenant.publishableKey}`,
        Origin: siteOrigin,
        'X-User-Token': token,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ leaderboard: true }),
    });
    expect(changed.status).toBe(200);
    const { tab, errors } = await open('<mm-admin-console></mm-admin-console>', token, tenant.publishableKey);
    try {
      await tab.locator('mm-admin-console [role=tab]', { hasText: 'Audit log' }).click({ timeout: 15_000 });
      const row = tab.locator('mm-audit-log tbody tr').first();
      await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('PATCH /v1/admin/settings');
      expect(await row.textContent()).toContain('Ada Part');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await tab.context().close();
    }
  });

  it('lets the learner erase their account from My help, after its confirm, and the API forgets them', async () => {
    const tenant = await createTenant(api.db, new SecretBox(undefined), {
      name: 'Rights Academy',
      origins: [siteOrigin],
    });
    const token = signUserToken({
      secret: tenant.identitySecret,
      sub: 'rights-learner',
      name: 'Robin Rights',
      email: 'robin@example.org',
    });
    const { tab, errors } = await open('<mm-follow-up></mm-follow-up>', token, tenant.publishableKey);
    try {
      const rights = tab.locator('mm-data-rights');
      const download = tab.waitForEvent('download');
      await rights.getByRole('button', { name: 'Download my data' }).click({ timeout: 15_000 });
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^micromentor-export-\d{4}-\d{2}-\d{2}\.json$/);
      await rights.getByRole('button', { name: 'Erase my account' }).click();
      await rights.getByRole('button', { name: 'Erase my account for good' }).click();
      await expect
        .poll(() => rights.locator('.done').textContent(), { timeout: 10_000 })
        .toContain('Your account is erased.');
      const found = await fetch(`${api.url}/v1/admin/users?externalId=rights-learner`, {
        headers: { Authorization: `Bearer ${tenant.secretKey}` },
      });
      expect(((await found.json()) as { data: unknown[] }).data).toEqual([]);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await tab.context().close();
    }
  });

  it('gives the admin a user’s data under Settings: found, downloaded', async () => {
    const tenant = await createTenant(api.db, new SecretBox(undefined), {
      name: 'Admin Rights Academy',
      origins: [siteOrigin],
    });
    const learner = signUserToken({ secret: tenant.identitySecret, sub: 'sam-sub', name: 'Sam Seen' });
    const seen = await fetch(`${api.url}/v1/me`, {
      headers: {
        Authorization: `Bearer ${tenant.publishableKey}`,
        Origin: siteOrigin,
        'X-User-Token': learner,
      },
    });
    expect(seen.status).toBe(200);
    const token = signUserToken({
      secret: tenant.identitySecret,
      sub: 'ada',
      name: 'Ada Admin',
      roles: ['admin'],
    });
    const { tab, errors } = await open('<mm-admin-console></mm-admin-console>', token, tenant.publishableKey);
    try {
      await tab.locator('mm-admin-console [role=tab]', { hasText: 'Settings' }).click({ timeout: 15_000 });
      const panel = tab.locator('mm-user-data');
      await panel.getByLabel('Name, email or user id').fill('Sam', { timeout: 15_000 });
      await panel.getByRole('button', { name: 'Find' }).click();
      const download = tab.waitForEvent('download');
      await panel.getByRole('button', { name: 'Download data of Sam Seen' }).click({ timeout: 10_000 });
      expect((await download).suggestedFilename()).toMatch(/^micromentor-export-[0-9a-f-]{36}-/);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await tab.context().close();
    }
  });
});
