import { type PersonalRows, personalRows } from '../../db/personal-data.js';
import type { AvailabilityInput } from '../../schemas/availability.js';
import type { PersonalDataExport } from '../../schemas/privacy.js';
import type { DomainCtx } from '../context.js';
import { EMAIL_KINDS, type EmailKind } from '../email/kinds.js';
import { NotFoundError } from '../errors.js';

/** Whose data, in which program. */
export interface Person {
  tenantId: string;
  tenantName: string;
  userId: string;
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

/** Which kinds are on for one party, from its opt-outs. */
function kindsOf(rows: PersonalRows['optOuts'], party: 'learner' | 'mentor'): Record<EmailKind, boolean> {
  const off = new Set(rows.filter((r) => r.party === party).map((r) => r.kind));
  return Object.fromEntries(EMAIL_KINDS.map((k) => [k, !off.has(k)])) as Record<EmailKind, boolean>;
}

/**
 * Everything the program holds about one person, as one JSON document (`GET /v1/me/export`, and
 * an admin's `GET /v1/admin/users/{userId}/export`). Other people appear by name only where the
 * person saw them (the other side of a session, thread or board entry); texts others wrote are
 * theirs, so only the person's own messages, feedback given and reports are in it. The calendar
 * feed's secret link is left out: it is a credential, not data.
 */
export async function exportPersonalData(ctx: DomainCtx, person: Person): Promise<PersonalDataExport> {
  const rows = await personalRows(ctx.db, person.tenantId, person.userId);
  if (!rows) throw new NotFoundError('User');
  const { user } = rows;
  const mentorIds = new Set(rows.mentors.map((m) => m.id));
  const nameOf = (id: string) => rows.names.get(id) ?? '';
  const side = (learnerId: string) => (learnerId === user.id ? ('learner' as const) : ('mentor' as const));
  const mentor = rows.mentors.find((m) => m.deleted_at === null) ?? rows.mentors.at(-1);
  const availability = mentor ? rows.availability.find((a) => a.mentor_id === mentor.id) : undefined;
  const withName = (row: { learner_id: string; mentor_id: string }) =>
    nameOf(side(row.learner_id) === 'learner' ? row.mentor_id : row.learner_id);

  return {
    format: 'micromentor-export/1',
    exportedAt: iso(ctx.clock.now()),
    program: { id: person.tenantId, name: person.tenantName },
    user: {
      id: user.id,
      externalId: user.external_id,
      name: user.name,
      email: user.email,
      roles: user.roles,
      isGuest: user.is_guest,
      locale: user.locale,
      timeZone: user.time_zone,
      createdAt: iso(user.created_at),
      erasedAt: isoOrNull(user.erased_at),
    },
    requests: rows.requests.map((r) => ({
      id: r.id,
      title: r.title,
      details: r.details,
      skills: r.skills,
      format: r.format,
      urgency: r.urgency,
      languages: r.languages,
      context: r.context,
      status: r.status,
      createdAt: iso(r.created_at),
    })),
    bookings: rows.bookings.map((b) => ({
      id: b.id,
      as: side(b.learner_id),
      withName: withName(b),
      requestId: b.request_id,
      start: iso(b.start_at),
      end: iso(b.end_at),
      format: b.format,
      status: b.status,
      joinUrl: b.join_url,
      callPhone: side(b.learner_id) === 'learner' ? b.call_phone : null,
      note: b.note,
      cancelReason: b.cancel_reason,
      cancelledBy: b.cancelled_by,
      createdAt: iso(b.created_at),
    })),
    threads: rows.threads.map((t) => ({
      id: t.id,
      as: side(t.learner_id),
      withName: withName(t),
      requestId: t.request_id,
      bookingId: t.booking_id,
      createdAt: iso(t.created_at),
      lastMessageAt: isoOrNull(t.last_message_at),
    })),
    messages: rows.messages.map((m) => ({
      id: m.id,
      threadId: m.thread_id,
      body: m.body,
      createdAt: iso(m.created_at),
    })),
    notes: rows.notes.map((n) => ({
      bookingId: n.booking_id,
      summary: n.summary,
      actionItems: rows.actionItems
        .filter((i) => i.booking_id === n.booking_id)
        .map((i) => ({ id: i.id, text: i.text, doneAt: isoOrNull(i.done_at) })),
      updatedAt: iso(n.updated_at),
    })),
    feedback: {
      given: rows.feedback
        .filter((f) => f.learner_id === user.id)
        .map((f) => ({
          id: f.id,
          bookingId: f.booking_id,
          rating: f.rating,
          solved: f.solved,
          comment: f.comment,
          createdAt: iso(f.created_at),
        })),
      // The learner's comment is their words about the session: the mentor gets the rating.
      received: rows.feedback
        .filter((f) => mentorIds.has(f.mentor_id) && f.learner_id !== user.id)
        .map((f) => ({
          id: f.id,
          bookingId: f.booking_id,
          rating: f.rating,
          solved: f.solved,
          comment: null,
          createdAt: iso(f.created_at),
        })),
    },
    reports: rows.reports.map((r) => ({
      id: r.id,
      mentorId: r.mentor_id,
      bookingId: r.booking_id,
      reason: r.reason,
      details: r.details,
      status: r.status,
      createdAt: iso(r.created_at),
    })),
    board: rows.board.map((b) => ({
      mentorId: b.mentor_id,
      mentorName: nameOf(b.mentor_id),
      label: b.label,
      createdAt: iso(b.created_at),
    })),
    questionDecisions: rows.questionChoices.map((q) => ({
      requestId: q.question_id,
      decision: q.decision,
      decidedAt: q.decided_at ? iso(q.decided_at) : null,
      shareEarlierAdvice: q.share_earlier_advice,
    })),
    recommendationDismissals: rows.dismissals.map((d) => ({ skill: d.topic, createdAt: iso(d.created_at) })),
    badges: rows.badges.map((b) => ({ code: b.code, earnedAt: iso(b.earned_at) })),
    emailPreferences: {
      learner: kindsOf(rows.optOuts, 'learner'),
      mentor: mentor ? kindsOf(rows.optOuts, 'mentor') : null,
    },
    calendarFeed: {
      on: user.calendar_feed_hash !== null,
      createdAt: isoOrNull(user.calendar_feed_created_at),
    },
    mentorProfile: mentor
      ? {
          id: mentor.id,
          name: mentor.name,
          headline: mentor.headline,
          bio: mentor.bio,
          skills: mentor.skills,
          yearsExperience: mentor.years_experience,
          languages: mentor.languages,
          timeZone: mentor.time_zone,
          formats: mentor.formats,
          status: mentor.status,
          statusReason: mentor.status_reason,
          callBridge: mentor.call_bridge,
          contactEmail: mentor.contact_email,
          sessions: mentor.sessions_count,
          createdAt: iso(mentor.created_at),
          availability: availability
            ? {
                // Stored as the API validated them (jsonb).
                weekly: availability.weekly as AvailabilityInput['weekly'],
                overrides: availability.overrides as AvailabilityInput['overrides'],
                sessionLengths: availability.session_lengths,
                meetingUrl: availability.meeting_url,
              }
            : null,
        }
      : null,
    emails: rows.emails.map((e) => ({
      id: e.id,
      kind: e.kind,
      to: e.to_address,
      subject: e.subject,
      text: e.text_body,
      status: e.status,
      sentAt: isoOrNull(e.sent_at),
      createdAt: iso(e.created_at),
    })),
  };
}
