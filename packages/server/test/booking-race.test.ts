import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { listen } from './support/http-server.js';

let ctx: TestContext;
let tenant: TestTenant;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await ctx.tenant();
  server = await listen(ctx.app);
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

function post(path: string, body: unknown, sub: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${tenant.publishableKey}`,
      Origin: tenant.origin,
      'X-User-Token': tenant.token({ sub, name: `Racer ${sub}` }),
      'Content-Type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** The ids of every session of the mentor, whatever its status. */
async function bookingIdsOf(mentorId: string) {
  return ctx.db.selectFrom('bookings').select('id').where('mentor_id', '=', mentorId).execute();
}

describe('concurrent booking over real HTTP', () => {
  it('lets exactly one of 100 learners take one slot', async () => {
    const mentor = await bookableMentor(ctx, tenant);
    const body = { mentorId: mentor.id, start: '2026-11-26T10:00:00Z', durationMinutes: 30, format: 'video' };
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => post('/v1/bookings', body, `racer-${i}`)),
    );
    const results = await Promise.all(
      responses.map(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string } })),
    );
    const created = results.filter((r) => r.status === 201);
    const conflicts = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(1);
    expect(conflicts).toHaveLength(99);
    expect(conflicts.every((r) => r.body.code === 'slot_unavailable')).toBe(true);
    expect(await bookingIdsOf(mentor.id)).toHaveLength(1);
  });

  it('lets 100 learners race for overlapping (not identical) ranges and still never overlap', async () => {
    const mentor = await bookableMentor(ctx, tenant);
    const starts = ['10:00', '10:15', '10:30', '10:45', '11:00'];
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(
          '/v1/bookings',
          {
            mentorId: mentor.id,
            start: `2026-11-27T${starts[i % starts.length]}:00Z`,
            durationMinutes: 30,
            format: 'video',
          },
          `overlap-${i}`,
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const rows = await ctx.db
      .selectFrom('bookings')
      .select(['start_at', 'end_at'])
      .where('mentor_id', '=', mentor.id)
      .orderBy('start_at')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.start_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.end_at.getTime());
  });

  it('runs 20 concurrent requests with one Idempotency-Key once', async () => {
    const mentor = await bookableMentor(ctx, tenant);
    const body = { mentorId: mentor.id, start: '2026-11-26T13:00:00Z', durationMinutes: 30, format: 'video' };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        post('/v1/bookings', body, 'same-learner', { 'Idempotency-Key': 'concurrent-key-1' }),
      ),
    );
    const results = await Promise.all(
      responses.map(async (r) => ({ status: r.status, text: await r.text() })),
    );
    const ok = results.filter((r) => r.status === 201);
    const inProgress = results.filter((r) => r.status === 409 && r.text.includes('idempotency_in_progress'));
    expect(ok.length + inProgress.length).toBe(20);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.text)).size).toBe(1);
    expect(await bookingIdsOf(mentor.id)).toHaveLength(1);
  });
});
