import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asLearner, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { mentorInput } from './support/fixtures.js';
import { call } from './support/http.js';

let ctx: TestContext;
let tenant: TestTenant;
let mentorId: string;

beforeAll(async () => {
  ctx = await createTestContext();
});
beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant();
  mentorId = (await bookableMentor(ctx, tenant)).id;
});
afterAll(() => ctx.close());

const bookWithKey = (key: string, start: string, sub = 'idem-learner', extra: Record<string, unknown> = {}) =>
  call<{ id: string; code?: string }>(ctx.app, 'POST', '/v1/bookings', {
    ...asLearner(tenant, sub),
    headers: { 'Idempotency-Key': key },
    body: { mentorId, start, durationMinutes: 30, format: 'video', ...extra },
  });

const bookingCount = async () =>
  (await ctx.db.selectFrom('bookings').select('id').where('mentor_id', '=', mentorId).execute()).length;

describe('Idempotency-Key', () => {
  it('replays the first response byte for byte for the same key and body, with one row', async () => {
    const first = await bookWithKey('key-1', '2026-11-26T10:00:00Z');
    const second = await bookWithKey('key-1', '2026-11-26T10:00:00Z');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await bookingCount()).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    await bookWithKey('key-2', '2026-11-26T10:00:00Z');
    const other = await bookWithKey('key-2', '2026-11-26T11:00:00Z');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await bookingCount()).toBe(1);
  });

  it('never replays one user’s response to another user with the same key and body', async () => {
    await bookWithKey('key-3', '2026-11-26T10:00:00Z', 'user-a');
    const other = await bookWithKey('key-3', '2026-11-26T10:00:00Z', 'user-b');
    expect(other.status).toBe(422);
  });

  it('stores nothing for a request that failed validation, so it can be fixed and resent', async () => {
    const bad = await bookWithKey('key-4', '2026-11-26T10:00:00Z', 'idem-learner', {
      durationMinutes: 'thirty',
    });
    expect(bad.status).toBe(400);
    const fixed = await bookWithKey('key-4', '2026-11-26T10:00:00Z');
    expect(fixed.status).toBe(201);
  });

  it('stores nothing for a refused booking either', async () => {
    await bookWithKey('key-5a', '2026-11-26T10:00:00Z', 'first');
    const taken = await bookWithKey('key-5', '2026-11-26T10:00:00Z', 'second');
    expect(taken.status).toBe(409);
    const elsewhere = await bookWithKey('key-5', '2026-11-26T11:00:00Z', 'second');
    expect(elsewhere.status).toBe(201);
  });

  it('forgets keys after 24 hours', async () => {
    const first = await bookWithKey('key-6', '2026-11-27T10:00:00Z');
    expect(first.status).toBe(201);
    ctx.clock.advance(25 * 60 * 60 * 1000);
    const reused = await bookWithKey('key-6', '2026-11-27T14:00:00Z');
    expect(reused.status).toBe(201);
    expect(reused.body.id).not.toBe(first.body.id);
  });

  it('works on every creating POST, e.g. mentors', async () => {
    const send = () =>
      call<{ id: string }>(ctx.app, 'POST', '/v1/mentors', {
        key: tenant.secretKey,
        headers: { 'Idempotency-Key': 'mentor-key' },
        body: mentorInput({ name: 'Once Only' }),
      });
    const a = await send();
    const b = await send();
    expect(b.body.id).toBe(a.body.id);
    const rows = await ctx.db
      .selectFrom('mentors')
      .select('id')
      .where('name', '=', 'Once Only')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('rejects keys that are not printable ASCII or too long', async () => {
    const res = await bookWithKey('x'.repeat(256), '2026-11-26T10:00:00Z');
    expect(res.status).toBe(400);
    expect(await bookingCount()).toBe(0);
  });
});
