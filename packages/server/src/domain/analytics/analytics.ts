import type { Kysely } from 'kysely';
import {
  bookingsMade,
  mentorLoad,
  type NoShowRow,
  noShowsByPerson,
  type Range,
  requestSeries,
  responseSeries,
  satisfactionSeries,
  sessionSeries,
  skillDemand,
} from '../../db/analytics.js';
import {
  rollupMentorLoad,
  rollupRequestSeries,
  rollupResponseSeries,
  rollupSatisfactionSeries,
  rollupSessionSeries,
  rollupSkillDemand,
  utcDay,
} from '../../db/analytics-rollup.js';
import type { Database } from '../../db/database.js';
import type { Analytics } from '../../schemas/admin.js';
import { DAY_MS } from '../availability/zoned-time.js';
import { ensureRollupJob, refreshRollup } from './rollup.js';

/**
 * A request counts as matched when its best match scored at least this (0..1). About "covers the
 * asked skill or most of the text"; below it the request is an unmet need (see weights.ts).
 */
export const MATCH_THRESHOLD = 0.4;

const round = (n: number | null, digits = 4) =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
const ratio = (a: number, b: number) => (b > 0 ? round(a / b) : null);

const isMidnight = (d: Date) => d.getTime() % DAY_MS === 0;

/** Bucket starts from the one containing `from` up to `to` (UTC days; weeks start on Monday). */
export function bucketStarts(from: Date, to: Date, bucket: 'day' | 'week'): Date[] {
  const day = Math.floor(from.getTime() / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: shift so weeks start on Monday like PostgreSQL's date_trunc.
  const start = bucket === 'day' ? day : day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const step = bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  const out: Date[] = [];
  for (let t = start; t < to.getTime(); t += step) out.push(new Date(t));
  return out;
}

const NO_SHOW_LIST = 10;

/** No-show totals by who did not come, and the people with most (most first, then by name). */
function noShowSummary(rows: NoShowRow[]): Analytics['noShows'] {
  const of = (party: NoShowRow['party']) =>
    rows
      .filter((r) => r.party === party)
      .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const mentors = of('mentor');
  const learners = of('learner');
  const total = (list: NoShowRow[]) => list.reduce((sum, r) => sum + r.n, 0);
  return {
    mentor: total(mentors),
    learner: total(learners),
    byMentor: mentors.slice(0, NO_SHOW_LIST).map((r) => ({ mentorId: r.id, name: r.name, noShows: r.n })),
    byLearner: learners.slice(0, NO_SHOW_LIST).map((r) => ({ learnerId: r.id, name: r.name, noShows: r.n })),
  };
}

/**
 * Program analytics for a range. Definitions:
 * - requests: help requests created in the range; matched: best match score ≥ MATCH_THRESHOLD;
 *   booked: requests with at least one booking (any status).
 * - first response: minutes from the request to its first booking (the only response recorded
 *   on every path today); the median over requests that got one.
 * - sessions: bookings starting in the range, by status (booked = all of them).
 * - bookings made: bookings created in the range, any status, whenever the session is (always
 *   counted live: one count over an index).
 * - satisfaction: feedback on sessions starting in the range (by the session's bucket): the
 *   average rating (1–5) and the share answering "solved: yes"; both null without feedback.
 * - skills: over the skills requests named; unmet = requests below the threshold, or that no
 *   mentor answered after every hand-over (`unanswered_at`, domain/requests/hand-over.ts).
 * - no-shows: sessions starting in the range recorded as a no-show, by who did not come (always
 *   counted live: few rows).
 * - mentor load: sessions (not cancelled) per mentor, approved mentors plus anyone with sessions.
 *
 * Source: a range of whole UTC days (from and to at midnight) at the standard threshold is read
 * from the daily rollup (analytics_days & co.) after recomputing the days in range that changed
 * since they were rolled up (typically today; all of them on first use); any other range is
 * computed live from the tables. Both give the same answer (tested on random data).
 */
export async function programAnalytics(
  db: Kysely<Database>,
  range: Range,
  options: { threshold?: number; source?: 'auto' | 'live'; now?: Date } = {},
): Promise<Analytics> {
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const useRollup =
    options.source !== 'live' &&
    threshold === MATCH_THRESHOLD &&
    isMidnight(range.from) &&
    isMidnight(range.to);
  if (useRollup) {
    await refreshRollup(db, range.tenantId, threshold, {
      fromDay: utcDay(range.from),
      toDay: utcDay(range.to),
    });
    if (options.now) await ensureRollupJob(db, range.tenantId, options.now);
  }
  const [requests, responses, sessions, satisfaction, skills, load] = useRollup
    ? [
        await rollupRequestSeries(db, range),
        await rollupResponseSeries(db, range),
        await rollupSessionSeries(db, range),
        await rollupSatisfactionSeries(db, range),
        await rollupSkillDemand(db, range),
        await rollupMentorLoad(db, range),
      ]
    : [
        await requestSeries(db, range, threshold),
        await responseSeries(db, range),
        await sessionSeries(db, range),
        await satisfactionSeries(db, range),
        await skillDemand(db, range, threshold),
        await mentorLoad(db, range),
      ];
  const made = await bookingsMade(db, range);
  const noShows = await noShowsByPerson(db, range);
  const responseTotals = responses.find((r) => r.bucket === null);
  const sessionTotals = sessions.find((r) => r.bucket === null);
  const byRequestBucket = new Map(requests.map((r) => [r.bucket.getTime(), r]));
  const byResponseBucket = new Map(responses.flatMap((r) => (r.bucket ? [[r.bucket.getTime(), r]] : [])));
  const bySessionBucket = new Map(sessions.flatMap((r) => (r.bucket ? [[r.bucket.getTime(), r]] : [])));
  const satisfactionTotals = satisfaction.find((r) => r.bucket === null);
  const bySatisfactionBucket = new Map(
    satisfaction.flatMap((r) => (r.bucket ? [[r.bucket.getTime(), r]] : [])),
  );
  const satisfactionOf = (row: (typeof satisfaction)[number] | undefined) => ({
    averageRating: row && row.rating_count > 0 ? round(row.rating_sum / row.rating_count, 2) : null,
    shareSolved: row ? ratio(row.solved_yes, row.rating_count) : null,
    responses: row?.rating_count ?? 0,
  });
  const sessionCounts = (row: (typeof sessions)[number] | undefined) => ({
    booked: row?.booked ?? 0,
    completed: row?.completed ?? 0,
    noShow: row?.no_show ?? 0,
    cancelled: row?.cancelled ?? 0,
  });
  const totals = {
    requests: requests.reduce((sum, r) => sum + r.requests, 0),
    matched: requests.reduce((sum, r) => sum + r.matched, 0),
    booked: responseTotals?.booked ?? 0,
  };
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    bucket: range.bucket,
    matchThreshold: threshold,
    totals: {
      ...totals,
      matchRate: ratio(totals.matched, totals.requests),
      bookedRate: ratio(totals.booked, totals.requests),
      medianFirstResponseMinutes: round(responseTotals?.median_first_minutes ?? null, 1),
      sessions: sessionCounts(sessionTotals),
      bookingsMade: made,
      satisfaction: satisfactionOf(satisfactionTotals),
    },
    series: bucketStarts(range.from, range.to, range.bucket).map((start) => {
      const r = byRequestBucket.get(start.getTime());
      const first = byResponseBucket.get(start.getTime());
      return {
        start: start.toISOString(),
        requests: r?.requests ?? 0,
        matched: r?.matched ?? 0,
        booked: first?.booked ?? 0,
        medianFirstResponseMinutes: round(first?.median_first_minutes ?? null, 1),
        sessions: sessionCounts(bySessionBucket.get(start.getTime())),
        satisfaction: satisfactionOf(bySatisfactionBucket.get(start.getTime())),
      };
    }),
    topSkills: skills.filter((s) => s.kind === 'top').map(({ skill, requests }) => ({ skill, requests })),
    unmetSkills: skills.filter((s) => s.kind === 'unmet').map(({ skill, requests }) => ({ skill, requests })),
    noShows: noShowSummary(noShows),
    mentorLoad: {
      mentors: load.mentors,
      sessions: load.sessions,
      top10Share: ratio(load.top_sessions ?? 0, load.sessions),
      gini: load.sessions > 0 ? round(load.gini) : null,
    },
  };
}
