import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smtpTransport } from '../src/domain/email/transport.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import { bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { call } from './support/http.js';
import { type SmtpRelay, startSmtpRelay } from './support/smtp-relay.js';
import { asMentor, post, requestThread } from './support/thread-fixtures.js';

// What reaches people off the page, end to end: changes made through the API, the worker's
// jobs, real SMTP to a relay on loopback, and the messages read back with mailparser and ical.js.

let ctx: TestContext;
let tenant: TestTenant;
let worker: Worker;
let relay: SmtpRelay;
let received: ParsedMail[] = [];

const LEARNER = {
  sub: 'lina',
  name: 'Lina Ortega',
  email: 'lina@example.org',
  locale: 'es-MX',
  zoneinfo: 'America/Mexico_City',
};
const MENTOR_EMAIL = 'ada@example.org';

beforeAll(async () => {
  ctx = await createTestContext();
  relay = await startSmtpRelay();
  received = relay.received;
  worker = createWorker({
    db: ctx.db,
    clock: ctx.clock,
    handlers: jobHandlers({
      email: {
        transport: smtpTransport(relay.url),
        from: 'Data Academy <noreply@academy.example>',
        publicUrl: 'https://api.academy.example',
      },
    }),
  });
});

afterAll(async () => {
  await relay.close();
  await ctx.close();
});

beforeEach(async () => {
  // One worker drains every tenant: earlier tests' sessions must not remind anyone in this one.
  await ctx.db.updateTable('jobs').set({ status: 'cancelled' }).where('status', '=', 'pending').execute();
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant({
    settings: { branding: { name: 'Data Academy', accentColor: '#ffcc00', logoUrl: null } },
  });
  received.length = 0;
});

function learner(overrides: Partial<typeof LEARNER> = {}) {
  const who = { ...LEARNER, ...overrides };
  return { key: tenant.publishableKey, origin: tenant.origin, token: tenant.token(who) };
}

async function mentorWithAddress(externalId = 'ada') {
  const mentor = await bookableMentor(ctx, tenant, {}, { name: 'Ada Lovelace', externalId });
  const res = await call(ctx.app, 'PATCH', `/v1/mentors/${mentor.id}`, {
    key: tenant.secretKey,
    body: { contactEmail: MENTOR_EMAIL },
  });
  expect(res.status, res.text).toBe(200);
  return mentor;
}

