/**
 * Booking: how fast the API confirms bookings under concurrency, and how long a 14-day slot
 * window takes for a busy mentor — each next to a bare baseline route measured in the same run
 * on the same server, database and pool.
 */
import { authHeaders, inParallel } from '../support/api.js';
import { type LoadRequest, type LoadResult, runLoad, settle } from '../support/load.js';
import {
  createBenchTenant,
  DAY_MS,
  MINUTE_MS,
  seedBookableMentors,
  startOfTomorrowUtc,
} from '../support/seed.js';
import type { Row, Section, SectionContext } from '../support/types.js';

const MENTORS = 200;
const SESSION_MINUTES = 30;
/** At least this share of booking requests must be 2xx, or the figures mean nothing. */
const MIN_OK_SHARE = 0.95;

const SLOT_WINDOW_DAYS = 14;
const SLOT_MENTOR_BOOKINGS = 200;
const SLOT_REQUESTS = 100;
const SLOT_WARMUP_REQUESTS = 20;

function describeFailures(result: LoadResult): string {
  const parts = [...result.failures].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${key} ×${n}`);
  if (result.errors) parts.push(`no response ×${result.errors}`);
  return parts.join(', ');
}

async function createsPerSecond(ctx: SectionContext): Promise<Row[]> {
  const { server, settings, log } = ctx;
  const tenant = await createBenchTenant(server, 'Bench booking');
  log(`seeding ${MENTORS} mentors with 24/7 availability…`);
  const mentors = await seedBookableMentors(tenant, MENTORS);

  // Request i books mentor i mod 200 at their next free half hour from tomorrow 00:00 UTC, for
  // learner i: concurrent requests hit different mentors (as many learners on a site would), and
  // no two requests ask for the same time, so every one of them should be confirmed.
  // Past the 60-day horizon a request would fail (409) and the success check would say so; at
  // 200 mentors × 48 half hours × 58 days that is over 500 000 requests away.
  const firstStart = startOfTomorrowUtc().getTime();
  const headers = authHeaders(tenant.visitor, true);
  const booking = (i: number): LoadRequest => ({
    method: 'POST',
    path: '/v1/bookings',
    headers: { ...headers, 'X-User-Token': tenant.token(`bench-learner-${i + 1}`) },
    body: JSON.stringify({
      mentorId: mentors[i % MENTORS],
      start: new Date(firstStart + Math.floor(i / MENTORS) * SESSION_MINUTES * MINUTE_MS).toISOString(),
      durationMinutes: SESSION_MINUTES,
      format: 'video',
    }),
  });
  // One numbering across warm-up and measurement, so the measured run never reuses a slot.
  let next = 0;
  const nextBooking = () => booking(next++);
  const baseline: LoadRequest = { method: 'POST', path: '/bench/baseline' };
  const run = (request: LoadRequest | (() => LoadRequest), seconds: number) =>
    runLoad({ url: server.url, connections: settings.connections, duration: seconds, request });

  log(`warm-up: ${settings.warmup} s baseline, ${settings.warmup} s bookings…`);
  await run(baseline, settings.warmup);
  await settle();
  const warm = await run(nextBooking, settings.warmup);
  if (warm.ok === 0) throw new Error(`no booking succeeded during the warm-up: ${describeFailures(warm)}`);
  await settle();

  log(`baseline: ${settings.duration} s of POST /bench/baseline, ${settings.connections} clients…`);
  const base = await run(baseline, settings.duration);
  await settle();
  log(`bookings: ${settings.duration} s of POST /v1/bookings, ${settings.connections} clients…`);
  const created = await run(nextBooking, settings.duration);
  await settle();

  const clients = `${settings.connections} clients`;
  const okShare = created.okShare * 100;
  const failures = describeFailures(created);
  return [
    {
      benchmark: `booking create, ${clients}`,
      figure: { value: created.okPerSecond, unit: 'req/s' },
      baseline: { value: base.okPerSecond, unit: 'req/s' },
      notes: `${created.ok} created in ${created.seconds} s; baseline ${base.ok} inserts`,
    },
    {
      benchmark: 'booking create latency p50',
      figure: { value: created.p50, unit: 'ms' },
      baseline: { value: base.p50, unit: 'ms' },
      notes: '2xx responses only',
    },
    {
      benchmark: 'booking create latency p95',
      figure: { value: created.p95, unit: 'ms' },
      baseline: { value: base.p95, unit: 'ms' },
    },
    {
      benchmark: 'booking create 2xx share',
      figure: { value: okShare, unit: '%' },
      baseline: { value: base.okShare * 100, unit: '%' },
      notes: `${created.ok} 2xx of ${created.responses + created.errors}; non-2xx: ${failures || 'none'}`,
      check: {
        ok: created.okShare >= MIN_OK_SHARE,
        message: `only ${okShare.toFixed(1)} % of booking requests succeeded (need ≥ ${MIN_OK_SHARE * 100} %): ${failures}`,
      },
    },
  ];
}

async function slotWindow(ctx: SectionContext): Promise<Row[]> {
  const { server, log } = ctx;
  const tenant = await createBenchTenant(server, 'Bench slots');
  const [mentorId] = await seedBookableMentors(tenant, 1, 'Busy Mentor');
  const from = startOfTomorrowUtc();
  const to = new Date(from.getTime() + SLOT_WINDOW_DAYS * DAY_MS);

  // 200 half-hour sessions spread evenly over the window, starting on the hour or half hour (a
  // session may not cross midnight: each day's 00:00–24:00 rule is a separate interval).
  log(`booking ${SLOT_MENTOR_BOOKINGS} sessions with one mentor over ${SLOT_WINDOW_DAYS} days…`);
  const step = SESSION_MINUTES * MINUTE_MS;
  const halfHours = (SLOT_WINDOW_DAYS * DAY_MS) / step;
  await inParallel(
    Array.from({ length: SLOT_MENTOR_BOOKINGS }, (_, i) => i),
    4,
    async (i) => {
      const start = from.getTime() + Math.floor((i * halfHours) / SLOT_MENTOR_BOOKINGS) * step;
      await tenant.api.call(
        'POST',
        '/v1/bookings',
        tenant.learner(`bench-slots-learner-${i + 1}`),
        { mentorId, start: new Date(start).toISOString(), durationMinutes: SESSION_MINUTES, format: 'video' },
        201,
      );
    },
  );

  // An anonymous visitor's view (publishable key, no user token), as the widget shows it.
  const path = `/v1/mentors/${mentorId}/slots?from=${from.toISOString()}&to=${to.toISOString()}&duration=${SESSION_MINUTES}`;
  const { data } = await tenant.api.call<{ data: unknown[] }>('GET', path, tenant.visitor);
  const slots: LoadRequest = {
    method: 'GET',
    path,
    headers: authHeaders(tenant.visitor),
  };
  const select1: LoadRequest = { method: 'GET', path: '/bench/select1' };
  const sequential = (request: LoadRequest, amount: number) =>
    runLoad({ url: server.url, connections: 1, amount, request });

  log(`slots: ${SLOT_REQUESTS} sequential requests each for GET /bench/select1 and the 14-day window…`);
  await sequential(select1, SLOT_WARMUP_REQUESTS);
  const base = await sequential(select1, SLOT_REQUESTS);
  await sequential(slots, SLOT_WARMUP_REQUESTS);
  const window = await sequential(slots, SLOT_REQUESTS);
  for (const [name, result] of [
    ['slots', window],
    ['select1', base],
  ] as const) {
    if (result.ok !== SLOT_REQUESTS) {
      throw new Error(
        `${name}: ${result.ok} of ${SLOT_REQUESTS} requests succeeded: ${describeFailures(result)}`,
      );
    }
  }

  const label = `slots ${SLOT_WINDOW_DAYS} d, ${SLOT_MENTOR_BOOKINGS} bookings`;
  return [
    {
      benchmark: `${label}, p50`,
      figure: { value: window.p50, unit: 'ms' },
      baseline: { value: base.p50, unit: 'ms' },
      notes: `${data.length} slots of ${SESSION_MINUTES} min returned; ${SLOT_REQUESTS} sequential requests`,
    },
    {
      benchmark: `${label}, p95`,
      figure: { value: window.p95, unit: 'ms' },
      baseline: { value: base.p95, unit: 'ms' },
      notes: 'baseline: GET /bench/select1',
    },
  ];
}

export const bookingSection: Section = {
  name: 'booking',
  async run(ctx) {
    return [...(await createsPerSecond(ctx)), ...(await slotWindow(ctx))];
  },
};
