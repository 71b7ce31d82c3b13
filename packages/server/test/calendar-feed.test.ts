// A user's private calendar feed: turned on, off and renewed through /v1/me/calendar-feed; the
// feed itself at /calendar/<secret>.ics, read back with an independent parser (ical.js).
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { hashKey, SecretBox } from '../src/security/keys.js';
import { asLearner, type BookingBody, book, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { call } from './support/http.js';

const SUB = 'feed-user';
const PHONE = '+34600123456';

interface Feed {
  enabled: boolean;
  url: string | null;
  createdAt: string | null;
}
type Problem = { code: string; status: number; detail: string };

let ctx: TestContext;
let tenant: TestTenant;
let other: TestTenant;
/** The user's sessions: as learner (one moved, one cancelled, one long past) and as mentor. */
const sessions = {} as Record<'learned' | 'moved' | 'cancelled' | 'old' | 'mentored', BookingBody>;
let ownMentor: MentorBody;

const me = (t: TestTenant = tenant, sub = SUB) => asLearner(t, sub);

function feedCall(method: 'GET' | 'POST' | 'DELETE', t: TestTenant = tenant, sub = SUB) {
  return call<Feed & Problem>(ctx.app, method, '/v1/me/calendar-feed', me(t, sub));
}

/** The feed at a URL the API handed out, fetched as a calendar app does: no key, no token. */
async function fetchFeed(url: string) {
  const res = await ctx.app.request(new URL(url).pathname);
  return { res, text: await res.text() };
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const events = new Map(
    root.getAllSubcomponents('vevent').map((event) => [String(event.getFirstPropertyValue('uid')), event]),
  );
  return { root, events };
}

async function ok<T>(res: { status: number; text: string; body: T }, status = 200): Promise<T> {
  expect(res.status, res.text).toBe(status);
  return res.body;
}

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await ctx.tenant({ name: 'Data Academy' });
  other = await ctx.tenant({ name: 'Other Program' });
  const mentor = await bookableMentor(ctx, tenant, {}, { name: 'Ada Mentor', externalId: 'ada' });

  // Long past by the time the feed is read (more than 30 days before "now" below).
  ctx.clock.set('2026-11-25T12:00:00Z');
  sessions.old = await ok(
    await book(ctx, tenant, { mentorId: mentor.id, start: '2026-11-26T09:00:00Z' }, SUB),
    201,
  );

  ctx.clock.set('2026-12-28T08:00:00Z');
  sessions.learned = await ok(
    await book(
      ctx,
      tenant,
      { mentorId: mentor.id, start: '2027-01-04T09:00:00Z', format: 'call', phone: PHONE },
      SUB,
    ),
    201,
  );
  const moved = await ok(
    await book(ctx, tenant, { mentorId: mentor.id, start: '2027-01-05T09:00:00Z' }, SUB),
    201,
  );
  sessions.moved = await ok(
    await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${moved.id}/reschedule`, {
      ...me(),
      body: { start: '2027-01-05T10:00:00Z' },
    }),
  );
  const cancelled = await ok(
    await book(ctx, tenant, { mentorId: mentor.id, start: '2027-01-06T09:00:00Z' }, SUB),
    201,
  );
  sessions.cancelled = await ok(
    await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${cancelled.id}/cancel`, {
      ...me(),
      body: { reason: 'Solved it myself' },
    }),
  );
  // The same person mentors too: their profile has their external id; a learner books a call.
  ownMentor = await bookableMentor(ctx, tenant, {}, { name: 'Felix Feed', externalId: SUB });
  sessions.mentored = await ok(
    await book(
      ctx,
      tenant,
      { mentorId: ownMentor.id, start: '2027-01-07T09:00:00Z', format: 'call', phone: PHONE },
      'lena',
    ),
    201,
  );
  // Another program: a user with the same external id, mentor and learner there too.
  const otherMentor = await bookableMentor(ctx, other, {}, { name: 'Otto Other', externalId: SUB });
  await ok(await book(ctx, other, { mentorId: otherMentor.id, start: '2027-01-08T09:00:00Z' }, 'olga'), 201);
});
afterAll(() => ctx.close());

