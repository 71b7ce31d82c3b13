import { describe, expect, it } from 'vitest';
import type { AvailabilityPolicy, TimeRange, WeeklyRule } from '../availability/policy.js';
import { computeSlots } from '../availability/slots.js';
import { firstSlots, NEXT_SLOTS_WINDOW_DAYS } from './next-slots.js';

const MIN = 60_000;
const DAY = 86_400_000;
const ALL = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function policy(over: Partial<AvailabilityPolicy>): AvailabilityPolicy {
  return {
    timeZone: 'UTC',
    weekly: ALL.map((day) => ({ day, start: '00:00', end: '24:00' })),
    overrides: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    horizonDays: 60,
    maxPerDay: null,
    maxPerWeek: null,
    sessionLengths: [30],
    ...over,
  };
}

const iso = (slots: TimeRange[]) => slots.map((s) => `${s.start.toISOString()}–${s.end.toISOString()}`);

/** Bookings every `everyHours` from `from`, `minutes` long. */
function busy(from: Date, everyHours: number, minutes: number, days: number): TimeRange[] {
  const out: TimeRange[] = [];
  for (let t = from.getTime(); t < from.getTime() + days * DAY; t += everyHours * 60 * MIN) {
    out.push({ start: new Date(t), end: new Date(t + minutes * MIN) });
  }
  return out;
}

describe('firstSlots', () => {
  // 10:07 UTC, off the grid, two days before the US DST change (2026-03-08).
  const now = new Date('2026-03-06T10:07:00Z');
  const to = new Date(now.getTime() + NEXT_SLOTS_WINDOW_DAYS * DAY);
  const weekdays = (start: string, end: string): WeeklyRule[] =>
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));

  const cases: {
    name: string;
    policy: AvailabilityPolicy;
    mentorBusy: TimeRange[];
    learnerBusy: TimeRange[];
  }[] = [
    { name: 'around the clock', policy: policy({}), mentorBusy: [], learnerBusy: [] },
    {
      name: 'weekday mornings in New York, buffers and notice',
      policy: policy({
        timeZone: 'America/New_York',
        weekly: weekdays('09:00', '10:15'),
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 15,
        minNoticeMinutes: 600,
      }),
      mentorBusy: busy(new Date('2026-03-09T13:00:00Z'), 24, 30, 10),
      learnerBusy: [],
    },
    {
      name: 'one short evening a week, far away',
      policy: policy({ timeZone: 'Asia/Tokyo', weekly: [{ day: 'wed', start: '23:30', end: '24:00' }] }),
      mentorBusy: [],
      learnerBusy: [],
    },
    {
      name: 'daily cap reached today, learner busy tomorrow',
      policy: policy({ maxPerDay: 2, sessionLengths: [45, 60] }),
      mentorBusy: busy(new Date('2026-03-06T00:00:00Z'), 6, 45, 1),
      learnerBusy: [{ start: new Date('2026-03-07T00:00:00Z'), end: new Date('2026-03-07T20:00:00Z') }],
    },
    {
      name: 'a slot across the first chunk edge',
      policy: policy({ weekly: ALL.map((day) => ({ day, start: '09:50', end: '10:30' })) }),
      mentorBusy: [],
      learnerBusy: [],
    },
    { name: 'no availability at all', policy: policy({ weekly: [] }), mentorBusy: [], learnerBusy: [] },
  ];

  for (const c of cases) {
    it(`equals the first slots of the whole window: ${c.name}`, () => {
      const duration = Math.min(...c.policy.sessionLengths);
      const q = {
        policy: c.policy,
        from: now,
        to,
        durationMinutes: duration,
        now,
        mentorBusy: c.mentorBusy,
        learnerBusy: c.learnerBusy,
      };
      const whole = computeSlots(q);
      for (const count of [1, 3, 7, 1000]) {
        expect(iso(firstSlots({ ...q, count }))).toEqual(iso(whole.slice(0, count)));
      }
    });
  }

  it('finds the slot that starts just before a chunk edge and ends after it', () => {
    // Free 09:50–10:30 UTC daily; from 10:07 the first chunk ends at 10:07 the next day, inside
    // the next day's only slot (09:50–10:20).
    const p = policy({ weekly: ALL.map((day) => ({ day, start: '09:50', end: '10:30' })) });
    const got = firstSlots({
      policy: p,
      from: now,
      to,
      durationMinutes: 30,
      now,
      mentorBusy: [],
      learnerBusy: [],
      count: 2,
    });
    expect(iso(got)).toEqual([
      '2026-03-07T09:50:00.000Z–2026-03-07T10:20:00.000Z',
      '2026-03-08T09:50:00.000Z–2026-03-08T10:20:00.000Z',
    ]);
  });
});
