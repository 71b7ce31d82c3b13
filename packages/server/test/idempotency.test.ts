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

/** Every column of every idempotency record of the tenant, as one string to search. */
const storedRecords = async (tenantId: string) =>
  JSON.stringify(
    await ctx.db.selectFrom('idempotency_keys').selectAll().where('tenant_id', '=', tenantId).execute(),
  );

describe('Idempotency-Key on answers that carry a secret', () => {
  const rotate = (key: string, kind: string) =>
    call<{ key: string; apiKey: { id: string } }>(ctx.app, 'POST', '/v1/admin/keys/rotate', {
      key: tenant.secretKey,
      headers: { 'Idempotency-Key': key },
      body: { kind, overlapHours: 1 },
    });

  it('keeps a rotated key only sealed: no record holds its text, and the retry gets the same key', async () => {
    for (const kind of ['secret', 'identity', 'publishable']) {
      const first = await rotate(`rotate-${kind}`, kind);
      expect(first.status).toBe(201);
      expect(first.body.key).toMatch(/^(sk|ids|pk)_/);
      const stored = await storedRecords(tenant.id);
      expect(stored).toContain(`rotate-${kind}`);
      expect(stored).not.toContain(first.body.key);
      expect(stored).not.toContain(first.body.key.slice(first.body.key.indexOf('_') + 1));

      const retry = await rotate(`rotate-${kind}`, kind);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('cache-control')).toBe('no-store');
      expect(retry.text).toBe(first.text);
    }
    // One key per rotation: the retries made none.
    const keys = await ctx.db
      .selectFrom('api_keys')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(keys).toHaveLength(3 + 3);
  });

  it('keeps a new webhook signing secret, and a rotated one, only sealed', async () => {
    const create = () =>
      call<{ id: string; secret: string }>(ctx.app, 'POST', '/v1/admin/webhooks', {
        key: tenant.secretKey,
        headers: { 'Idempotency-Key': 'hook-1' },
        body: { url: 'https://hooks.example.com/in', events: ['request.created'] },
      });
    const created = await create();
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const replayed = await create();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.secret).toBe(created.body.secret);
    expect(replayed.body.id).toBe(created.body.id);

    const rotateSecret = () =>
      call<{ secret: string }>(ctx.app, 'POST', `/v1/admin/webhooks/${created.body.id}/rotate-secret`, {
        key: tenant.secretKey,
        headers: { 'Idempotency-Key': 'hook-rotate-1' },
        body: {},
      });
    const rotated = await rotateSecret();
    expect(rotated.status).toBe(200);
    expect((await rotateSecret()).body.secret).toBe(rotated.body.secret);

    const stored = await storedRecords(tenant.id);
    expect(stored).toContain('hook-rotate-1');
    for (const secret of [created.body.secret, rotated.body.secret]) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice('whsec_'.length));
    }
  });

  it('keeps answers without a secret as they were (byte for byte, unsealed)', async () => {
    const first = await bookWithKey('plain-key', '2026-11-26T10:00:00Z');
    const row = await ctx.db
      .selectFrom('idempotency_keys')
      .select(['response_body', 'response_secret'])
      .where('tenant_id', '=', tenant.id)
      .where('key', '=', 'plain-key')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ response_body: first.text, response_secret: null });
  });

  it('deletes every expired record of the tenant on the next claim, whatever its key', async () => {
    await rotate('old-rotation', 'secret');
    await bookWithKey('old-booking', '2026-11-26T10:00:00Z');
    ctx.clock.advance(24 * 60 * 60 * 1000 + 1000);
    expect((await bookWithKey('new-booking', '2026-11-27T14:00:00Z')).status).toBe(201);
    const keys = await ctx.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(keys.map((k) => k.key)).toEqual(['new-booking']);
  });
});

describe('Idempotency-Key on a secret answer without a server key (MICROMENTOR_SECRET_KEY unset)', () => {
  it('keeps no body at all, and the retry says the secret was shown once (409 secret_shown_once)', async () => {
    const bare = await createTestContext({ config: { secretKey: undefined } });
    try {
      const t = await bare.tenant();
      const rotate = () =>
        call<{ key: string; code?: string; detail?: string }>(bare.app, 'POST', '/v1/admin/keys/rotate', {
          key: t.secretKey,
          headers: { 'Idempotency-Key': 'bare-1' },
          body: { kind: 'secret' },
        });
      const first = await rotate();
      expect(first.status).toBe(201);
      const rows = await bare.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('tenant_id', '=', t.id)
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ response_body: '', response_secret: 'withheld', response_status: 201 });
      expect(JSON.stringify(rows)).not.toContain(first.body.key);

      const retry = await rotate();
      expect(retry.status).toBe(409);
      expect(retry.headers.get('content-type')).toContain('application/problem+json');
      expect(retry.body.code).toBe('secret_shown_once');
      expect(retry.text).not.toContain(first.body.key);
      // The retry rotated nothing.
      const secrets = await bare.db
        .selectFrom('api_keys')
        .select('id')
        .where('tenant_id', '=', t.id)
        .where('kind', '=', 'secret')
        .execute();
      expect(secrets).toHaveLength(2);
    } finally {
      await bare.close();
    }
  });
});