describe('the calendar feed', () => {
  it('is off until turned on: no URL, and no secret opens anything', async () => {
    expect(await ok(await feedCall('GET'))).toEqual({ enabled: false, url: null, createdAt: null });
    for (const path of [
      `/calendar/${'a'.repeat(40)}.ics`,
      '/calendar/short.ics',
      `/calendar/${'a'.repeat(40)}.txt`,
      `/calendar/${'a'.repeat(4000)}.ics`,
    ]) {
      const res = await ctx.app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as Problem).code).toBe('not_found');
    }
  });

  it('turned on, gives a long secret URL whose feed holds the user’s sessions as learner and mentor', async () => {
    const created = await ok(await feedCall('POST'), 201);
    expect(created.enabled).toBe(true);
    expect(created.url).toMatch(/^http:\/\/localhost\/calendar\/[0-9A-Za-z]{40}\.ics$/);
    expect(created.createdAt).toBe(ctx.clock.now().toISOString());
    // Shown again later, as it was.
    expect(await ok(await feedCall('GET'))).toEqual(created);

    const { res, text } = await fetchFeed(created.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    const { root, events } = parse(text);
    expect(root.getFirstPropertyValue('method')).toBeNull();
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Micromentor — Data Academy');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H');

    const uid = (b: BookingBody) => `${b.id}@micromentor`;
    expect([...events.keys()].sort()).toEqual(
      [sessions.learned, sessions.moved, sessions.cancelled, sessions.mentored].map(uid).sort(),
    );
    const learned = new ICAL.Event(events.get(uid(sessions.learned))!);
    expect(learned.summary).toBe('Micromentor session with Ada Mentor');
    expect(learned.startDate.toJSDate().toISOString()).toBe('2027-01-04T09:00:00.000Z');
    expect(learned.endDate.toJSDate().toISOString()).toBe('2027-01-04T09:30:00.000Z');
    expect(learned.sequence).toBe(0);
    expect(learned.description).toBe(
      'Call with Ada Mentor.\nAda Mentor calls you at the number you gave when booking.',
    );
    expect(events.get(uid(sessions.learned))!.getFirstPropertyValue('status')).toBe('CONFIRMED');

    const moved = new ICAL.Event(events.get(uid(sessions.moved))!);
    expect(moved.sequence).toBe(sessions.moved.sequence);
    expect(moved.sequence).toBe(1);
    expect(moved.startDate.toJSDate().toISOString()).toBe('2027-01-05T10:00:00.000Z');
    expect(moved.location).toBe(sessions.moved.joinUrl);
    expect(events.get(uid(sessions.moved))!.getFirstPropertyValue('url')).toBe(sessions.moved.joinUrl);
    expect(moved.description).toContain(`Join: ${sessions.moved.joinUrl}`);

    const cancelled = events.get(uid(sessions.cancelled))!;
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.getFirstPropertyValue('sequence')).toBe(sessions.cancelled.sequence);

    // As mentor, the summary names the learner.
    const mentored = new ICAL.Event(events.get(uid(sessions.mentored))!);
    expect(mentored.summary).toBe('Micromentor session with Learner lena');
    // A call's learner number goes nowhere near a calendar service, whoever the feed is for.
    expect(text).not.toContain(PHONE);
    expect(text.replace(/\r\n /g, '')).not.toContain('600123456');
  });

  it('keeps only the secret’s hash and the secret sealed with the server key', async () => {
    const { url } = await ok(await feedCall('GET'));
    const secret = url!.match(/calendar\/(\w+)\.ics$/)![1]!;
    const row = await ctx.db
      .selectFrom('users')
      .select(['calendar_feed_hash', 'calendar_feed_sealed'])
      .where('tenant_id', '=', tenant.id)
      .where('external_id', '=', SUB)
      .executeTakeFirstOrThrow();
    expect(row.calendar_feed_hash).toBe(hashKey(secret));
    expect(row.calendar_feed_sealed).toMatch(/^v1:/);
    expect(row.calendar_feed_sealed).not.toContain(secret);
    expect(ctx.secretBox.open(row.calendar_feed_sealed!)).toBe(secret);
  });

  it('gets a new link: the old one stops working at once, the new one works', async () => {
    const before = await ok(await feedCall('GET'));
    ctx.clock.advance(60_000);
    const renewed = await ok(await feedCall('POST'), 201);
    expect(renewed.url).not.toBe(before.url);
    expect(renewed.createdAt).toBe(ctx.clock.now().toISOString());
    const old = await fetchFeed(before.url!);
    expect(old.res.status).toBe(404);
    expect(old.res.headers.get('content-type')).toBe('application/problem+json');
    expect((await fetchFeed(renewed.url!)).res.status).toBe(200);
  });

  it('never shows another program’s sessions, even for the same external id', async () => {
    const mine = await ok(await feedCall('GET'));
    const theirs = await ok(await feedCall('POST', other), 201);
    expect(theirs.url).not.toBe(mine.url);
    const otherFeed = parse((await fetchFeed(theirs.url!)).text);
    expect(otherFeed.root.getFirstPropertyValue('x-wr-calname')).toBe('Micromentor — Other Program');
    const otherEvents = [...otherFeed.events.values()].map((e) => new ICAL.Event(e).summary);
    expect(otherEvents).toEqual(['Micromentor session with Learner olga']);
    const myEvents = [...parse((await fetchFeed(mine.url!)).text).events.values()].map(
      (e) => new ICAL.Event(e).summary,
    );
    expect(myEvents).not.toContain('Micromentor session with Learner olga');
    expect(myEvents).toHaveLength(4);
    // Each program's feed is its own: turning one off leaves the other.
    await ok(await feedCall('DELETE', other), 204);
    expect((await fetchFeed(mine.url!)).res.status).toBe(200);
  });

  it('uses the configured public URL for the link', async () => {
    const app = createApp({
      db: ctx.db,
      clock: ctx.clock,
      config: { secretKey: 'test-server-secret-key-0123456789', publicUrl: 'https://mentors.example.com/' },
    });
    const res = await call<Feed>(app, 'GET', '/v1/me/calendar-feed', me());
    expect(res.body.url).toMatch(/^https:\/\/mentors\.example\.com\/calendar\/[0-9A-Za-z]{40}\.ics$/);
  });

  it('says the feed is on but cannot show its link when sealed under another server key; a new link mends it', async () => {
    const before = await ok(await feedCall('GET'));
    await ctx.db
      .updateTable('users')
      .set({ calendar_feed_sealed: new SecretBox('a-previous-server-key-0123456789').seal('whatever') })
      .where('tenant_id', '=', tenant.id)
      .where('external_id', '=', SUB)
      .execute();
    expect(await ok(await feedCall('GET'))).toEqual({
      enabled: true,
      url: null,
      createdAt: before.createdAt,
    });
    // The link itself still works: it is found by its hash, not by opening the sealed copy.
    expect((await fetchFeed(before.url!)).res.status).toBe(200);
    const mended = await ok(await feedCall('POST'), 201);
    expect((await ok(await feedCall('GET'))).url).toBe(mended.url);
  });

  it('drops the mentor’s sessions once their profile is deleted', async () => {
    const { url } = await ok(await feedCall('GET'));
    await ok(await call(ctx.app, 'DELETE', `/v1/mentors/${ownMentor.id}`, { key: tenant.secretKey }), 204);
    const { events } = parse((await fetchFeed(url!)).text);
    expect(events.has(`${sessions.mentored.id}@micromentor`)).toBe(false);
    expect(events.size).toBe(3);
  });

  it('turned off, the link answers 404, and turning off again changes nothing', async () => {
    const { url } = await ok(await feedCall('GET'));
    expect(await ok(await feedCall('DELETE'), 204)).toBeUndefined();
    expect(await ok(await feedCall('GET'))).toEqual({ enabled: false, url: null, createdAt: null });
    expect((await fetchFeed(url!)).res.status).toBe(404);
    await ok(await feedCall('DELETE'), 204);
  });

  it('needs a user: a key alone, or no key, is refused with a problem', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      for (const as of [
        { key: tenant.publishableKey, origin: tenant.origin },
        { key: tenant.secretKey },
        {},
      ]) {
        const res = await call<Problem>(ctx.app, method, '/v1/me/calendar-feed', as);
        expect(res.status, `${method} ${JSON.stringify(as)}`).toBe(401);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(res.body.code).toMatch(/_required$|^unauthorized$|^missing/);
      }
    }
    // Nothing was turned on by the refused calls.
    expect(await ok(await feedCall('GET'))).toMatchObject({ enabled: false });
  });
});
