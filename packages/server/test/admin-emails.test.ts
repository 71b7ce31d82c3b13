import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_MAX_ATTEMPTS, enqueueEmail, type OutgoingEmail } from '../src/domain/email/outbox.js';
import { smtpTransport } from '../src/domain/email/transport.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import type { AdminEmail, AdminEmailDetail } from '../src/schemas/admin-emails.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { type CallOptions, call } from './support/http.js';
import { type SmtpRelay, startSmtpRelay } from './support/smtp-relay.js';

// The admin view of the program's email: messages written by the outbox and sent by its job to a
// real SMTP server on loopback, which refuses one mailbox for good (its reply is what admins read).

let ctx: TestContext;
let worker: Worker;
let relay: SmtpRelay;
const REFUSED = 'gone@example.org';
const ORIGIN = 'https://lms.example';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}
interface Page {
  data: AdminEmail[];
  nextCursor: string | null;
}

const INVITE =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:bkg_1@micromentor\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

function email(tenant: TestTenant, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    tenantId: tenant.id,
    cause: `booking:${randomUUID()}:confirmed:learner`,
    kind: 'booking_confirmed',
    to: 'lin@example.org',
    subject: 'Your session with Ada is booked',
    text: 'Mon, Nov 26 · 9:00 AM. Join: https://meet.example.org/x',
    html: '<p>Mon, Nov 26 · 9:00 AM. <a href="https://meet.example.org/x">Join</a></p>',
    ...overrides,
  };
}

/** Writes a message a minute after the last one, so that the order is the clock's. */
async function enqueue(tenant: TestTenant, overrides: Partial<OutgoingEmail> = {}): Promise<string> {
  ctx.clock.advance(60_000);
  const id = await enqueueEmail(ctx.db, email(tenant, overrides), ctx.clock.now());
  if (!id) throw new Error('not written');
  return id;
}

/** A message for someone with no address: the outbox keeps it `unaddressed` and never sends it. */
function unaddressed(tenant: TestTenant, mentorId: string): Promise<string> {
  return enqueue(tenant, {
    cause: `booking:${randomUUID()}:confirmed:mentor`,
    to: '',
    subject: 'New session with Lin',
    text: 'Lin booked a session.',
    html: '<p>Lin booked a session.</p>',
    recipient: { party: 'mentor', id: mentorId },
  });
}

/** Runs the email jobs until none is due, moving the clock past every retry's backoff. */
async function deliverAll(): Promise<void> {
  for (let run = 0; run < EMAIL_MAX_ATTEMPTS + 2; run++) {
    await worker.drain();
    ctx.clock.advance(2 * 60 * 60_000);
  }
}

const admin = (tenant: TestTenant): CallOptions => ({
  key: tenant.publishableKey,
  origin: ORIGIN,
  token: tenant.token({ sub: 'admin-1', roles: ['admin'] }),
});
const secret = (tenant: TestTenant): CallOptions => ({ key: tenant.secretKey });

const list = (tenant: TestTenant, query = '') =>
  call<Page>(ctx.app, 'GET', `/v1/admin/emails${query ? `?${query}` : ''}`, secret(tenant));

beforeAll(async () => {
  ctx = await createTestContext();
  relay = await startSmtpRelay({
    refuse: (address) => (address === REFUSED ? { code: 550, message: '5.1.1 No such mailbox' } : undefined),
  });
  worker = createWorker({
    db: ctx.db,
    clock: ctx.clock,
    handlers: jobHandlers({
      email: { transport: smtpTransport(relay.url), from: 'Academy <noreply@example.org>' },
    }),
  });
});

afterAll(async () => {
  await relay.close();
  await ctx.close();
});

