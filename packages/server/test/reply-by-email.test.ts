import { randomBytes } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  replyAddressFor,
  revokeReplyAddresses,
  verifyReplyAddress,
} from '../src/domain/email/reply-address.js';
import { type InboundSmtpListener, startInboundSmtp } from '../src/inbound/smtp-listener.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { type MentorBody, userIdOf } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';
import { asMentor, type MessageBody, requestThread, type ThreadBody } from './support/thread-fixtures.js';

// Reply by email end to end: the real listener on loopback, mail sent to it over SMTP with
// nodemailer, the thread read back through the API.

const DOMAIN = 'reply.example.org';
const KEY = 'test-server-secret-key-0123456789';
const LEARNER_EMAIL = 'lena@example.org';
const MENTOR_EMAIL = 'grace@mentors.example';

let ctx: TestContext;
let listener: InboundSmtpListener;
let smtp: Transporter;

interface Scene {
  tenant: TestTenant;
  thread: ThreadBody;
  mentor: MentorBody;
  learnerId: string;
  learnerAddress: string;
  mentorAddress: string;
}
let scene: Scene;

beforeAll(async () => {
  ctx = await createTestContext();
  listener = await startInboundSmtp({
    db: ctx.db,
    clock: ctx.clock,
    port: 0,
    host: '127.0.0.1',
    domain: DOMAIN,
    key: KEY,
    maxBytes: 64 * 1024,
  });
  smtp = createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  smtp.close();
  await listener.close();
  await ctx.close();
});

/** The learner, signed in with their address (a token without one would clear it). */
function asLearner(tenant: TestTenant, sub = 'learner-1'): CallOptions {
  return {
    key: tenant.publishableKey,
    origin: tenant.origin,
    token: tenant.token({ sub, name: `Learner ${sub}`, email: LEARNER_EMAIL }),
  };
}

/** A thread between a learner and a mentor, each with an address, and their reply addresses. */
async function threadScene(tenant: TestTenant): Promise<Scene> {
  const { mentor, thread } = await requestThread(ctx, tenant);
  const me = await call(ctx.app, 'GET', '/v1/me', asLearner(tenant));
  expect(me.status, me.text).toBe(200);
  const learnerId = await userIdOf(ctx, tenant, 'learner-1');
  // The mentor's user exists once they have signed in; their contact address wins over it.
  expect((await call(ctx.app, 'GET', '/v1/me', asMentor(tenant, 'mentor-1'))).status).toBe(200);
  const edit = await call(ctx.app, 'PATCH', `/v1/mentors/${mentor.id}`, {
    key: tenant.secretKey,
    body: { contactEmail: MENTOR_EMAIL },
  });
  expect(edit.status, edit.text).toBe(200);
  const now = ctx.clock.now();
  const options = { domain: DOMAIN, key: KEY };
  const base = { tenantId: tenant.id, threadId: thread.id, now };
  return {
    tenant,
    thread,
    mentor,
    learnerId: learnerId,
    learnerAddress: await replyAddressFor(ctx.db, { ...base, party: 'learner', partyId: learnerId }, options),
    mentorAddress: await replyAddressFor(ctx.db, { ...base, party: 'mentor', partyId: mentor.id }, options),
  };
}

async function messages(s: Scene = scene): Promise<MessageBody[]> {
  const res = await call<{ data: MessageBody[] }>(
    ctx.app,
    'GET',
    `/v1/threads/${s.thread.id}/messages`,
    asLearner(s.tenant),
  );
  expect(res.status, res.text).toBe(200);
  return res.body.data;
}

type Delivery = { ok: true } | { ok: false; code: number; response: string; stage: string };

interface Mail {
  to: string;
  from?: string;
  text?: string;
  html?: string;
  messageId?: string;
  headers?: Record<string, string>;
  /** The whole message as sent (no Message-ID added), with this envelope sender. */
  raw?: string;
}

/** Sends one message over SMTP: delivered, or the listener's refusal (code and reply). */
async function send(mail: Mail): Promise<Delivery> {
  const from = mail.from ?? LEARNER_EMAIL;
  try {
    await smtp.sendMail(
      mail.raw !== undefined
        ? { envelope: { from, to: mail.to }, raw: mail.raw }
        : {
            from,
            to: mail.to,
            subject: 'Re: New message in your conversation',
            text: mail.text,
            html: mail.html,
            messageId: mail.messageId ?? `<${randomBytes(8).toString('hex')}@mail.example.org>`,
            headers: mail.headers,
          },
    );
    return { ok: true };
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; code?: string };
    return {
      ok: false,
      code: e.responseCode ?? 0,
      response: e.response ?? String(error),
      stage: e.code ?? '',
    };
  }
}

