import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoWeekKey,
  localToUtc,
  localToUtcOrNext,
  offsetMsAt,
  parseLocalDate,
  parseLocalTime,
  utcToLocal,
  weekdayOf,
} from './zoned-time.js';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';
const LORD_HOWE = 'Australia/Lord_Howe';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

describe('localToUtc', () => {
  it.each([
    // New York: EST (UTC−5) → EDT (UTC−4) on 2026-03-08, back on 2026-11-01.
    [NY, '2026-03-06', '09:00', '2026-03-06T14:00:00.000Z'],
    [NY, '2026-03-09', '09:00', '2026-03-09T13:00:00.000Z'],
    [NY, '2026-10-30', '09:00', '2026-10-30T13:00:00.000Z'],
    [NY, '2026-11-02', '09:00', '2026-11-02T14:00:00.000Z'],
    // Berlin: CET (+1) → CEST (+2) on 2026-03-29, back on 2026-10-25.
    [BERLIN, '2026-03-27', '09:00', '2026-03-27T08:00:00.000Z'],
    [BERLIN, '2026-03-30', '09:00', '2026-03-30T07:00:00.000Z'],
    [BERLIN, '2026-10-23', '09:00', '2026-10-23T07:00:00.000Z'],
    [BERLIN, '2026-10-26', '09:00', '2026-10-26T08:00:00.000Z'],
    // Kolkata: +05:30 all year.
    [KOLKATA, '2026-01-15', '09:00', '2026-01-15T03:30:00.000Z'],
    [KOLKATA, '2026-07-15', '09:00', '2026-07-15T03:30:00.000Z'],
    // Lord Howe: +11 in summer, +10:30 in winter (ends 2026-04-05, starts 2026-10-04).
    [LORD_HOWE, '2026-04-03', '09:00', '2026-04-02T22:00:00.000Z'],
    [LORD_HOWE, '2026-04-06', '09:00', '2026-04-05T22:30:00.000Z'],
    [LORD_HOWE, '2026-10-02', '09:00', '2026-10-01T22:30:00.000Z'],
    [LORD_HOWE, '2026-10-05', '09:00', '2026-10-04T22:00:00.000Z'],
    ['UTC', '2026-06-01', '00:00', '2026-06-01T00:00:00.000Z'],
  ])('%s %s %s → %s', (zone, date, time, expected) => {
    expect(iso(localToUtc(date, time, zone))).toBe(expected);
  });

  it('returns null for wall times skipped by spring forward', () => {
    expect(localToUtc('2026-03-08', '02:00', NY)).toBeNull();
    expect(localToUtc('2026-03-08', '02:59', NY)).toBeNull();
    expect(iso(localToUtc('2026-03-08', '01:59', NY))).toBe('2026-03-08T06:59:00.000Z');
    expect(iso(localToUtc('2026-03-08', '03:00', NY))).toBe('2026-03-08T07:00:00.000Z');
    expect(localToUtc('2026-03-29', '02:30', BERLIN)).toBeNull();
    // Lord Howe skips only half an hour: 02:00–02:29.
    expect(localToUtc('2026-10-04', '02:00', LORD_HOWE)).toBeNull();
    expect(localToUtc('2026-10-04', '02:29', LORD_HOWE)).toBeNull();
    expect(iso(localToUtc('2026-10-04', '02:30', LORD_HOWE))).toBe('2026-10-03T15:30:00.000Z');
  });

  it('returns the earlier instant for wall times repeated by fall back', () => {
    // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(iso(localToUtc('2026-11-01', '01:30', NY))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(localToUtc('2026-11-01', '01:00', NY))).toBe('2026-11-01T05:00:00.000Z');
    expect(iso(localToUtc('2026-11-01', '02:00', NY))).toBe('2026-11-01T07:00:00.000Z');
    expect(iso(localToUtc('2026-10-25', '02:30', BERLIN))).toBe('2026-10-25T00:30:00.000Z');
    // Lord Howe repeats 01:30–01:59: +11 first.
    expect(iso(localToUtc('2026-04-05', '01:45', LORD_HOWE))).toBe('2026-04-04T14:45:00.000Z');
  });

  it("treats '24:00' as 00:00 of the next day", () => {
    expect(iso(localToUtc('2026-05-01', '24:00', KOLKATA))).toBe('2026-05-01T18:30:00.000Z');
    expect(iso(localToUtc('2026-12-31', '24:00', NY))).toBe('2027-01-01T05:00:00.000Z');
  });

  it('rejects malformed dates, times and zones', () => {
    expect(() => localToUtc('2026-02-30', '09:00', NY)).toThrow(RangeError);
    expect(() => localToUtc('2026-02-01', '9:00', NY)).toThrow(RangeError);
    expect(() => localToUtc('2026-02-01', '24:30', NY)).toThrow(RangeError);
    expect(() => localToUtc('2026-02-01', '09:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('localToUtcOrNext', () => {
  it('maps a skipped wall time to the transition instant', () => {
    expect(iso(localToUtcOrNext('2026-03-08', '02:30', NY))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(localToUtcOrNext('2026-10-04', '02:10', LORD_HOWE))).toBe('2026-10-03T15:30:00.000Z');
  });

  it('agrees with localToUtc for wall times that exist', () => {
    expect(iso(localToUtcOrNext('2026-11-01', '01:30', NY))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(localToUtcOrNext('2026-03-08', '03:30', NY))).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('utcToLocal', () => {
  it.each([
    ['2026-03-09T13:00:00.000Z', NY, '2026-03-09', '09:00', 'mon'],
    ['2026-11-01T05:30:00.000Z', NY, '2026-11-01', '01:30', 'sun'],
    ['2026-11-01T06:30:00.000Z', NY, '2026-11-01', '01:30', 'sun'],
    ['2026-03-08T07:00:00.000Z', NY, '2026-03-08', '03:00', 'sun'],
    ['2026-01-15T03:30:00.000Z', KOLKATA, '2026-01-15', '09:00', 'thu'],
    ['2026-01-15T20:00:00.000Z', KOLKATA, '2026-01-16', '01:30', 'fri'],
    ['2026-10-03T15:30:00.000Z', LORD_HOWE, '2026-10-04', '02:30', 'sun'],
    ['2026-04-04T15:15:00.000Z', LORD_HOWE, '2026-04-05', '01:45', 'sun'],
    ['2026-12-31T23:59:59.999Z', 'UTC', '2026-12-31', '23:59', 'thu'],
  ])('%s in %s is %s %s (%s)', (instant, zone, date, time, weekday) => {
    expect(utcToLocal(new Date(instant), zone)).toEqual({ date, time, weekday });
  });

  it('round-trips with localToUtc every 15 minutes of 2026 (earlier instant when repeated)', () => {
    const failures: string[] = [];
    for (const zone of [NY, BERLIN, KOLKATA, LORD_HOWE, 'America/Santiago', 'Pacific/Chatham']) {
      const start = Date.UTC(2026, 0, 1);
      for (let t = start; t < start + 365 * 86_400_000; t += 15 * 60_000) {
        const local = utcToLocal(new Date(t), zone);
        const back = localToUtc(local.date, local.time, zone)?.getTime() ?? null;
        // Either this very instant, or the earlier instant of a repeated wall time showing the same.
        const ok =
          back === t ||
          (back !== null &&
            back < t &&
            t - back <= 3 * 3_600_000 &&
            JSON.stringify(utcToLocal(new Date(back), zone)) === JSON.stringify(local));
        if (!ok)
          failures.push(`${zone} ${new Date(t).toISOString()} → ${local.date} ${local.time} → ${back}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('matches a direct Intl offset check at transitions', () => {
    // One second either side of the 2026 spring-forward instants (New York 07:00Z, Lord Howe 15:30Z).
    expect(offsetMsAt(Date.UTC(2026, 2, 8, 6, 59, 59), NY)).toBe(-5 * 3_600_000);
    expect(offsetMsAt(Date.UTC(2026, 2, 8, 7, 0, 0), NY)).toBe(-4 * 3_600_000);
    expect(offsetMsAt(Date.UTC(2026, 9, 3, 15, 29, 59), LORD_HOWE)).toBe(10.5 * 3_600_000);
    expect(offsetMsAt(Date.UTC(2026, 9, 3, 15, 30, 0), LORD_HOWE)).toBe(11 * 3_600_000);
  });
});

describe('calendar helpers', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-08', 0)).toBe('2026-03-08');
    expect(addDays('2026-03-01', 30)).toBe('2026-03-31');
  });

  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2025-12-29', '2026-W01'],
    ['2025-12-28', '2025-W52'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('isoWeekKey(%s) = %s', (date, key) => {
    expect(isoWeekKey(date)).toBe(key);
  });

  it('weekdayOf names the weekday of a local date', () => {
    expect(weekdayOf('2026-03-08')).toBe('sun');
    expect(weekdayOf('2026-03-09')).toBe('mon');
    expect(weekdayOf('2026-11-27')).toBe('fri');
  });

  it('parses dates and times strictly', () => {
    expect(parseLocalDate('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2026-13-01')).toBeNull();
    expect(parseLocalDate('2026-1-01')).toBeNull();
    expect(parseLocalTime('00:00')).toBe(0);
    expect(parseLocalTime('23:59')).toBe(1439);
    expect(parseLocalTime('24:00')).toBeNull();
    expect(parseLocalTime('24:00', true)).toBe(1440);
    expect(parseLocalTime('12:60')).toBeNull();
    expect(parseLocalTime('7:30')).toBeNull();
  });
});