describe('GET /v1/admin/emails', () => {
  it('lists every message newest first, with its attempts, the last SMTP reply, and who had no address', async () => {
    const tenant = await ctx.tenant({ origins: [ORIGIN] });
    const sentId = await enqueue(tenant);
    const failedId = await enqueue(tenant, { to: REFUSED, subject: 'Reminder', kind: 'booking_reminder' });
    const mentorId = randomUUID();
    const noAddressId = await unaddressed(tenant, mentorId);
    await deliverAll();

    const res = await call<Page>(ctx.app, 'GET', '/v1/admin/emails', admin(tenant));
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data.map((m) => m.id)).toEqual([noAddressId, failedId, sentId]);
    const [noAddress, failed, sent] = res.body.data;
    expect(noAddress).toEqual({
      id: noAddressId,
      kind: 'booking_confirmed',
      to: null,
      subject: 'New session with Lin',
      status: 'unaddressed',
      recipientParty: 'mentor',
      recipientId: mentorId,
      createdAt: expect.any(String),
      sentAt: null,
      attemptCount: 0,
      lastReply: null,
    });
    expect(failed).toMatchObject({
      to: REFUSED,
      kind: 'booking_reminder',
      status: 'failed',
      attemptCount: EMAIL_MAX_ATTEMPTS,
      sentAt: null,
    });
    expect(failed!.lastReply).toContain('550');
    expect(failed!.lastReply).toContain('No such mailbox');
    expect(sent).toMatchObject({ to: 'lin@example.org', status: 'sent', attemptCount: 1 });
    expect(sent!.lastReply).toMatch(/^250 /);
    expect(Date.parse(sent!.sentAt!)).toBeGreaterThan(Date.parse(sent!.createdAt));
  });

  it('pages with the cursor it issues, and filters by status, kind and a part of the address', async () => {
    const tenant = await ctx.tenant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await enqueue(tenant, { to: `learner${i}@Example.org` }));
    const reminder = await enqueue(tenant, { kind: 'booking_reminder', to: 'odd_one%@example.net' });
    const noAddress = await unaddressed(tenant, randomUUID());

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        tenant,
        `limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((m) => m.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([noAddress, reminder, ...ids.reverse()]);

    const ofStatus = async (status: string) =>
      (await list(tenant, `status=${status}`)).body.data.map((m) => m.id);
    expect(await ofStatus('unaddressed')).toEqual([noAddress]);
    expect(await ofStatus('pending')).toHaveLength(6);
    expect(await ofStatus('sent')).toEqual([]);
    expect((await list(tenant, 'kind=booking_reminder')).body.data.map((m) => m.id)).toEqual([reminder]);
    expect((await list(tenant, 'to=LEARNER3@')).body.data.map((m) => m.to)).toEqual(['learner3@Example.org']);
    // What the admin types is text: `%` and `_` match only themselves.
    expect((await list(tenant, `to=${encodeURIComponent('_one%')}`)).body.data.map((m) => m.id)).toEqual([
      reminder,
    ]);
    expect((await list(tenant, `to=${encodeURIComponent('%')}`)).body.data.map((m) => m.id)).toEqual([
      reminder,
    ]);
    expect((await list(tenant, 'status=pending&kind=booking_confirmed&to=learner0')).body.data).toHaveLength(
      1,
    );
  });

  it('answers bad queries with 400 problem+json naming the field', async () => {
    const tenant = await ctx.tenant();
    for (const [query, code, path] of [
      ['status=delivered', 'validation_failed', 'query.status'],
      ['limit=0', 'validation_failed', 'query.limit'],
      ['limit=many', 'validation_failed', 'query.limit'],
      ['kind=', 'validation_failed', 'query.kind'],
      [`to=${'x'.repeat(255)}`, 'validation_failed', 'query.to'],
      ['subject=hello', 'validation_failed', 'query.subject'],
      ['cursor=not-a-cursor', 'invalid_cursor', 'query.cursor'],
    ] as const) {
      const res = await list(tenant, query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type'), query).toContain('application/problem+json');
      expect((res.body as unknown as Problem).code, query).toBe(code);
      expect(
        (res.body as unknown as Problem).errors?.map((e) => e.path),
        query,
      ).toContain(path);
    }
  });
});

describe('GET /v1/admin/emails/{id}', () => {
  it('gives the message as sent, with its invitation, Reply-To and every attempt', async () => {
    const tenant = await ctx.tenant({ origins: [ORIGIN] });
    const learnerId = randomUUID();
    const id = await enqueue(tenant, {
      ics: INVITE,
      replyTo: 'reply+abc@example.org',
      recipient: { party: 'learner', id: learnerId },
    });
    await deliverAll();
    const res = await call<AdminEmailDetail>(ctx.app, 'GET', `/v1/admin/emails/${id}`, admin(tenant));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      status: 'sent',
      to: 'lin@example.org',
      replyTo: 'reply+abc@example.org',
      text: 'Mon, Nov 26 · 9:00 AM. Join: https://meet.example.org/x',
      html: '<p>Mon, Nov 26 · 9:00 AM. <a href="https://meet.example.org/x">Join</a></p>',
      ics: INVITE,
      cause: expect.stringMatching(/^booking:.*:confirmed:learner$/),
      recipientParty: 'learner',
      recipientId: learnerId,
      attemptCount: 1,
    });
    expect(res.body.attempts).toEqual([
      { attempt: 1, ok: true, reply: expect.stringMatching(/^250 /), at: res.body.sentAt },
    ]);
    expect(res.body.lastReply).toBe(res.body.attempts[0]!.reply);

    const failedId = await enqueue(tenant, { to: REFUSED });
    await deliverAll();
    const failed = await call<AdminEmailDetail>(
      ctx.app,
      'GET',
      `/v1/admin/emails/${failedId}`,
      secret(tenant),
    );
    expect(failed.body.ics).toBeNull();
    expect(failed.body.attempts.map((a) => [a.attempt, a.ok])).toEqual(
      Array.from({ length: EMAIL_MAX_ATTEMPTS }, (_, i) => [i + 1, false]),
    );
    expect(failed.body.attempts.every((a) => a.reply.includes('550'))).toBe(true);
  });

  it('says an unaddressed message was never sent', async () => {
    const tenant = await ctx.tenant();
    const id = await unaddressed(tenant, randomUUID());
    await deliverAll();
    const res = await call<AdminEmailDetail>(ctx.app, 'GET', `/v1/admin/emails/${id}`, secret(tenant));
    expect(res.body).toMatchObject({ status: 'unaddressed', to: null, sentAt: null, attempts: [] });
  });

  it('answers another tenant’s message exactly as a missing one: 404 problem+json', async () => {
    const owner = await ctx.tenant();
    const other = await ctx.tenant();
    const id = await enqueue(owner);
    const theirs = await call<Problem>(ctx.app, 'GET', `/v1/admin/emails/${id}`, secret(other));
    const missing = await call<Problem>(ctx.app, 'GET', `/v1/admin/emails/${randomUUID()}`, secret(other));
    for (const res of [theirs, missing]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('not_found');
    }
    expect(theirs.body.detail).toBe(missing.body.detail);
    expect((await list(other)).body.data).toEqual([]);
    const notAnId = await call<Problem>(ctx.app, 'GET', '/v1/admin/emails/nope', secret(other));
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.code).toBe('validation_failed');
  });
});

describe('who may read the program’s email', () => {
  it('refuses learners and mentors (403 admin_required) and anonymous callers (401)', async () => {
    const tenant = await ctx.tenant({ origins: [ORIGIN] });
    const id = await enqueue(tenant);
    const browser = { key: tenant.publishableKey, origin: ORIGIN };
    for (const path of ['/v1/admin/emails', `/v1/admin/emails/${id}`]) {
      for (const token of [
        tenant.token({ sub: 'learner-1' }),
        tenant.token({ sub: 'mentor-1', roles: ['mentor'] }),
      ]) {
        const res = await call<Problem>(ctx.app, 'GET', path, { ...browser, token });
        expect(res.status, path).toBe(403);
        expect(res.body.code).toBe('admin_required');
      }
      expect((await call(ctx.app, 'GET', path, browser)).status, path).toBe(401);
    }
  });
});