const GMAIL_REPLY = (address: string) =>
  [
    'Thanks, grouping by the order id fixed it!',
    '',
    'On Wed, Nov 25, 2026 at 12:05 PM Grace Hopper via Micromentor <',
    `${address}> wrote:`,
    '',
    '> Try grouping by the order id before joining.',
    '',
    '-- ',
    'Lena Learner',
  ].join('\r\n');

beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  scene = await threadScene(await ctx.tenant());
});

describe('reply addresses', () => {
  it('are the same for a recipient and thread until revoked, differ between the learner and the mentor, and fit a local part', async () => {
    const again = await replyAddressFor(
      ctx.db,
      {
        tenantId: scene.tenant.id,
        threadId: scene.thread.id,
        party: 'learner',
        partyId: scene.learnerId,
        now: ctx.clock.now(),
      },
      { domain: DOMAIN, key: KEY },
    );
    expect(again).toBe(scene.learnerAddress);
    expect(scene.mentorAddress).not.toBe(scene.learnerAddress);
    for (const address of [scene.learnerAddress, scene.mentorAddress]) {
      const [local, domain] = address.split('@');
      expect(domain).toBe(DOMAIN);
      expect(local).toMatch(/^reply\+[a-z2-7]+$/);
      expect(local!.length).toBeLessThanOrEqual(64);
    }
    // Only a hash of each token is stored.
    const rows = await ctx.db
      .selectFrom('email_reply_tokens')
      .selectAll()
      .where('tenant_id', '=', scene.tenant.id)
      .execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(scene.learnerAddress + scene.mentorAddress).not.toContain(row.token_hash);
  });

  it('are made anew when the server secret changes: the old one is retired, the new one works', async () => {
    const rotated = `${KEY}-rotated`;
    const recipient = {
      tenantId: scene.tenant.id,
      threadId: scene.thread.id,
      party: 'learner' as const,
      partyId: scene.learnerId,
      now: ctx.clock.now(),
    };
    const fresh = await replyAddressFor(ctx.db, recipient, { domain: DOMAIN, key: rotated });
    expect(fresh).not.toBe(scene.learnerAddress);
    expect(await replyAddressFor(ctx.db, recipient, { domain: DOMAIN, key: rotated })).toBe(fresh);
    expect(await verifyReplyAddress(ctx.db, fresh, { domain: DOMAIN, key: rotated })).toMatchObject({
      ok: true,
    });
    expect(await verifyReplyAddress(ctx.db, scene.learnerAddress, { domain: DOMAIN, key: KEY })).toEqual({
      ok: false,
      refusal: 'revoked',
    });
  });

  it('are only made for the thread’s own learner and mentor, in its own tenant', async () => {
    const other = await ctx.tenant();
    const options = { domain: DOMAIN, key: KEY };
    const now = ctx.clock.now();
    await expect(
      replyAddressFor(
        ctx.db,
        { tenantId: other.id, threadId: scene.thread.id, party: 'learner', partyId: scene.learnerId, now },
        options,
      ),
    ).rejects.toThrow(/not found/);
    await expect(
      replyAddressFor(
        ctx.db,
        {
          tenantId: scene.tenant.id,
          threadId: scene.thread.id,
          party: 'mentor',
          partyId: scene.learnerId,
          now,
        },
        options,
      ),
    ).rejects.toThrow(/not found/);
  });
});

