import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MicromentorAdmin } from '../../packages/sdk/src/admin.js';
import { ConflictError, NotFoundError, PermissionError } from '../../packages/sdk/src/index.js';
import { systemClock } from '../../packages/server/src/clock.js';
import { enqueueEmail } from '../../packages/server/src/domain/email/outbox.js';
import { jobHandlers } from '../../packages/server/src/jobs/handlers.js';
import { createWorker } from '../../packages/server/src/jobs/worker.js';
import { browserFetch, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// MicromentorAdmin's admin routes and mm.reports against the real server over HTTP.
let api: RunningApi;
let tenant: SdkTenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api, { reportsToPause: 1 });
});
afterAll(() => api?.close());

/** The admin console's client: publishable key from the site, a token with role `admin`. */
const adminConsole = () =>
  new MicromentorAdmin({
    baseUrl: api.url,
    publishableKey: tenant.publishableKey,
    userToken: tenant.token('sdk-admin', { roles: ['admin'] }),
    fetch: browserFetch(tenant.origin),
  });

describe('program admin through the SDK', () => {
  it('vets applications, handles reports and refuses learners', async () => {
    const backend = tenant.backend();
    const applicant = await backend.mentors.create({
      externalId: 'sdk-applicant',
      name: 'Applicant',
      skills: ['sql'],
      timeZone: 'UTC',
      formats: ['chat'],
      status: 'pending',
    });
    const admin = adminConsole();
    const queue = await admin.admin.mentors.list({ status: 'pending' });
    expect(queue.data.map((m) => m.id)).toContain(applicant.id);
    const approved = await admin.admin.mentors.approve(applicant.id);
    expect(approved).toMatchObject({ status: 'approved', statusReason: null });
    const again = await failure(admin.admin.mentors.approve(applicant.id));
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).code).toBe('invalid_transition');

    const learner = tenant.browser('sdk-learner');
    const report = await learner.reports.create({
      mentorId: applicant.id,
      reason: 'no_show',
      details: 'Never came.',
    });
    expect(report).toMatchObject({ status: 'open', reason: 'no_show' });
    // reportsToPause is 1 in this program: the mentor is paused pending review.
    const paused = await admin.admin.mentors.list({ status: 'paused' });
    expect(paused.data).toEqual([
      expect.objectContaining({ id: applicant.id, statusReason: 'reports', openReports: 1 }),
    ]);
    const open = await admin.admin.reports.list();
    expect(open.data.map((r) => r.id)).toEqual([report.id]);
    expect(open.data[0]?.mentorName).toBe(applicant.name);
    expect((await admin.admin.reports.list({ reason: 'spam' })).data).toEqual([]);
    // Search, status `any`, one skill, and a page size: the query goes through as typed.
    const found = await admin.admin.mentors.list({
      status: 'any',
      q: applicant.name,
      skill: applicant.skills[0],
      limit: 5,
    });
    expect(found.data.map((m) => m.id)).toEqual([applicant.id]);
    expect((await admin.admin.mentors.list({ status: 'any', q: 'nobody-has-this-name' })).data).toEqual([]);
    const resolved = await admin.admin.reports.resolve(report.id, { action: 'dismiss', note: 'Mix-up' });
    expect(resolved.report).toMatchObject({
      status: 'resolved',
      resolution: 'dismiss',
      resolutionNote: 'Mix-up',
    });
    expect((await admin.admin.mentors.reinstate(applicant.id)).status).toBe('approved');

    const refused = await failure(learner.admin.mentors.pause(applicant.id, { reason: 'no' }));
    expect(refused).toBeInstanceOf(PermissionError);
    expect((refused as PermissionError).code).toBe('admin_required');
  });

  it('changes settings, rotates keys and reads analytics and exports', async () => {
    const admin = tenant.backend();
    const settings = await admin.admin.settings.update({
      branding: { name: 'SDK Academy' },
      leaderboard: true,
    });
    expect(settings).toMatchObject({ branding: { name: 'SDK Academy' }, leaderboard: true });
    expect(await admin.admin.settings.get()).toEqual(settings);

    const rotated = await admin.admin.keys.rotate({ kind: 'secret', overlapHours: 1 });
    expect(rotated.key).toMatch(/^sk_/);
    const fresh = new MicromentorAdmin({ baseUrl: api.url, secretKey: rotated.key });
    const keys = await fresh.admin.keys.list();
    expect(keys.data.filter((k) => k.kind === 'secret')).toHaveLength(2);
    expect(JSON.stringify(keys)).not.toContain(rotated.key);
    // The old key works during the overlap.
    expect((await admin.me.get()).keyKind).toBe('secret');

    await tenant.browser('sdk-asker').requests.create({ title: 'SQL window functions', skills: ['sql'] });
    const from = new Date(Date.now() - 3600_000);
    const to = new Date(Date.now() + 3600_000);
    const analytics = await fresh.admin.analytics({ from, to, bucket: 'day' });
    expect(analytics.totals.requests).toBe(1);
    expect(analytics.topSkills).toEqual([{ skill: 'sql', requests: 1 }]);
    const csv = await fresh.admin.exports.csv('requests.csv', { from, to });
    expect(csv.split('\r\n')[0]).toMatch(/^id,created_at,status,title/);
    expect(csv).toContain('SQL window functions');
    expect(
      fresh.admin.exports.url('bookings.csv', { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }),
    ).toBe(
      `${api.url}/v1/admin/exports/bookings.csv?from=2026-01-01T00%3A00%3A00Z&to=2026-02-01T00%3A00%3A00Z`,
    );
  });

  it('reads the program’s email: a page at a time, filtered, and one message with its attempts', async () => {
    // A program of its own: the other tests' reports and vetting write email of their own.
    const program = await sdkTenant(api);
    for (const [i, kind] of ['booking_confirmed', 'booking_reminder', 'booking_confirmed'].entries()) {
      await enqueueEmail(
        api.db,
        {
          tenantId: program.id,
          cause: `sdk-email-${i}`,
          kind,
          to: `learner${i}@example.org`,
          subject: `Message ${i}`,
          text: `Hello ${i}`,
          html: `<p>Hello ${i}</p>`,
          ...(i === 0 ? { ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' } : {}),
        },
        new Date(Date.now() - (3 - i) * 1000),
      );
    }
    // The server's own worker with its default transport: the local mailbox (no SMTP_URL).
    await createWorker({ db: api.db, clock: systemClock, handlers: jobHandlers() }).drain();

    const admin = new MicromentorAdmin({
      baseUrl: api.url,
      publishableKey: program.publishableKey,
      userToken: program.token('sdk-admin', { roles: ['admin'] }),
      fetch: browserFetch(program.origin),
    });
    const all = await admin.admin.emails.list({ limit: 2 }).toArray();
    expect(all.map((m) => m.subject)).toEqual(['Message 2', 'Message 1', 'Message 0']);
    expect(all.every((m) => m.status === 'sent' && m.attemptCount === 1)).toBe(true);
    expect(all[0]!.lastReply).toBe('kept in the local mailbox (no SMTP_URL)');
    const reminders = await admin.admin.emails.list({ kind: 'booking_reminder', status: 'sent' });
    expect(reminders.data.map((m) => m.to)).toEqual(['learner1@example.org']);
    expect((await program.backend().admin.emails.list({ to: 'learner0' })).data).toHaveLength(1);

    const first = await admin.admin.emails.get(all[2]!.id);
    expect(first).toMatchObject({ text: 'Hello 0', html: '<p>Hello 0</p>', replyTo: null });
    expect(first.ics).toContain('BEGIN:VCALENDAR');
    expect(first.attempts).toEqual([
      { attempt: 1, ok: true, reply: 'kept in the local mailbox (no SMTP_URL)', at: first.sentAt },
    ]);

    expect(await failure(admin.admin.emails.get(crypto.randomUUID()))).toBeInstanceOf(NotFoundError);
    const refused = await failure(program.browser('sdk-learner').admin.emails.list());
    expect(refused).toBeInstanceOf(PermissionError);
    expect((refused as PermissionError).code).toBe('admin_required');
  });

  it('refuses key rotation to the admin console (secret key only), and reads and exports the audit log', async () => {
    const program = await sdkTenant(api);
    const console = new MicromentorAdmin({
      baseUrl: api.url,
      publishableKey: program.publishableKey,
      userToken: program.token('sdk-auditor', { roles: ['admin'] }),
      fetch: browserFetch(program.origin),
    });
    const refused = await failure(console.admin.keys.rotate({ kind: 'identity' }));
    expect(refused).toBeInstanceOf(PermissionError);
    expect((refused as PermissionError).code).toBe('secret_key_required');
    expect((refused as PermissionError).message).toContain('micromentor keys rotate');

    await console.admin.settings.update({ leaderboard: true });
    const backend = program.backend();
    const rotated = await backend.admin.keys.rotate({ kind: 'publishable', overlapHours: 1 });
    expect(rotated.key).toMatch(/^pk_/);

    const entries = await console.admin.audit.list({ limit: 1 }).toArray();
    expect(entries.map((e) => e.action)).toEqual(['POST /v1/admin/keys/rotate', 'PATCH /v1/admin/settings']);
    expect(entries[0]).toMatchObject({
      actor: { userId: null, keyKind: 'secret' },
      summary: { values: { kind: 'publishable' } },
    });
    expect(entries[1]!.actor).toMatchObject({ keyKind: 'publishable', name: 'User sdk-auditor' });
    const settingsOnly = await backend.admin.audit.list({
      action: 'PATCH /v1/admin/settings',
      from: new Date(0),
    });
    expect(settingsOnly.data).toHaveLength(1);

    const jsonl = await backend.admin.audit.export({ format: 'jsonl' });
    expect(
      jsonl
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).action),
    ).toEqual(['POST /v1/admin/keys/rotate', 'PATCH /v1/admin/settings']);
    const csv = await backend.admin.audit.export();
    expect(csv.split('\r\n')[0]).toMatch(/^id,at,actor_user_id,actor_name/);
    expect(JSON.stringify(entries)).not.toContain(rotated.key);
  });
});
