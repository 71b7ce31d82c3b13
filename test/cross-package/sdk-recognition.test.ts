import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../packages/sdk/src/index.js';
import { ManualClock } from '../../packages/server/src/clock.js';
import { jobHandlers } from '../../packages/server/src/jobs/handlers.js';
import { createWorker } from '../../packages/server/src/jobs/worker.js';
import { ALL_WEEK, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// Recognition over HTTP through the SDK: a completed session earns a badge, the mentor reads
// their record and downloads the signed credential, a third party verifies it with the JWKS.
let api: RunningApi;
let tenant: SdkTenant;
const clock = new ManualClock('2026-12-01T08:01:00Z');

beforeAll(async () => {
  api = await startApi({ clock });
  tenant = await sdkTenant(api, { leaderboard: true }, clock);
});
afterAll(() => api?.close());

describe('recognition, through the SDK', () => {
  it('badge, record, leaderboard and a credential anyone can verify', async () => {
    const mentor = await tenant.backend().mentors.create({
      externalId: 'r-mentor',
      name: 'Rita Mentor',
      skills: ['sql'],
      timeZone: 'Europe/Lisbon',
      formats: ['video'],
    });
    await tenant.backend().mentors.availability.set(mentor.id, ALL_WEEK);
    expect(mentor.badges).toEqual([]);

    const learner = tenant.user('r-learner');
    const slots = await learner.mentors.slots(mentor.id, {
      from: clock.now(),
      to: new Date(clock.now().getTime() + 86_400_000),
      duration: 30,
    });
    const slot = slots.data[0]!;
    await learner.bookings.create({
      mentorId: mentor.id,
      start: slot.start,
      durationMinutes: 30,
      format: 'video',
    });
    clock.set(new Date(new Date(slot.end).getTime() + 16 * 60_000));
    const worker = createWorker({ db: api.db, clock, handlers: jobHandlers() });
    await worker.drain();

    const me = tenant.user('r-mentor', ['mentor']);
    const record = await me.recognition.record();
    expect(record).toMatchObject({ mentorId: mentor.id, sessions: 1, minutes: 30 });
    expect(record.badges.map((b) => b.code)).toEqual(['first_session']);
    expect((await tenant.backend().mentors.get(mentor.id)).badges).toEqual(record.badges);

    const board = await tenant.user('r-learner').recognition.leaderboard({ by: 'minutes' });
    expect(board.entries).toEqual([
      {
        rank: 1,
        mentor: { id: mentor.id, name: 'Rita Mentor', headline: mentor.headline, badges: record.badges },
        sessions: 1,
        minutes: 30,
      },
    ]);

    const jws = await me.recognition.credential();
    const [h, p, s] = jws.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const vc = JSON.parse(Buffer.from(p, 'base64url').toString());
    expect(vc.issuer.id).toBe(`${api.url}/issuers/${tenant.id}`);
    const jwksUrl = me.recognition.issuerKeysUrl(tenant.id);
    expect(jwksUrl).toBe(`${vc.issuer.id}/jwks.json`);
    // The header's kid is a URL that answers with the key; the issuer's set lists the same key.
    expect(header.kid).toMatch(new RegExp(`^${vc.issuer.id}/keys/`));
    const jwk = (await (await fetch(header.kid)).json()) as { x: string };
    const { keys } = (await (await fetch(jwksUrl)).json()) as { keys: { x: string }[] };
    expect(keys.map((k) => k.x)).toContain(jwk.x);
    const key = createPublicKey({ key: jwk as never, format: 'jwk' });
    expect(verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))).toBe(true);
    expect(vc.credentialSubject.result.map((r: { value: string }) => r.value)).toEqual(['1', '30']);
  });

  it('the leaderboard is a NotFoundError with code leaderboard_disabled while the program has it off', async () => {
    const closed = await sdkTenant(api, {}, clock);
    const error = await failure(closed.backend().recognition.leaderboard());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'leaderboard_disabled', status: 404 });
  });
});
