import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, type Mentor, NotFoundError } from '../../packages/sdk/src/index.js';
import { ALL_WEEK, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// Instant help through the SDK against the real server: presence, offers, the inbox, accept.
let api: RunningApi;
let tenant: SdkTenant;
let ada: Mentor;
let bo: Mentor;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api, { instantHelpMaxOffers: 5 });
  const mm = tenant.backend();
  const profile = {
    bio: 'I untangle SQL joins and PostgreSQL plans.',
    skills: ['sql', 'postgresql'],
    yearsExperience: 7,
    timeZone: 'Europe/Lisbon',
    formats: ['video' as const, 'chat' as const],
  };
  ada = await mm.mentors.create({ ...profile, externalId: 'ada', name: 'Ada Joins', headline: 'DBA' });
  bo = await mm.mentors.create({ ...profile, externalId: 'bo', name: 'Bo Plans', headline: 'Data engineer' });
  await mm.mentors.availability.set(ada.id, ALL_WEEK);
  await mm.mentors.availability.set(bo.id, ALL_WEEK);
});
afterAll(() => api?.close());

describe('instant help with the SDK', () => {
  it('offers a "now" request to online mentors; the first to accept gets it, the other gets already_taken', async () => {
    const mentorA = tenant.browser('ada');
    const mentorB = tenant.browser('bo');
    const presence = await mentorA.me.setPresence({ availableNow: true });
    expect(presence).toMatchObject({ availableNow: true, status: 'approved' });
    expect(Date.parse(presence.onlineUntil ?? '')).toBeGreaterThan(Date.now());
    await mentorB.me.setPresence({ availableNow: true });

    const learner = tenant.browser('learner-now');
    const { request, offers } = await learner.requests.create({
      title: 'Duplicate rows after LEFT JOIN',
      skills: ['sql'],
      urgency: 'now',
      context: { topic: 'sql-joins' },
    });
    expect(offers?.map((o) => o.mentorId).sort()).toEqual([ada.id, bo.id].sort());

    const inbox = await mentorB.me.offers({ status: 'offered' }).toArray();
    expect(inbox.map((o) => o.requestId)).toContain(request.id);
    expect(inbox.find((o) => o.requestId === request.id)).toMatchObject({
      request: { title: 'Duplicate rows after LEFT JOIN', context: { topic: 'sql-joins' } },
      learner: { name: 'User learner-now' },
    });

    // The learner is not offered their own request: it does not exist for them here.
    expect(await failure(learner.requests.accept(request.id))).toBeInstanceOf(NotFoundError);

    const won = await mentorA.requests.accept(request.id);
    expect(won).toMatchObject({ requestId: request.id, status: 'accepted', request: { status: 'matched' } });
    const lost = await failure(mentorB.requests.accept(request.id));
    expect(lost).toBeInstanceOf(ConflictError);
    expect((lost as ConflictError).code).toBe('already_taken');

    // The accept made the session: the learner has it, with a thread to chat in.
    expect(won.booking).toMatchObject({ mentorId: ada.id, requestId: request.id, status: 'confirmed' });
    const session = await learner.bookings.get(won.booking!.id);
    expect(session.threadId).toBe(won.booking!.threadId);
    expect(session.threadId).toEqual(expect.any(String));

    const seen = await learner.requests.get(request.id);
    expect(seen).toMatchObject({ status: 'matched', matchedMentorId: ada.id });
    const mine = (await mentorB.me.offers().toArray()).find((o) => o.requestId === request.id);
    expect(mine).toMatchObject({ status: 'withdrawn' });
  });

  it('lets a mentor decline, and turns presence off', async () => {
    // Ada is in the session she accepted above: Bo is the one online and free.
    const mentorA = tenant.browser('bo');
    await mentorA.me.setPresence({ availableNow: true });
    const learner = tenant.browser('learner-decline');
    const { request, offers } = await learner.requests.create({
      title: 'Slow SQL query',
      skills: ['sql'],
      urgency: 'now',
    });
    expect(offers?.map((o) => o.mentorId)).toEqual([bo.id]);
    const declined = await mentorA.requests.decline(request.id);
    expect(declined.status).toBe('declined');
    const off = await mentorA.me.setPresence({ availableNow: false });
    expect(off).toMatchObject({ availableNow: false, onlineUntil: null });
  });
});
