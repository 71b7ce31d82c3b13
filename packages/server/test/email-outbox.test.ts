import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listEmailAttempts } from '../src/db/email.js';
import {
  EMAIL_MAX_ATTEMPTS,
  EMAIL_SEND_JOB,
  enqueueEmail,
  type OutgoingEmail,
} from '../src/domain/email/outbox.js';
import { smtpTransport } from '../src/domain/email/transport.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { type SmtpRelay, startSmtpRelay } from './support/smtp-relay.js';

// The email outbox sends real SMTP to a server listening on loopback, as a local relay would
// (no authentication, no STARTTLS), and reads what arrived back with mailparser and ical.js.

let ctx: TestContext;
let tenant: TestTenant;
let worker: Worker;
let relay: SmtpRelay;
let received: ParsedMail[] = [];
/** The next RCPT TO the relay refuses (a temporary failure), or none. */
let refuseNext: string | null = null;
/** Refuse every recipient (a relay that never takes the message). */
let refuseAll = false;

const INVITE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Micromentor//Test//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:bkg_1@micromentor',
  'SEQUENCE:0',
  'DTSTAMP:20261125T120000Z',
  'DTSTART:20261126T090000Z',
  'DTEND:20261126T091500Z',
  'SUMMARY:Session with Ada',
  'ORGANIZER;CN=Academy:mailto:noreply@example.org',
  'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:lin@example.org',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

function email(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    tenantId: tenant.id,
    cause: 'booking:bkg_1:confirmed:learner',
    kind: 'booking_confirmed',
    to: 'lin@example.org',
    subject: 'Your session with Ada is booked',
    text: 'Mon, Nov 26 · 9:00 AM (15 min). Join: https://meet.example.org/x',
    html: '<p>Mon, Nov 26 · 9:00 AM (15 min). <a href="https://meet.example.org/x">Join</a></p>',
    ics: INVITE,
    ...overrides,
  };
}

async function messages() {
  return ctx.db.selectFrom('email_messages').selectAll().where('tenant_id', '=', tenant.id).execute();
}

async function jobs() {
  return ctx.db
    .selectFrom('jobs')
    .selectAll()
    .where('tenant_id', '=', tenant.id)
    .where('kind', '=', EMAIL_SEND_JOB)
    .execute();
}

beforeAll(async () => {
  ctx = await createTestContext();
  relay = await startSmtpRelay({
    refuse(address) {
      if (!refuseAll && refuseNext !== address) return undefined;
      refuseNext = null;
      return { code: 450, message: 'Mailbox busy, try again later' };
    },
  });
  received = relay.received;
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

beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant();
  received.length = 0;
  refuseNext = null;
  refuseAll = false;
});

describe('the email outbox', () => {
  it('sends a message written in a transaction over SMTP, with its calendar invitation, and keeps the reply', async () => {
    await ctx.db.transaction().execute((trx) => enqueueEmail(trx, email(), ctx.clock.now()));
    expect(received).toHaveLength(0); // written, not sent: the job sends it
    expect(await worker.drain()).toBe(1);

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.subject).toBe('Your session with Ada is booked');
    expect(mail.from?.value).toEqual([{ name: 'Academy', address: 'noreply@example.org' }]);
    expect(mail.text?.trim()).toBe('Mon, Nov 26 · 9:00 AM (15 min). Join: https://meet.example.org/x');
    expect(mail.html).toContain('<a href="https://meet.example.org/x">Join</a>');
    const calendar = mail.attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendar).toBeDefined();
    const invite = new ICAL.Component(ICAL.parse(calendar!.content.toString('utf8')));
    expect(invite.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(invite.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid')).toBe('bkg_1@micromentor');

    const [row] = await messages();
    expect(row!.status).toBe('sent');
    expect(row!.sent_at).toEqual(ctx.clock.now());
    const attempts = await listEmailAttempts(ctx.db, tenant.id, row!.id);
    expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([[1, true]]);
    expect(attempts[0]!.reply).toMatch(/^250 /);
  });

  it('never writes or sends a cause twice, and nothing for a change that rolled back', async () => {
    const now = ctx.clock.now();
    expect(await enqueueEmail(ctx.db, email(), now)).toEqual(expect.any(String));
    expect(await enqueueEmail(ctx.db, email({ subject: 'Again' }), now)).toBeNull();
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, email({ cause: 'booking:bkg_2:confirmed:learner' }), now);
        throw new Error('the booking failed');
      }),
    ).rejects.toThrow('the booking failed');

    expect((await messages()).map((m) => m.cause)).toEqual(['booking:bkg_1:confirmed:learner']);
    expect(await jobs()).toHaveLength(1);
    await worker.drain();
    expect(received.map((m) => m.subject)).toEqual(['Your session with Ada is booked']);
    // The job again (a lease that ran out after sending): the message is not pending, nothing is sent.
    const [row] = await messages();
    await ctx.db
      .insertInto('jobs')
      .values({
        tenant_id: tenant.id,
        kind: EMAIL_SEND_JOB,
        payload: JSON.stringify({ messageId: row!.id }),
        status: 'pending',
        run_at: now,
        created_at: now,
      })
      .execute();
    await worker.drain();
    expect(received).toHaveLength(1);
  });

  it('retries a refused message later, with each attempt and the server’s reply kept, and sends it once', async () => {
    refuseNext = 'lin@example.org';
    await enqueueEmail(ctx.db, email(), ctx.clock.now());
    await worker.drain();
    expect(received).toHaveLength(0);
    let [row] = await messages();
    expect(row!.status).toBe('pending');
    let attempts = await listEmailAttempts(ctx.db, tenant.id, row!.id);
    expect(attempts.map((a) => a.ok)).toEqual([false]);
    expect(attempts[0]!.reply).toContain('450');
    expect(attempts[0]!.reply).toContain('Mailbox busy');

    // Not before its backoff; then once.
    expect(await worker.drain()).toBe(0);
    ctx.clock.advance(60 * 60_000);
    await worker.drain();
    expect(received).toHaveLength(1);
    [row] = await messages();
    expect(row!.status).toBe('sent');
    attempts = await listEmailAttempts(ctx.db, tenant.id, row!.id);
    expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('marks a message failed after its last attempt, and sends it no more', async () => {
    refuseAll = true;
    await enqueueEmail(ctx.db, email(), ctx.clock.now());
    for (let run = 0; run < EMAIL_MAX_ATTEMPTS + 2; run++) {
      await worker.drain();
      ctx.clock.advance(2 * 60 * 60_000);
    }
    const [row] = await messages();
    expect(row!.status).toBe('failed');
    const attempts = await listEmailAttempts(ctx.db, tenant.id, row!.id);
    expect(attempts).toHaveLength(EMAIL_MAX_ATTEMPTS);
    expect(attempts.every((a) => !a.ok && a.reply.includes('Mailbox busy'))).toBe(true);
    expect(received).toHaveLength(0);
  });
});