describe('a reply by email', () => {
  it('lands in the thread as the learner, without the quoted history and the signature, as a message posted in the app would', async () => {
    const delivered = await send({ to: scene.learnerAddress, text: GMAIL_REPLY(scene.learnerAddress) });
    expect(delivered).toEqual({ ok: true });
    const [message] = await messages();
    expect(message).toMatchObject({
      authorId: scene.learnerId,
      authorRole: 'learner',
      body: 'Thanks, grouping by the order id fixed it!',
    });
    // The mentor sees it unread and got the live event, as for a message posted through the API.
    const seen = await call<ThreadBody>(
      ctx.app,
      'GET',
      `/v1/threads/${scene.thread.id}`,
      asMentor(scene.tenant, 'mentor-1'),
    );
    expect(seen.body).toMatchObject({ unreadCount: 1, lastMessage: { id: message!.id } });
    const events = await ctx.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('tenant_id', '=', scene.tenant.id)
      .where('type', '=', 'message.created')
      .execute();
    expect(events.map((e) => (e.data as { message: { id: string } }).message.id)).toEqual([message!.id]);
  });

  it('lands as the mentor from their contact address (in any case), also when only HTML was sent', async () => {
    const html =
      '<div dir="ltr">Happy to help, see you <b>Thursday</b>.</div><br>' +
      '<div class="gmail_quote"><div class="gmail_attr">On Wed, Nov 25, 2026 at 12:05 PM Lena Learner wrote:<br></div>' +
      '<blockquote class="gmail_quote">Can we meet on Thursday?</blockquote></div>';
    const delivered = await send({
      to: scene.mentorAddress.toUpperCase(),
      from: 'Grace@Mentors.Example',
      html,
    });
    expect(delivered).toEqual({ ok: true });
    const [message] = await messages();
    expect(message).toMatchObject({ authorRole: 'mentor', body: 'Happy to help, see you Thursday.' });
  });

  it('is taken once: the same Message-ID again is refused and not posted twice, also when both arrive at once', async () => {
    const mail = { to: scene.learnerAddress, text: 'Thanks!', messageId: '<once@mail.example.org>' };
    expect(await send(mail)).toEqual({ ok: true });
    expect(await send(mail)).toMatchObject({
      ok: false,
      code: 550,
      response: expect.stringMatching(/already posted/),
    });
    const racing = { ...mail, messageId: '<race@mail.example.org>' };
    const results = await Promise.all([send(racing), send(racing), send(racing)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await messages()).map((m) => m.body)).toEqual(['Thanks!', 'Thanks!']);
  });

  it('without a Message-ID is told apart by its bytes: the same message again is a replay', async () => {
    const raw = [
      `From: Lena <${LEARNER_EMAIL}>`,
      `To: ${scene.learnerAddress}`,
      'Subject: Re: your session',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Works for me.',
      '',
    ].join('\r\n');
    expect(await send({ to: scene.learnerAddress, raw })).toEqual({ ok: true });
    expect(await send({ to: scene.learnerAddress, raw })).toMatchObject({ ok: false, code: 550 });
    expect((await messages()).map((m) => m.body)).toEqual(['Works for me.']);
  });

  it('with NUL and other control characters in its text and Message-ID is posted without them, once', async () => {
    const raw = [
      `From: Lena <${LEARNER_EMAIL}>`,
      `To: ${scene.learnerAddress}`,
      'Subject: Re: your session',
      'Message-ID: <nul\u0000id\u0007@mail.example.org>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Thanks\u0000 a lot\u0007!',
      '\tSee you then.\u001b',
      '',
    ].join('\r\n');
    expect(await send({ to: scene.learnerAddress, raw })).toEqual({ ok: true });
    expect(await send({ to: scene.learnerAddress, raw })).toMatchObject({ ok: false, code: 550 });
    expect((await messages()).map((m) => m.body)).toEqual(['Thanks a lot!\n\tSee you then.']);
  });

  it('to a forged token (its signature changed) is refused at RCPT', async () => {
    const [local, domain] = scene.learnerAddress.split('@') as [string, string];
    // A letter inside the signature (the last one also carries spare bits).
    const at = local.length - 5;
    const forged = `${local.slice(0, at)}${local[at] === 'a' ? 'b' : 'a'}${local.slice(at + 1)}@${domain}`;
    expect(await verifyReplyAddress(ctx.db, forged, { domain: DOMAIN, key: KEY })).toEqual({
      ok: false,
      refusal: 'bad_signature',
    });
    expect(await send({ to: forged, text: 'Let me in' })).toMatchObject({
      ok: false,
      code: 550,
      stage: 'EENVELOPE',
    });
    // Signed with another server's secret: refused the same way.
    const otherKey = await verifyReplyAddress(ctx.db, scene.learnerAddress, {
      domain: DOMAIN,
      key: `${KEY}-other`,
    });
    expect(otherKey).toEqual({ ok: false, refusal: 'bad_signature' });
    expect(await messages()).toEqual([]);
  });

  it('to an unsigned address, an unknown token or another domain is refused at RCPT', async () => {
    const unknownToken = scene.learnerAddress.replace(/\+[a-z2-7]{8}/, '+aaaaaaaa');
    for (const to of [
      `reply+garbage@${DOMAIN}`,
      `reply@${DOMAIN}`,
      unknownToken,
      scene.learnerAddress.replace(DOMAIN, 'example.org'),
    ]) {
      expect(await send({ to, text: 'Hello?' }), to).toMatchObject({
        ok: false,
        code: 550,
        stage: 'EENVELOPE',
      });
    }
    expect(await messages()).toEqual([]);
  });

  it('to a revoked address is refused; the next notification carries a new one that works', async () => {
    const revoked = await revokeReplyAddresses(
      ctx.db,
      { tenantId: scene.tenant.id, party: 'learner', partyId: scene.learnerId, threadId: scene.thread.id },
      ctx.clock.now(),
    );
    expect(revoked).toBe(1);
    expect(await send({ to: scene.learnerAddress, text: 'Still there?' })).toMatchObject({
      ok: false,
      code: 550,
      stage: 'EENVELOPE',
      response: expect.stringMatching(/no longer in use/),
    });
    // The mentor's address in the same thread is not theirs to lose.
    expect(await send({ to: scene.mentorAddress, from: MENTOR_EMAIL, text: 'Yes.' })).toEqual({ ok: true });
    const fresh = await replyAddressFor(
      ctx.db,
      {
        tenantId: scene.tenant.id,
        threadId: scene.thread.id,
        party: 'learner',
        partyId: scene.learnerId,
        now: ctx.clock.now(),
      },
      { domain: DOMAIN, key: KEY },
    );
    expect(fresh).not.toBe(scene.learnerAddress);
    expect(await send({ to: fresh, text: 'Still there?' })).toEqual({ ok: true });
    expect((await messages()).map((m) => m.body)).toEqual(['Yes.', 'Still there?']);
  });

  it('from another sender is refused, also from the other participant of the thread', async () => {
    for (const from of ['mallory@example.org', MENTOR_EMAIL]) {
      expect(await send({ to: scene.learnerAddress, from, text: 'Posing as Lena' })).toMatchObject({
        ok: false,
        code: 550,
        response: expect.stringMatching(/must come from the address/),
      });
    }
    expect(await messages()).toEqual([]);
  });

  it('too big for the listener is refused with 552; longer than a message may be, with a clear 550', async () => {
    const oversized = await send({ to: scene.learnerAddress, text: 'x'.repeat(70 * 1024) });
    expect(oversized).toMatchObject({ ok: false, code: 552 });
    const tooLong = await send({ to: scene.learnerAddress, text: 'word '.repeat(1000) });
    expect(tooLong).toMatchObject({
      ok: false,
      code: 550,
      response: expect.stringMatching(/longer than 4000 characters/),
    });
    expect(await messages()).toEqual([]);
  });

  it('that is only quoted history, or an automatic reply, is refused', async () => {
    const onlyQuote = await send({ to: scene.learnerAddress, text: '> Try grouping by the order id.\r\n' });
    expect(onlyQuote).toMatchObject({
      ok: false,
      code: 550,
      response: expect.stringMatching(/no text of its own/),
    });
    const outOfOffice = await send({
      to: scene.learnerAddress,
      text: 'I am out of the office until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(outOfOffice).toMatchObject({
      ok: false,
      code: 550,
      response: expect.stringMatching(/Automatic replies/),
    });
    expect(await messages()).toEqual([]);
  });

  it('takes one reply address per message: a second recipient is deferred (452) for a delivery of its own', async () => {
    const info = await smtp.sendMail({
      from: LEARNER_EMAIL,
      to: [scene.learnerAddress, scene.mentorAddress],
      subject: 'Re: both',
      text: 'To both of you',
    });
    expect(info.accepted).toEqual([scene.learnerAddress]);
    expect(info.rejected).toEqual([scene.mentorAddress]);
    expect((await messages()).map((m) => m.authorRole)).toEqual(['learner']);
  });
});

