import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '../src/security/user-token.js';
import { serveProcesses } from './support/serve-processes.js';
import { type SmtpRelay, startSmtpRelay } from './support/smtp-relay.js';

/**
 * The outbox across a crash, with real processes: a booking is made on a server that writes
 * email but runs no jobs, that server is killed (SIGKILL, nothing flushed), and a new one on
 * the same database sends each message exactly once over real SMTP.
 */
describe(`email outbox across a crash (${process.env.MM_TEST_DB ?? 'pglite'})`, () => {
  const processes = serveProcesses();
  let received: ParsedMail[] = [];
  let relay: SmtpRelay;

  beforeAll(async () => {
    relay = await startSmtpRelay();
    received = relay.received;
  });

  afterAll(async () => {
    await relay.close();
  });

  it('loses no message and sends none twice when the server dies between enqueue and send', {
    timeout: 240_000,
  }, async () => {
    const origin = 'https://crash.example';
    const tenant = await processes.createTenant('Crash Academy', origin);
    const env = {
      ...processes.env,
      SMTP_URL: relay.url,
      MICROMENTOR_MAIL_FROM: 'Crash Academy <noreply@crash.example>',
    };
    const first = await processes.serve([], { ...env, MICROMENTOR_WORKER: 'off' });
    const api = (path: string, init: RequestInit & { user?: boolean } = {}) =>
      fetch(`${first.baseUrl}${path}`, {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(init.user
            ? {
                Authorization: `Bearer ${tenant.publishableKey}`,
                Origin: origin,
                'X-User-Token': signUserToken({
                  secret: tenant.identitySecret,
                  sub: 'kim',
                  name: 'Kim Learner',
                  email: 'kim@example.org',
                }),
              }
            : { Authorization: `Bearer ${tenant.secretKey}` }),
        },
      });
    const mentor = (await (
      await api('/v1/mentors', {
        method: 'POST',
        body: JSON.stringify({
          name: 'Ada',
          skills: ['sql'],
          timeZone: 'UTC',
          formats: ['video'],
        }),
      })
    ).json()) as { id: string };
    expect(
      (
        await api(`/v1/mentors/${mentor.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ contactEmail: 'ada@crash.example' }),
        })
      ).status,
    ).toBe(200);
    const all = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const availability = await api(`/v1/mentors/${mentor.id}/availability`, {
      method: 'PUT',
      body: JSON.stringify({
        timeZone: 'UTC',
        weekly: all.map((day) => ({ day, start: '00:00', end: '23:59' })),
        sessionLengths: [30],
      }),
    });
    expect(availability.status, await availability.clone().text()).toBe(200);
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 4 * 86_400_000).toISOString();
    const query = new URLSearchParams({ from, to, duration: '30' });
    const slots = (await (await api(`/v1/mentors/${mentor.id}/slots?${query}`, { user: true })).json()) as {
      data: { start: string }[];
    };
    const start = slots.data[0]?.start;
    expect(start).toBeDefined();
    const booked = await api('/v1/bookings', {
      method: 'POST',
      user: true,
      body: JSON.stringify({ mentorId: mentor.id, start, durationMinutes: 30, format: 'video' }),
    });
    expect(booked.status, await booked.clone().text()).toBe(201);

    // Dies with the email written (its compose job committed with the booking), nothing sent.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(received).toHaveLength(0);

    await processes.serve([], { ...env, MICROMENTOR_WORKER_POLL_MS: '100' });
    const deadline = Date.now() + 60_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // A few more polls: nothing else arrives.
    await new Promise((r) => setTimeout(r, 1_500));
    const addresses = received.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address).sort();
    expect(addresses).toEqual(['ada@crash.example', 'kim@example.org']);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(2);
  });
});
