import { describe, expect, it } from 'vitest';
import type { AvailabilityPolicy, TimeRange, WeeklyRule } from './policy.js';
import { validatePolicy } from './policy.js';
import { computeSlots, isSlotOffered, type SlotQuery } from './slots.js';

const MIN = 60_000;
const DAY = 86_400_000;

const weekdays = (start: string, end: string): WeeklyRule[] =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));

function policy(over: Partial<AvailabilityPolicy> = {}): AvailabilityPolicy {
  return {
    timeZone: 'UTC',
    weekly: weekdays('09:00', '12:00'),
    overrides: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    horizonDays: 365,
    maxPerDay: null,
    maxPerWeek: null,
    sessionLengths: [30, 60],
    ...over,
  };
}

const range = (start: string, end: string): TimeRange => ({ start: new Date(start), end: new Date(end) });

/** `computeSlots` with defaults (duration 30, step 30, now long before), as ISO start strings. */
function starts(over: Omit<Partial<SlotQuery>, 'from' | 'to'> & { from: string; to: string }): string[] {
  const { from, to, ...rest } = over;
  const q: SlotQuery = {
    policy: policy(),
    durationMinutes: 30,
    stepMinutes: 30,
    now: new Date('2026-01-01T00:00:00Z'),
    mentorBusy: [],
    ...rest,
    from: new Date(from),
    to: new Date(to),
  };
  const slots = computeSlots(q);
  for (const s of slots) expect(s.end.getTime() - s.start.getTime()).toBe(q.durationMinutes * MIN);
  return slots.map((s) => s.start.toISOString());
}

/** ISO strings for `day` + each 'HH:MM' (UTC). */
const at = (day: string, ...times: string[]): string[] => times.map((t) => `${day}T${t}:00.000Z`);

// 2026-03-02 is a Monday.
const MON = '2026-03-02';
const monWindow = { from: `${MON}T00:00:00Z`, to: `${MON}T23:59:00Z` };