describe('tenants', () => {
  it('another tenant’s token posts only into its own tenant’s thread, and a token moved to this tenant is refused', async () => {
    const other = await threadScene(await ctx.tenant());
    expect(await send({ to: other.learnerAddress, text: 'In my own program' })).toEqual({ ok: true });
    expect((await messages(other)).map((m) => m.body)).toEqual(['In my own program']);
    expect(await messages(scene)).toEqual([]);
    // Someone with write access to the table points the other tenant's token at this thread
    // (in place of this learner's own, revoked): its signature no longer matches its row.
    await revokeReplyAddresses(
      ctx.db,
      { tenantId: scene.tenant.id, party: 'learner', partyId: scene.learnerId },
      ctx.clock.now(),
    );
    await ctx.db
      .updateTable('email_reply_tokens')
      .set({ tenant_id: scene.tenant.id, thread_id: scene.thread.id, party_id: scene.learnerId })
      .where('tenant_id', '=', other.tenant.id)
      .where('party', '=', 'learner')
      .execute();
    expect(await send({ to: other.learnerAddress, text: 'Sneaking in' })).toMatchObject({
      ok: false,
      code: 550,
    });
    expect(await messages(scene)).toEqual([]);
  });
});

describe('the listener', () => {
  it('fails to start, without taking the process down, on a port already taken', async () => {
    await expect(
      startInboundSmtp({
        db: ctx.db,
        clock: ctx.clock,
        port: listener.port,
        host: '127.0.0.1',
        domain: DOMAIN,
        key: KEY,
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
