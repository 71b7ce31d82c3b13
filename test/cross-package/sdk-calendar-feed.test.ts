import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, type Micromentor } from '../../packages/sdk/src/index.js';
import { ALL_WEEK, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// The private calendar feed through the SDK, over real HTTP: turned on, read by a calendar app
// (a plain GET of its URL, no key), renewed (the old URL is gone), turned off.
let api: RunningApi;
let tenant: SdkTenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api);
});
afterAll(() => api?.close());

/** What a calendar app does with the URL: fetch it, no headers of ours. */
const subscribe = (url: string) => fetch(url);

describe('calendar feed, through the SDK', () => {
  it('on, read by a calendar app, renewed, off', async () => {
    const mentor = await tenant.backend().mentors.create({
      externalId: 'cf-mentor',
      name: 'Carla Feed',
      skills: ['sql'],
      timeZone: 'Europe/Lisbon',
      formats: ['video'],
    });
    await tenant.backend().mentors.availability.set(mentor.id, ALL_WEEK);
    const learner: Micromentor = tenant.browser('cf-learner');
    const now = new Date();
    const [slot] = (
      await learner.mentors.slots(mentor.id, {
        from: now,
        to: new Date(now.getTime() + 2 * 86_400_000),
        duration: 30,
      })
    ).data;
    const booking = await learner.bookings.create({
      mentorId: mentor.id,
      start: slot!.start,
      durationMinutes: 30,
      format: 'video',
    });

    expect(await learner.me.calendarFeed()).toEqual({ enabled: false, url: null, createdAt: null });
    const feed = await learner.me.renewCalendarFeed();
    expect(feed.enabled).toBe(true);
    expect(feed.url).toMatch(new RegExp(`^${api.url}/calendar/[0-9A-Za-z]{40}\\.ics$`));
    expect(await learner.me.calendarFeed()).toEqual(feed);

    const res = await subscribe(feed.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`UID:${booking.id}@micromentor\r\n`);
    expect(ics).toContain('SUMMARY:Micromentor session with Carla Feed\r\n');

    const renewed = await learner.me.renewCalendarFeed();
    expect(renewed.url).not.toBe(feed.url);
    expect((await subscribe(feed.url!)).status).toBe(404);
    expect((await subscribe(renewed.url!)).status).toBe(200);

    await learner.me.stopCalendarFeed();
    expect((await learner.me.calendarFeed()).enabled).toBe(false);
    expect((await subscribe(renewed.url!)).status).toBe(404);
  });

  it('is a user’s: the secret key alone is refused', async () => {
    const error = await failure(tenant.backend({ maxRetries: 0 }).me.renewCalendarFeed());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('user_token_required');
  });
});