async function bookAt(mentorId: string, start: string, who = learner()) {
  const res = await call<{ id: string }>(ctx.app, 'POST', '/v1/bookings', {
    ...who,
    body: { mentorId, start, durationMinutes: 30, format: 'video', note: 'My <b>LEFT JOIN</b> drops rows' },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

/** Runs every job due now and returns the mail that arrived meanwhile. */
async function deliver(): Promise<ParsedMail[]> {
  const before = received.length;
  await worker.drain();
  return received.slice(before);
}

function to(mail: ParsedMail): string {
  const first = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return first?.value[0]?.address ?? '';
}

function invitation(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
  expect(part, `no invitation in "${mail.subject}"`).toBeDefined();
  const root = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')));
  const event = root.getFirstSubcomponent('vevent')!;
  return {
    method: root.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: new ICAL.Event(event).startDate.toJSDate().toISOString(),
    organizer: String(event.getFirstPropertyValue('organizer')).toLowerCase(),
    attendees: event.getAllProperties('attendee').map((a) => ({
      address: String(a.getFirstValue()).toLowerCase(),
      partstat: a.getParameter('partstat'),
      rsvp: a.getParameter('rsvp'),
    })),
    description: new ICAL.Event(event).description,
  };
}

function header(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (typeof value === 'string') return value;
  const list = mail.headerLines.find((h) => h.key === name);
  return list ? list.line.slice(list.line.indexOf(':') + 1).trim() : '';
}

/** The one-click unsubscribe URL of a message (List-Unsubscribe: <url>). */
function unsubscribeUrl(mail: ParsedMail): string {
  const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  return /<(https?:[^>]+)>/.exec(line)?.[1] ?? '';
}

describe('booking email', () => {
  it('confirms to both with a REQUEST invitation; a move keeps the UID and raises SEQUENCE; a cancel sends CANCEL and no reminder follows', async () => {
    const mentor = await mentorWithAddress();
    const id = await bookAt(mentor.id, '2026-11-27T09:00:00Z');
    expect(received).toHaveLength(0); // written in the booking's transaction, sent by the worker

    const booked = await deliver();
    expect(booked.map(to).sort()).toEqual([MENTOR_EMAIL, LEARNER.email].sort());
    const forLearner = booked.find((m) => to(m) === LEARNER.email)!;
    const forMentor = booked.find((m) => to(m) === MENTOR_EMAIL)!;
    // The learner's token says es-MX: their email is in Spanish; the mentor's (no locale) in English.
    expect(forLearner.subject).toMatch(/^Reservada: tu sesión con Ada Lovelace/);
    expect(forMentor.subject).toMatch(/^New session: Lina Ortega/);
    // Each reads the time in their own zone: 09:00 UTC is 03:00 in Mexico City, 10:00 in Berlin.
    expect(forLearner.subject).toMatch(/ 03:00 /);
    expect(forMentor.subject).toMatch(/ 10:00 /);
    expect(forLearner.html).toContain('<html lang="es">');
    expect(forLearner.html).toContain('Data Academy');
    expect(forLearner.html).toContain('background:#ffcc00;color:#111111'); // the button reads on a light accent
    expect(forLearner.text).toContain('Entrar en la sesión: https://');
    expect(forLearner.html).not.toMatch(/<img[^>]+width="1"|<img[^>]+height="1"/); // no tracking pixel
    const first = invitation(forLearner);
    expect(first).toMatchObject({
      method: 'REQUEST',
      uid: `${id}@micromentor`,
      sequence: 0,
      status: 'CONFIRMED',
    });
    expect(first.start).toBe('2026-11-27T09:00:00.000Z');
    expect(first.organizer).toBe('mailto:noreply@academy.example');
    expect(first.attendees).toEqual([
      { address: `mailto:${LEARNER.email}`, partstat: 'ACCEPTED', rsvp: 'FALSE' },
      { address: `mailto:${MENTOR_EMAIL}`, partstat: 'ACCEPTED', rsvp: 'FALSE' },
    ]);
    expect(invitation(forMentor).uid).toBe(first.uid);
    // The learner's note reaches the mentor as text, never as markup, and only the mentor.
    expect(forMentor.html).toContain('My &#60;b&#62;LEFT JOIN&#60;/b&#62; drops rows');
    expect(forMentor.text).toContain('My <b>LEFT JOIN</b> drops rows');
    expect(forLearner.text).not.toContain('LEFT JOIN');
    // Each message can be stopped for its kind in one click (RFC 8058).
    expect(unsubscribeUrl(forLearner)).toMatch(
      /^https:\/\/api\.academy\.example\/email\/unsubscribe\/[A-Za-z0-9]{40}$/,
    );
    expect(header(forLearner, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(await deliver()).toHaveLength(0); // each once

    const moved = await call(ctx.app, 'POST', `/v1/bookings/${id}/reschedule`, {
      ...learner(),
      body: { start: '2026-11-27T11:00:00Z' },
    });
    expect(moved.status, moved.text).toBe(200);
    const movedMail = await deliver();
    expect(movedMail.map(to).sort()).toEqual([MENTOR_EMAIL, LEARNER.email].sort());
    for (const mail of movedMail) {
      expect(invitation(mail)).toMatchObject({ method: 'REQUEST', uid: first.uid, sequence: 1 });
      expect(invitation(mail).start).toBe('2026-11-27T11:00:00.000Z');
    }
    expect(movedMail.find((m) => to(m) === MENTOR_EMAIL)!.subject).toMatch(/^Moved: /);

    const cancelled = await call(ctx.app, 'POST', `/v1/bookings/${id}/cancel`, {
      ...learner(),
      body: { reason: 'Solved it myself' },
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    const cancelMail = await deliver();
    expect(cancelMail.map(to).sort()).toEqual([MENTOR_EMAIL, LEARNER.email].sort());
    for (const mail of cancelMail) {
      expect(invitation(mail)).toMatchObject({
        method: 'CANCEL',
        uid: first.uid,
        sequence: 2,
        status: 'CANCELLED',
      });
    }
    expect(cancelMail.find((m) => to(m) === MENTOR_EMAIL)!.text).toContain('Solved it myself');

    // Past both reminder times and the session itself: nothing more for a cancelled booking.
    ctx.clock.set('2026-11-26T11:00:00Z');
    expect(await deliver()).toHaveLength(0);
    ctx.clock.set('2026-11-27T10:55:00Z');
    expect(await deliver()).toHaveLength(0);
    ctx.clock.set('2026-11-27T13:00:00Z');
    expect(await deliver()).toHaveLength(0);
  });

  it('never confirms a booking cancelled before its email was written: the cancel goes alone', async () => {
    const mentor = await mentorWithAddress();
    const id = await bookAt(mentor.id, '2026-11-27T09:00:00Z');
    const cancelled = await call(ctx.app, 'POST', `/v1/bookings/${id}/cancel`, {
      ...learner(),
      body: { reason: 'Wrong day' },
    });
    expect(cancelled.status).toBe(200);
    const mail = await deliver();
    expect(mail).toHaveLength(2);
    expect(mail.map((m) => invitation(m).method)).toEqual(['CANCEL', 'CANCEL']);
  });

  it('confirms a booking moved before its confirmation went out at its new time, as a booking', async () => {
    const mentor = await mentorWithAddress();
    const id = await bookAt(mentor.id, '2026-11-27T09:00:00Z');
    const moved = await call(ctx.app, 'POST', `/v1/bookings/${id}/reschedule`, {
      ...learner(),
      body: { start: '2026-11-27T11:00:00Z' },
    });
    expect(moved.status, moved.text).toBe(200);
    const mail = await deliver();
    const subjects = new Map(mail.map((m) => [to(m), m.subject]));
    expect(subjects.get(MENTOR_EMAIL)).toMatch(/^New session: Lina Ortega/);
    expect(subjects.get(LEARNER.email)).toMatch(/^Reservada: tu sesión con Ada Lovelace/);
    for (const m of mail) expect(invitation(m)).toMatchObject({ method: 'REQUEST', sequence: 1 });
    expect(mail.every((m) => invitation(m).start === '2026-11-27T11:00:00.000Z')).toBe(true);
  });

  it('reminds both once at each of the program’s times, and follows a move', async () => {
    const mentor = await mentorWithAddress();
    const id = await bookAt(mentor.id, '2026-11-27T09:00:00Z');
    await deliver(); // the confirmations

    ctx.clock.set('2026-11-26T08:59:00Z');
    expect(await deliver()).toHaveLength(0);
    ctx.clock.set('2026-11-26T09:00:00Z'); // −24 h
    const day = await deliver();
    expect(day.map(to).sort()).toEqual([MENTOR_EMAIL, LEARNER.email].sort());
    expect(day.find((m) => to(m) === MENTOR_EMAIL)!.subject).toBe('Tomorrow: your session with Lina Ortega');
    expect(day.find((m) => to(m) === LEARNER.email)!.subject).toBe('Mañana: tu sesión con Ada Lovelace');
    expect(await deliver()).toHaveLength(0);

    // Moved later: the −10 min reminder of the old time never fires; the new time's does.
    const moved = await call(ctx.app, 'POST', `/v1/bookings/${id}/reschedule`, {
      ...learner(),
      body: { start: '2026-11-27T10:00:00Z' },
    });
    expect(moved.status, moved.text).toBe(200);
    await deliver(); // the move's messages
    ctx.clock.set('2026-11-26T10:00:00Z'); // −24 h of the new time
    expect((await deliver()).map(to).sort()).toEqual([MENTOR_EMAIL, LEARNER.email].sort());
    ctx.clock.set('2026-11-27T08:50:00Z'); // −10 min of the old time
    expect(await deliver()).toHaveLength(0);
    ctx.clock.set('2026-11-27T09:50:00Z');
    const soon = await deliver();
    expect(soon.map((m) => m.subject).sort()).toEqual(
      ['En 10 minutos: tu sesión con Ada Lovelace', 'In 10 minutes: your session with Lina Ortega'].sort(),
    );
    ctx.clock.set('2026-11-27T09:59:00Z');
    expect(await deliver()).toHaveLength(0);
  });

  it('reminds at the times the program set', async () => {
    tenant = await ctx.tenant({ settings: { reminderMinutesBefore: [120] } });
    const mentor = await mentorWithAddress('ada-2h');
    await bookAt(mentor.id, '2026-11-27T09:00:00Z');
    await deliver();
    ctx.clock.set('2026-11-27T06:59:00Z');
    expect(await deliver()).toHaveLength(0);
    ctx.clock.set('2026-11-27T07:00:00Z');
    expect((await deliver()).map((m) => m.subject)).toContain('In 2 hours: your session with Lina Ortega');
    ctx.clock.set('2026-11-27T08:55:00Z');
    expect(await deliver()).toHaveLength(0);
  });

  it('keeps a message for someone with no address as unaddressed, and sends the other', async () => {
    const mentor = await bookableMentor(ctx, tenant, {}, { name: 'Ada Lovelace', externalId: 'no-mail' });
    await bookAt(mentor.id, '2026-11-27T09:00:00Z');
    const mail = await deliver();
    expect(mail.map(to)).toEqual([LEARNER.email]);
    const kept = await ctx.db
      .selectFrom('email_messages')
      .select(['status', 'to_address', 'recipient_party'])
      .where('tenant_id', '=', tenant.id)
      .where('recipient_party', '=', 'mentor')
      .execute();
    expect(kept).toEqual([{ status: 'unaddressed', to_address: '', recipient_party: 'mentor' }]);
  });
});

describe('preferences and one-click unsubscribe', () => {
  it('stops exactly the kind of the link, for exactly its reader, without logging in', async () => {
    const mentor = await mentorWithAddress();
    await bookAt(mentor.id, '2026-11-27T09:00:00Z');
    await deliver();
    ctx.clock.set('2026-11-26T09:00:00Z');
    const reminders = await deliver();
    const learnerReminder = reminders.find((m) => to(m) === LEARNER.email)!;
    const path = new URL(unsubscribeUrl(learnerReminder)).pathname;

    // Opening the link changes nothing (mail scanners open links); it asks, in the reader's language.
    const page = await ctx.app.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('¿Dejar de recibir correos de recordatorio de Data Academy?');
    // The mail app's one-click POST does it.
    const done = await ctx.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Data Academy ya no te enviará correos de recordatorio');

    const prefs = await call<{ learner: { kinds: Record<string, boolean> } }>(
      ctx.app,
      'GET',
      '/v1/me/email-preferences',
      learner(),
    );
    expect(prefs.status).toBe(200);
    expect(prefs.body.learner.kinds).toMatchObject({ reminders: false, bookings: true, messages: true });

    // The 10-minute reminder: the mentor's only. A new booking: confirmed to both still.
    ctx.clock.set('2026-11-27T08:50:00Z');
    expect((await deliver()).map(to)).toEqual([MENTOR_EMAIL]);
    await bookAt(mentor.id, '2026-11-30T09:00:00Z');
    expect((await deliver()).map(to).sort()).toEqual([MENTOR_EMAIL, LEARNER.email].sort());

    // Turned back on in the preferences, the next reminder comes again.
    const on = await call(ctx.app, 'PATCH', '/v1/me/email-preferences', {
      ...learner(),
      body: { kinds: { reminders: true } },
    });
    expect(on.status, on.text).toBe(200);
    ctx.clock.set('2026-11-29T09:00:00Z');
    const later = await deliver();
    // The first session ended meanwhile: the learner is asked how it went (feedback), and reminded.
    expect(later.map((m) => m.subject).sort()).toEqual(
      [
        '¿Qué tal tu sesión con Ada Lovelace?',
        'Mañana: tu sesión con Ada Lovelace',
        'Tomorrow: your session with Lina Ortega',
      ].sort(),
    );
  });

  it('refuses a made-up link with a 404 page and bad preferences with problem+json', async () => {
    const res = await ctx.app.request(`/email/unsubscribe/${'x'.repeat(40)}`, { method: 'POST' });
    expect(res.status).toBe(404);
    const bad = await call<{ code: string }>(ctx.app, 'PATCH', '/v1/me/email-preferences', {
      ...learner(),
      body: { kinds: { carrier_pigeon: false } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.code).toBe('validation_failed');
    const noMentor = await call<{ code: string }>(ctx.app, 'PATCH', '/v1/me/email-preferences', {
      ...learner(),
      body: { as: 'mentor', kinds: { requests: false } },
    });
    expect(noMentor.status).toBe(404);
  });
});

describe('thread messages', () => {
  it('batches a thread’s messages still unread after 5 minutes into one email, and sends none once read', async () => {
    const { mentor, thread } = await requestThread(ctx, tenant, { learner: LEARNER.sub, mentorSub: 'ada' });
    const patched = await call(ctx.app, 'PATCH', `/v1/mentors/${mentor.id}`, {
      key: tenant.secretKey,
      body: { contactEmail: MENTOR_EMAIL },
    });
    expect(patched.status).toBe(200);
    const lina = learner();
    expect((await post(ctx, thread.id, lina, 'First: my LEFT JOIN drops rows')).status).toBe(201);
    expect((await post(ctx, thread.id, lina, 'Second: <b>here is</b> the query')).status).toBe(201);
    expect(await deliver()).toHaveLength(0); // not yet: the mentor may read them in the page
    ctx.clock.advance(5 * 60_000);
    const mail = await deliver();
    expect(mail).toHaveLength(1);
    expect(to(mail[0]!)).toBe(MENTOR_EMAIL);
    expect(mail[0]!.subject).toBe('2 new messages from Lina Ortega');
    expect(mail[0]!.text).toContain('First: my LEFT JOIN drops rows');
    expect(mail[0]!.html).toContain('Second: &#60;b&#62;here is&#60;/b&#62; the query'); // their words, as text

    // The mentor answers and the learner reads it in the page within 5 minutes: no email.
    const ada = asMentor(tenant, 'ada');
    expect((await post(ctx, thread.id, ada, 'Show me the ON clause')).status).toBe(201);
    const read = await call(ctx.app, 'POST', `/v1/threads/${thread.id}/read`, { ...lina, body: {} });
    expect(read.status, read.text).toBeLessThan(300);
    ctx.clock.advance(5 * 60_000);
    expect(await deliver()).toHaveLength(0);
  });

  it('carries the reader’s own reply-by-email address when replies by email are on', async () => {
    const { mentor, thread } = await requestThread(ctx, tenant, { learner: LEARNER.sub, mentorSub: 'ada' });
    const withReplies = createWorker({
      db: ctx.db,
      clock: ctx.clock,
      handlers: jobHandlers({
        email: {
          transport: smtpTransport(relay.url),
          from: 'Data Academy <noreply@academy.example>',
          reply: { domain: 'reply.academy.example', key: 'a-test-key-of-enough-length' },
        },
      }),
    });
    // The learner's token (with their address) is seen once, as the widget would send it.
    expect((await call(ctx.app, 'GET', '/v1/me', learner())).status).toBe(200);
    expect((await post(ctx, thread.id, asMentor(tenant, 'ada'), 'Which database?')).status).toBe(201);
    await withReplies.drain(); // the notice waits for its 5 minutes
    ctx.clock.advance(5 * 60_000);
    const before = received.length;
    await withReplies.drain();
    const mail = received.slice(before);
    expect(mail.map(to)).toEqual([LEARNER.email]);
    expect(mail[0]!.replyTo?.value[0]?.address).toMatch(/^reply\+[a-z2-7]{20,}@reply\.academy\.example$/);
    expect(mail[0]!.text).toContain('Responde a este correo para contestar en la conversación.');
    expect(mentor.id).toBeTruthy();
  });
});

describe('a mentor’s new requests', () => {
  it('tells the mentor of the first instant request at once and of the next ones in one digest', async () => {
    tenant = await ctx.tenant({ settings: { emailDigestMinutes: 5, instantHelpWindowMinutes: 10 } });
    const mentor = await bookableMentor(
      ctx,
      tenant,
      {
        weekly: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
          day,
          start: '00:00',
          end: '23:59',
        })),
      },
      {
        name: 'Ada Lovelace',
        externalId: 'ada',
        skills: ['sql', 'postgresql'],
        bio: 'SQL joins and PostgreSQL.',
      },
    );
    expect(
      (
        await call(ctx.app, 'PATCH', `/v1/mentors/${mentor.id}`, {
          key: tenant.secretKey,
          body: { contactEmail: MENTOR_EMAIL },
        })
      ).status,
    ).toBe(200);
    const online = await call(ctx.app, 'PUT', '/v1/me/presence', {
      ...asMentor(tenant, 'ada'),
      body: { availableNow: true },
    });
    expect(online.status, online.text).toBe(200);
    const ask = async (sub: string, title: string) => {
      const res = await call<{ offers?: unknown[] }>(ctx.app, 'POST', '/v1/requests', {
        ...learner({ sub, name: `Learner ${sub}`, email: `${sub}@example.org` }),
        body: { title, details: 'LEFT JOIN of orders and customers', skills: ['sql'], urgency: 'now' },
      });
      expect(res.status, res.text).toBe(201);
    };

    await ask('l1', 'My SQL join returns duplicates');
    const first = await deliver();
    expect(first.map((m) => [to(m), m.subject])).toEqual([
      [MENTOR_EMAIL, 'New request: My SQL join returns duplicates'],
    ]);
    expect(first[0]!.text).toContain('LEFT JOIN of orders and customers');

    ctx.clock.advance(60_000);
    await ask('l2', 'Window functions over partitions');
    ctx.clock.advance(60_000);
    await ask('l3', 'Slow GROUP BY on a big table');
    expect(await deliver()).toHaveLength(0); // within the program's 5 minutes of the last email: they wait
    ctx.clock.set('2026-11-25T12:05:00Z');
    const digest = await deliver();
    expect(digest.map((m) => [to(m), m.subject])).toEqual([[MENTOR_EMAIL, '2 new requests for you']]);
    expect(digest[0]!.text).toContain('Window functions over partitions');
    expect(digest[0]!.text).toContain('Slow GROUP BY on a big table');
    ctx.clock.advance(60 * 60_000);
    expect(await deliver()).toHaveLength(0);
  });
});

describe('mentor applications', () => {
  it('tells the applicant the outcome, with the program’s reason', async () => {
    const applicant = {
      key: tenant.publishableKey,
      origin: tenant.origin,
      token: tenant.token({ sub: 'new-m', name: 'Noor', email: 'noor@example.org' }),
    };
    const applied = await call<{ id: string }>(ctx.app, 'POST', '/v1/me/mentor', {
      ...applicant,
      body: { skills: ['sql'], timeZone: 'Europe/Madrid', formats: ['video'] },
    });
    expect(applied.status, applied.text).toBe(201);
    const rejected = await call(ctx.app, 'POST', `/v1/admin/mentors/${applied.body.id}/reject`, {
      key: tenant.secretKey,
      body: { reason: 'We need two years of experience.' },
    });
    expect(rejected.status, rejected.text).toBe(200);
    const mail = await deliver();
    expect(mail.map((m) => [to(m), m.subject])).toEqual([
      ['noor@example.org', 'About your mentor application'],
    ]);
    expect(mail[0]!.text).toContain('We need two years of experience.');
  });

  it('tells whoever reported a mentor what the program decided, and not its internal note', async () => {
    const mentor = await mentorWithAddress();
    const reported = await call<{ id: string }>(ctx.app, 'POST', '/v1/reports', {
      ...learner(),
      body: { mentorId: mentor.id, reason: 'no_show', details: 'Never joined the call.' },
    });
    expect(reported.status, reported.text).toBe(201);
    const resolved = await call(ctx.app, 'POST', `/v1/admin/reports/${reported.body.id}/resolve`, {
      key: tenant.secretKey,
      body: { action: 'pause', note: 'Second no-show this month; call him.' },
    });
    expect(resolved.status, resolved.text).toBe(200);
    const mail = (await deliver()).filter((m) => to(m) === LEARNER.email);
    expect(mail.map((m) => m.subject)).toEqual(['Hemos revisado tu denuncia']);
    expect(mail[0]!.text).toContain('El programa ha pausado a Ada Lovelace');
    expect(mail[0]!.text).not.toContain('call him');
  });
});