describe('computeSlots: time zones and DST', () => {
  it('follows New York across spring forward (09:00 = 14:00Z Fri 03-06, 13:00Z Mon 03-09)', () => {
    const got = starts({
      policy: policy({ timeZone: 'America/New_York' }),
      from: '2026-03-06T00:00:00Z',
      to: '2026-03-10T00:00:00Z',
    });
    expect(got).toEqual([
      ...at('2026-03-06', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'),
      ...at('2026-03-09', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30'),
    ]);
  });

  it('follows New York across fall back (09:00 = 13:00Z Fri 10-30, 14:00Z Mon 11-02)', () => {
    const got = starts({
      policy: policy({ timeZone: 'America/New_York' }),
      from: '2026-10-30T00:00:00Z',
      to: '2026-11-03T00:00:00Z',
    });
    expect(got).toEqual([
      ...at('2026-10-30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30'),
      ...at('2026-11-02', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'),
    ]);
  });

  it('skips wall times that do not exist on the spring-forward day', () => {
    // Sun 2026-03-08 01:30–03:30 New York: 02:00 and 02:30 local never happen.
    const got = starts({
      policy: policy({
        timeZone: 'America/New_York',
        weekly: [{ day: 'sun', start: '01:30', end: '03:30' }],
      }),
      from: '2026-03-08T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
    });
    // 01:30 EST = 06:30Z, 03:00 EDT = 07:00Z.
    expect(got).toEqual(at('2026-03-08', '06:30', '07:00'));
  });

  it('ends an interval whose end is skipped at the transition instant', () => {
    // 01:00–02:30 on the spring-forward day: 02:30 does not exist, so the interval ends at 03:00 EDT = 07:00Z.
    const q = {
      policy: policy({
        timeZone: 'America/New_York',
        weekly: [{ day: 'sun' as const, start: '01:00', end: '02:30' }],
      }),
      from: '2026-03-08T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
    };
    expect(starts({ ...q, durationMinutes: 60 })).toEqual(at('2026-03-08', '06:00'));
    expect(starts(q)).toEqual(at('2026-03-08', '06:00', '06:30'));
  });

  it('offers each repeated wall time of the fall-back day once, at its first (EDT) instant', () => {
    // Sun 2026-11-01 00:30–02:30 New York: 01:00 and 01:30 happen twice.
    const got = starts({
      policy: policy({
        timeZone: 'America/New_York',
        weekly: [{ day: 'sun', start: '00:30', end: '02:30' }],
      }),
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-02T00:00:00Z',
    });
    // 00:30 EDT 04:30Z, 01:00 EDT 05:00Z, 01:30 EDT 05:30Z, 02:00 EST 07:00Z — never 06:00Z / 06:30Z.
    expect(got).toEqual(at('2026-11-01', '04:30', '05:00', '05:30', '07:00'));
  });

  it('follows Berlin across both 2026 changes (09:00 = 08:00Z winter, 07:00Z summer)', () => {
    const p = policy({ timeZone: 'Europe/Berlin', weekly: weekdays('09:00', '10:00') });
    expect(starts({ policy: p, from: '2026-03-27T00:00:00Z', to: '2026-03-31T00:00:00Z' })).toEqual([
      ...at('2026-03-27', '08:00', '08:30'),
      ...at('2026-03-30', '07:00', '07:30'),
    ]);
    expect(starts({ policy: p, from: '2026-10-23T00:00:00Z', to: '2026-10-27T00:00:00Z' })).toEqual([
      ...at('2026-10-23', '07:00', '07:30'),
      ...at('2026-10-26', '08:00', '08:30'),
    ]);
  });

  it('handles a half-hour zone without DST (Kolkata 09:00 = 03:30Z)', () => {
    const got = starts({
      policy: policy({ timeZone: 'Asia/Kolkata', weekly: weekdays('09:00', '10:00') }),
      from: '2026-07-06T00:00:00Z',
      to: '2026-07-07T00:00:00Z',
    });
    expect(got).toEqual(at('2026-07-06', '03:30', '04:00'));
  });

  it('handles Lord Howe’s 30-minute DST (+11 summer, +10:30 winter)', () => {
    const p = policy({ timeZone: 'Australia/Lord_Howe', weekly: weekdays('09:00', '09:30') });
    // Ends Sun 2026-04-05: Fri 04-03 09:00 +11 = 22:00Z Thu; Mon 04-06 09:00 +10:30 = 22:30Z Sun.
    expect(starts({ policy: p, from: '2026-04-02T00:00:00Z', to: '2026-04-06T00:00:00Z' })).toEqual([
      '2026-04-02T22:00:00.000Z',
      '2026-04-05T22:30:00.000Z',
    ]);
    // Starts Sun 2026-10-04: Fri 10-02 09:00 +10:30 = 22:30Z Thu; Mon 10-05 09:00 +11 = 22:00Z Sun.
    expect(starts({ policy: p, from: '2026-10-01T00:00:00Z', to: '2026-10-05T00:00:00Z' })).toEqual([
      '2026-10-01T22:30:00.000Z',
      '2026-10-04T22:00:00.000Z',
    ]);
  });

  it('offers only 02:30 from a 02:00–03:00 rule on Lord Howe’s spring-forward day', () => {
    const got = starts({
      policy: policy({
        timeZone: 'Australia/Lord_Howe',
        weekly: [{ day: 'sun', start: '02:00', end: '03:00' }],
      }),
      from: '2026-10-03T00:00:00Z',
      to: '2026-10-04T12:00:00Z',
    });
    expect(got).toEqual(['2026-10-03T15:30:00.000Z']);
  });

  it("runs an interval ending at '24:00' up to midnight", () => {
    const p = policy({ weekly: [{ day: 'sat', start: '22:00', end: '24:00' }] });
    const window = { from: '2026-03-07T00:00:00Z', to: '2026-03-09T00:00:00Z' };
    expect(starts({ policy: p, ...window, durationMinutes: 60 })).toEqual(
      at('2026-03-07', '22:00', '22:30', '23:00'),
    );
  });
});

describe('computeSlots: window, notice and horizon', () => {
  it('lists the grid of a plain weekday', () => {
    expect(starts(monWindow)).toEqual(at(MON, '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'));
  });

  it('keeps only slots that start at or after `from` and end by `to`', () => {
    expect(starts({ from: `${MON}T09:30:00Z`, to: `${MON}T11:00:00Z` })).toEqual(
      at(MON, '09:30', '10:00', '10:30'),
    );
    expect(starts({ from: `${MON}T09:31:00Z`, to: `${MON}T10:59:00Z` })).toEqual(at(MON, '10:00'));
  });

  it('anchors the grid at the interval start with the given step', () => {
    const p = policy({ weekly: [{ day: 'mon', start: '09:10', end: '10:00' }] });
    expect(starts({ policy: p, ...monWindow, stepMinutes: 15 })).toEqual(at(MON, '09:10', '09:25'));
  });

  it('drops slots starting before now + minimum notice (a start exactly at it is offered)', () => {
    const got = starts({
      policy: policy({ minNoticeMinutes: 60 }),
      now: new Date(`${MON}T09:30:00Z`),
      ...monWindow,
    });
    expect(got).toEqual(at(MON, '10:30', '11:00', '11:30'));
  });

  it('drops slots starting at or after now + horizon days', () => {
    const got = starts({
      policy: policy({ horizonDays: 1, weekly: weekdays('08:00', '10:00') }),
      now: new Date(`${MON}T09:00:00Z`),
      from: `${MON}T00:00:00Z`,
      to: '2026-03-05T00:00:00Z',
    });
    expect(got).toEqual([...at(MON, '09:00', '09:30'), ...at('2026-03-03', '08:00', '08:30')]);
  });

  it('offers nothing when the session is longer than every interval', () => {
    const p = policy({ weekly: [{ day: 'mon', start: '09:00', end: '09:45' }] });
    expect(starts({ policy: p, ...monWindow, durationMinutes: 60 })).toEqual([]);
  });
});

describe('computeSlots: bookings and buffers', () => {
  const booking = [range(`${MON}T10:00:00Z`, `${MON}T10:30:00Z`)];

  it('allows back-to-back sessions when both buffers are zero', () => {
    expect(starts({ ...monWindow, mentorBusy: booking })).toEqual(
      at(MON, '09:00', '09:30', '10:30', '11:00', '11:30'),
    );
  });

  it('keeps an after-buffer between a booking and the next slot, and before the booking', () => {
    // before 0, after 10: every gap between sessions must be ≥ 10 min.
    const got = starts({
      policy: policy({ bufferAfterMinutes: 10 }),
      ...monWindow,
      mentorBusy: booking,
      stepMinutes: 5,
    });
    expect(got).toContain(`${MON}T09:20:00.000Z`); // ends 09:50, gap 10
    expect(got).not.toContain(`${MON}T09:25:00.000Z`); // ends 09:55, gap 5
    expect(got).not.toContain(`${MON}T10:35:00.000Z`); // gap 5 after the booking
    expect(got).toContain(`${MON}T10:40:00.000Z`); // gap 10 after the booking
  });

  it('keeps a before-buffer on both sides the same way', () => {
    // before 15, after 0: gaps must be ≥ 15 min.
    const got = starts({
      policy: policy({ bufferBeforeMinutes: 15 }),
      ...monWindow,
      mentorBusy: booking,
      stepMinutes: 5,
    });
    expect(got).toContain(`${MON}T09:15:00.000Z`);
    expect(got).not.toContain(`${MON}T09:20:00.000Z`);
    expect(got).not.toContain(`${MON}T10:40:00.000Z`);
    expect(got).toContain(`${MON}T10:45:00.000Z`);
  });

  it('removes exactly the slots a partially overlapping booking touches', () => {
    const got = starts({
      ...monWindow,
      mentorBusy: [range(`${MON}T10:15:00Z`, `${MON}T10:45:00Z`)],
      stepMinutes: 15,
    });
    expect(got).toEqual(at(MON, '09:00', '09:15', '09:30', '09:45', '10:45', '11:00', '11:15', '11:30'));
  });

  it('removes only the slot overlapping the learner’s own booking, without buffers', () => {
    const got = starts({
      policy: policy({ bufferBeforeMinutes: 30, bufferAfterMinutes: 30 }),
      ...monWindow,
      learnerBusy: [range(`${MON}T10:00:00Z`, `${MON}T10:30:00Z`)],
    });
    expect(got).toEqual(at(MON, '09:00', '09:30', '10:30', '11:00', '11:30'));
  });
});

describe('computeSlots: caps', () => {
  it('closes a mentor-local day once its bookings reach maxPerDay (counted by local start date)', () => {
    // New York: 2026-03-03T03:00Z is Monday 22:00 local, so it counts for Monday.
    const p = policy({ timeZone: 'America/New_York', maxPerDay: 1 });
    const window = { from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z' };
    const busy = [range('2026-03-03T03:00:00Z', '2026-03-03T03:30:00Z')];
    expect(starts({ policy: p, ...window, mentorBusy: busy })).toEqual(
      at('2026-03-03', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'),
    );
    expect(starts({ policy: policy({ ...p, maxPerDay: 2 }), ...window, mentorBusy: busy })).toHaveLength(12);
  });

  it('closes a mentor-local ISO week once its bookings reach maxPerWeek', () => {
    // Berlin: 2026-03-08T23:30Z is Monday 2026-03-09 00:30 local → ISO week 2026-W11, not W10.
    const p = policy({ timeZone: 'Europe/Berlin', weekly: weekdays('09:00', '09:30'), maxPerWeek: 1 });
    const got = starts({
      policy: p,
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-16T00:00:00Z',
      mentorBusy: [range('2026-03-08T23:30:00Z', '2026-03-09T00:00:00Z')],
    });
    expect(got).toEqual(['2', '3', '4', '5', '6'].map((d) => `2026-03-0${d}T08:00:00.000Z`));
  });

  it('counts every booking of the week toward maxPerWeek', () => {
    const p = policy({ weekly: weekdays('09:00', '09:30'), maxPerWeek: 3 });
    const window = { from: '2026-03-02T00:00:00Z', to: '2026-03-14T00:00:00Z' };
    const two = [
      range('2026-03-02T13:00:00Z', '2026-03-02T13:30:00Z'),
      range('2026-03-04T13:00:00Z', '2026-03-04T13:30:00Z'),
    ];
    expect(starts({ policy: p, ...window, mentorBusy: two })).toHaveLength(10);
    const three = [...two, range('2026-03-08T20:00:00Z', '2026-03-08T20:30:00Z')];
    expect(starts({ policy: p, ...window, mentorBusy: three })).toEqual(
      ['09', '10', '11', '12', '13'].map((d) => `2026-03-${d}T09:00:00.000Z`),
    );
  });
});

describe('computeSlots: date overrides', () => {
  it('replaces the weekday’s rules with the override’s intervals on that date only', () => {
    const p = policy({
      overrides: [
        { date: '2026-03-04', intervals: [{ start: '13:00', end: '14:00' }] },
        { date: '2026-03-07', intervals: [{ start: '10:00', end: '11:00' }] }, // a Saturday
      ],
    });
    const got = starts({
      policy: p,
      from: '2026-03-03T00:00:00Z',
      to: '2026-03-08T00:00:00Z',
      stepMinutes: 60,
    });
    expect(got).toEqual([
      ...at('2026-03-03', '09:00', '10:00', '11:00'),
      ...at('2026-03-04', '13:00'),
      ...at('2026-03-05', '09:00', '10:00', '11:00'),
      ...at('2026-03-06', '09:00', '10:00', '11:00'),
      ...at('2026-03-07', '10:00'),
    ]);
  });

  it('makes the date a day off when the override has no intervals', () => {
    const p = policy({ overrides: [{ date: '2026-03-05', intervals: [] }] });
    const got = starts({
      policy: p,
      from: '2026-03-05T00:00:00Z',
      to: '2026-03-07T00:00:00Z',
      stepMinutes: 60,
    });
    expect(got).toEqual(at('2026-03-06', '09:00', '10:00', '11:00'));
  });
});

// ---------------------------------------------------------------------------------------------

/** Deterministic pseudo-random numbers (LCG) so the booking lists are fixed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function bookings(count: number, fromMs: number, days: number, seed: number): TimeRange[] {
  const rand = lcg(seed);
  return Array.from({ length: count }, () => {
    const start = fromMs + Math.floor(rand() * days * 24 * 12) * 5 * MIN;
    const length = [15, 30, 45, 60][Math.floor(rand() * 4)] ?? 30;
    return { start: new Date(start), end: new Date(start + length * MIN) };
  });
}

describe('isSlotOffered', () => {
  const from = new Date('2026-03-01T00:00:00Z');
  const to = new Date(from.getTime() + 14 * DAY);
  const base: Omit<SlotQuery, 'from' | 'to'> = {
    policy: policy({
      timeZone: 'America/New_York', // the window spans the 2026-03-08 spring forward
      weekly: [
        ...weekdays('08:00', '12:00'),
        { day: 'mon', start: '13:00', end: '17:30' },
        { day: 'wed', start: '18:00', end: '24:00' },
        { day: 'sun', start: '01:00', end: '04:00' },
      ],
      overrides: [
        { date: '2026-03-05', intervals: [] },
        { date: '2026-03-07', intervals: [{ start: '10:00', end: '14:00' }] },
      ],
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 10,
      minNoticeMinutes: 180,
      horizonDays: 10,
      maxPerDay: 3,
      maxPerWeek: 12,
    }),
    durationMinutes: 45,
    stepMinutes: 15,
    now: new Date('2026-03-01T14:07:00Z'),
    mentorBusy: bookings(25, from.getTime(), 14, 7),
    learnerBusy: bookings(6, from.getTime(), 14, 99),
  };

  it('agrees with computeSlots for every start over a 14-day window', () => {
    const offered = computeSlots({ ...base, from, to });
    expect(offered.length).toBeGreaterThan(20);
    const set = new Set(offered.map((s) => s.start.getTime()));
    const disagreements: string[] = [];
    let rejectedOnGrid = 0;
    for (let t = from.getTime(); t + 45 * MIN <= to.getTime(); t += 5 * MIN) {
      const single = isSlotOffered(base, new Date(t));
      if (single !== set.has(t)) disagreements.push(`${new Date(t).toISOString()} single=${single}`);
      if (!single && t % (15 * MIN) === 0) rejectedOnGrid++;
    }
    expect(disagreements).toEqual([]);
    expect(rejectedOnGrid).toBeGreaterThan(0);
  });

  it('agrees on every computed slot across the fall-back change, too', () => {
    const q = { ...base, policy: { ...base.policy, maxPerDay: null, maxPerWeek: null } };
    const fbFrom = new Date('2026-10-28T00:00:00Z');
    const fbTo = new Date('2026-11-05T00:00:00Z');
    const nowQ = {
      ...q,
      now: new Date('2026-10-27T00:00:00Z'),
      mentorBusy: bookings(20, fbFrom.getTime(), 8, 3),
    };
    const offered = new Set(computeSlots({ ...nowQ, from: fbFrom, to: fbTo }).map((s) => s.start.getTime()));
    for (let t = fbFrom.getTime(); t + 45 * MIN <= fbTo.getTime(); t += 15 * MIN) {
      expect(isSlotOffered(nowQ, new Date(t))).toBe(offered.has(t));
    }
  });

  it('does not offer a start off the step grid, even inside availability', () => {
    const q: Omit<SlotQuery, 'from' | 'to'> = {
      policy: policy(),
      durationMinutes: 30,
      now: new Date('2026-01-01T00:00:00Z'),
      mentorBusy: [],
    };
    expect(isSlotOffered(q, new Date(`${MON}T09:15:00Z`))).toBe(true); // default step 15
    expect(isSlotOffered(q, new Date(`${MON}T09:10:00Z`))).toBe(false);
    expect(isSlotOffered(q, new Date(`${MON}T09:15:30Z`))).toBe(false);
    expect(isSlotOffered({ ...q, stepMinutes: 30 }, new Date(`${MON}T09:15:00Z`))).toBe(false);
    expect(isSlotOffered({ ...q, stepMinutes: 30 }, new Date(`${MON}T09:30:00Z`))).toBe(true);
  });

  it('does not offer the second occurrence of a repeated wall time', () => {
    const q: Omit<SlotQuery, 'from' | 'to'> = {
      policy: policy({
        timeZone: 'America/New_York',
        weekly: [{ day: 'sun', start: '00:30', end: '02:30' }],
      }),
      durationMinutes: 30,
      stepMinutes: 30,
      now: new Date('2026-10-01T00:00:00Z'),
      mentorBusy: [],
    };
    expect(isSlotOffered(q, new Date('2026-11-01T05:00:00Z'))).toBe(true); // 01:00 EDT
    expect(isSlotOffered(q, new Date('2026-11-01T06:00:00Z'))).toBe(false); // 01:00 EST
  });

  it('rejects a start that a booking, the notice or a cap rules out', () => {
    const q: Omit<SlotQuery, 'from' | 'to'> = {
      policy: policy({ maxPerDay: 2 }),
      durationMinutes: 30,
      now: new Date(`${MON}T08:00:00Z`),
      mentorBusy: [range(`${MON}T10:00:00Z`, `${MON}T10:30:00Z`)],
    };
    expect(isSlotOffered(q, new Date(`${MON}T09:30:00Z`))).toBe(true);
    expect(isSlotOffered(q, new Date(`${MON}T10:15:00Z`))).toBe(false);
    expect(
      isSlotOffered({ ...q, policy: policy({ minNoticeMinutes: 120 }) }, new Date(`${MON}T09:30:00Z`)),
    ).toBe(false);
    const full = [...q.mentorBusy, range(`${MON}T11:00:00Z`, `${MON}T11:30:00Z`)];
    expect(isSlotOffered({ ...q, mentorBusy: full }, new Date(`${MON}T09:30:00Z`))).toBe(false);
  });
});

describe('computeSlots at scale', () => {
  it('computes 14 days against 200 mentor bookings, none overlapping a slot', () => {
    const from = new Date('2026-03-02T00:00:00Z');
    const to = new Date(from.getTime() + 14 * DAY);
    const busy = bookings(200, from.getTime(), 14, 42);
    const slots = computeSlots({
      policy: policy({
        timeZone: 'Europe/Berlin',
        weekly: [...weekdays('07:00', '21:00'), { day: 'sat', start: '00:00', end: '24:00' }],
        bufferAfterMinutes: 5,
      }),
      from,
      to,
      durationMinutes: 30,
      now: new Date('2026-03-01T00:00:00Z'),
      mentorBusy: busy,
    });
    expect(slots.length).toBeGreaterThan(0);
    for (let i = 1; i < slots.length; i++) {
      expect(slots[i]?.start.getTime()).toBeGreaterThan(slots[i - 1]?.start.getTime() ?? 0);
    }
    const clashes = slots.filter((s) =>
      busy.some(
        (b) => s.start.getTime() < b.end.getTime() + 5 * MIN && b.start.getTime() < s.end.getTime() + 5 * MIN,
      ),
    );
    expect(clashes).toEqual([]);
  });

  it('throws on a non-positive step or duration instead of looping', () => {
    const q: SlotQuery = {
      ...{ policy: policy(), now: new Date(0), mentorBusy: [] },
      from: new Date(0),
      to: new Date(DAY),
      durationMinutes: 30,
    };
    expect(() => computeSlots({ ...q, stepMinutes: 0 })).toThrow(RangeError);
    expect(() => computeSlots({ ...q, durationMinutes: -5 })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------

describe('validatePolicy', () => {
  const paths = (over: Partial<AvailabilityPolicy>): string[] =>
    validatePolicy(policy(over)).map((p) => p.path);

  it('accepts a sensible policy', () => {
    expect(validatePolicy(policy())).toEqual([]);
    expect(
      validatePolicy(
        policy({
          timeZone: 'Australia/Lord_Howe',
          weekly: [
            { day: 'mon', start: '09:00', end: '12:00' },
            { day: 'mon', start: '12:00', end: '24:00' }, // touching is fine
          ],
          overrides: [{ date: '2028-02-29', intervals: [] }],
          maxPerDay: 1,
          maxPerWeek: 100,
          sessionLengths: [10, 60],
        }),
      ),
    ).toEqual([]);
  });

  it('reports overlapping weekly rules of the same day on the later rule', () => {
    expect(
      paths({
        weekly: [
          { day: 'mon', start: '09:00', end: '12:00' },
          { day: 'tue', start: '11:00', end: '13:00' },
          { day: 'mon', start: '11:30', end: '13:00' },
        ],
      }),
    ).toEqual(['weekly[2]']);
  });

  it('reports an end not after its start', () => {
    expect(
      paths({
        weekly: [
          { day: 'mon', start: '09:00', end: '12:00' },
          { day: 'tue', start: '10:00', end: '09:00' },
          { day: 'wed', start: '10:00', end: '10:00' },
        ],
      }),
    ).toEqual(['weekly[1].end', 'weekly[2].end']);
  });

  it('reports malformed times', () => {
    expect(
      paths({
        weekly: [
          { day: 'mon', start: '24:00', end: '24:00' },
          { day: 'tue', start: '9:00', end: '25:00' },
        ],
        overrides: [
          {
            date: '2026-05-01',
            intervals: [
              { start: '10:00', end: '11:00' },
              { start: '12:61', end: '13:00' },
            ],
          },
        ],
      }),
    ).toEqual(['weekly[0].start', 'weekly[1].start', 'weekly[1].end', 'overrides[0].intervals[1].start']);
  });

  it('reports an unknown time zone', () => {
    expect(paths({ timeZone: 'Mars/Olympus_Mons' })).toEqual(['timeZone']);
    expect(paths({ timeZone: '+05:00' })).toEqual(['timeZone']);
    expect(paths({ timeZone: '' })).toEqual(['timeZone']);
  });

  it('reports override dates that are not real calendar dates', () => {
    expect(
      paths({
        overrides: [
          { date: '2026-02-29', intervals: [] },
          { date: '2026-04-31', intervals: [] },
          { date: '2026-4-01', intervals: [] },
          { date: '2026-12-25', intervals: [] },
        ],
      }),
    ).toEqual(['overrides[0].date', 'overrides[1].date', 'overrides[2].date']);
  });

  it('reports a duplicate override date on the later override', () => {
    expect(
      paths({
        overrides: [
          { date: '2026-12-24', intervals: [] },
          { date: '2026-12-25', intervals: [] },
          { date: '2026-12-24', intervals: [{ start: '10:00', end: '11:00' }] },
        ],
      }),
    ).toEqual(['overrides[2].date']);
  });

  it('reports overlapping intervals within one override', () => {
    expect(
      paths({
        overrides: [
          {
            date: '2026-12-24',
            intervals: [
              { start: '09:00', end: '10:00' },
              { start: '10:00', end: '11:00' },
            ],
          },
          {
            date: '2026-12-25',
            intervals: [
              { start: '09:00', end: '10:00' },
              { start: '08:00', end: '09:30' },
            ],
          },
        ],
      }),
    ).toEqual(['overrides[1].intervals[1]']);
  });

  it('reports session lengths that are missing, out of range, fractional or repeated', () => {
    expect(paths({ sessionLengths: [] })).toEqual(['sessionLengths']);
    expect(paths({ sessionLengths: [30, 5, 90, 30, 12.5] })).toEqual([
      'sessionLengths[1]',
      'sessionLengths[2]',
      'sessionLengths[3]',
      'sessionLengths[4]',
    ]);
  });

  it('reports numbers out of range', () => {
    expect(
      paths({
        bufferBeforeMinutes: -1,
        bufferAfterMinutes: 241,
        minNoticeMinutes: 43_201,
        horizonDays: 0,
        maxPerDay: 0,
        maxPerWeek: 101,
      }),
    ).toEqual([
      'bufferBeforeMinutes',
      'bufferAfterMinutes',
      'minNoticeMinutes',
      'horizonDays',
      'maxPerDay',
      'maxPerWeek',
    ]);
    expect(
      paths({ bufferBeforeMinutes: 240, minNoticeMinutes: 43_200, horizonDays: 365, maxPerWeek: null }),
    ).toEqual([]);
    expect(paths({ horizonDays: 366 })).toEqual(['horizonDays']);
  });
});
