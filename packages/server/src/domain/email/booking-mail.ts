import type { Kysely } from 'kysely';
import { findBooking } from '../../db/bookings.js';
import type { BookingRow, Database, EventRow } from '../../db/database.js';
import { hasMessageCausedLike } from '../../db/email.js';
import { findFeedback } from '../../db/feedback.js';
import { findHelpRequest } from '../../db/help-requests.js';
import { bookingCalendar } from '../booking/ics.js';
import { leadMinutes } from '../booking/lifecycle.js';
import type { EmailContent } from './layout.js';
import { type EmailLinks, mailTo, tenantBrand } from './mail-to.js';
import { learnerRecipient, mentorRecipient, type Recipient } from './recipients.js';
import { type EmailWords, emailWords } from './words/index.js';

export interface BookingMailOptions extends EmailLinks {
  /** The program's sender: the invitations' ORGANIZER. */
  organizer: { name: string; email: string };
}

/** "Tue, 8 Dec, 10:00 CET" in the reader's language and the zone given (the mentor's). */
export function sessionTime(words: EmailWords, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(words.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

interface Parties {
  learner: Recipient;
  mentor: Recipient;
  question: string | null;
}

async function partiesOf(db: Kysely<Database>, row: BookingRow): Promise<Parties | null> {
  const learner = await learnerRecipient(db, row.tenant_id, row.learner_id);
  const mentor = await mentorRecipient(db, row.tenant_id, row.mentor_id);
  if (!learner || !mentor) return null;
  const request = row.request_id ? await findHelpRequest(db, row.tenant_id, row.request_id) : undefined;
  const question = request ? [request.title, request.details].filter(Boolean).join('\n\n') : null;
  return { learner, mentor, question };
}

/** When, how to join, and (for the mentor) the question: the rows every booking email shows. */
function sessionDetails(
  words: EmailWords,
  row: BookingRow,
  reader: Recipient,
  timeZone: string,
): { details: NonNullable<EmailContent['details']>; action?: EmailContent['action'] } {
  const minutes = Math.round((row.end_at.getTime() - row.start_at.getTime()) / 60_000);
  const how =
    row.format === 'chat'
      ? words.chatInPage
      : row.format === 'call'
        ? row.dial_in
          ? words.dialIn(row.dial_in)
          : reader.party === 'mentor' && row.call_phone
            ? words.callLearner(row.call_phone)
            : words.callsYou
        : (row.join_url ?? words.format.video);
  return {
    details: [
      {
        label: words.when,
        value: `${sessionTime(words, row.start_at, timeZone)} · ${words.duration(minutes)}`,
      },
      { label: words.how, value: `${words.format[row.format]} — ${how}` },
    ],
    ...(row.join_url ? { action: { label: words.join, url: row.join_url } } : {}),
  };
}

type Change = 'booked' | 'moved' | 'cancelled';

/**
 * A booking's confirmation, move or cancellation, to the learner and to the mentor, each with
 * the invitation (REQUEST, the same UID; SEQUENCE raised by each change; CANCEL once cancelled).
 * Written from the booking as it is now: one message per party per SEQUENCE, so an event whose
 * change was overtaken sends the later state once — a booking moved before its confirmation went
 * out is confirmed at its new time, and a cancelled booking never gets a confirmation.
 */
export async function mailBookingChange(
  db: Kysely<Database>,
  options: BookingMailOptions,
  event: EventRow,
  now: Date,
): Promise<void> {
  const row = await findBooking(db, event.tenant_id, String(event.data.bookingId));
  if (!row || (row.status !== 'confirmed' && row.status !== 'cancelled')) return;
  if (row.status === 'confirmed' && row.start_at <= now) return; // too late to be useful
  const parties = await partiesOf(db, row);
  if (!parties) return;
  const brand = await tenantBrand(db, row.tenant_id);
  const previous = typeof event.data.previousStart === 'string' ? new Date(event.data.previousStart) : null;
  for (const reader of [parties.learner, parties.mentor]) {
    // Moved before the first email went out: the reader hears of the booking, at its new time.
    const toldBefore = await hasMessageCausedLike(
      db,
      row.tenant_id,
      `booking:${row.id}:seq:`,
      `:${reader.party}`,
    );
    const change: Change = row.status === 'cancelled' ? 'cancelled' : toldBefore ? 'moved' : 'booked';
    const other = reader.party === 'learner' ? parties.mentor : parties.learner;
    const words = emailWords(reader.locale);
    const zone = reader.timeZone ?? parties.mentor.timeZone ?? 'UTC';
    const when = sessionTime(words, row.start_at, zone);
    const { details, action } = sessionDetails(words, row, reader, zone);
    const ics = bookingCalendar(
      row,
      {
        mentor: { name: parties.mentor.name, email: parties.mentor.address },
        learner: { name: parties.learner.name, email: parties.learner.address },
        organizer: options.organizer,
      },
      now,
      {
        question: reader.party === 'mentor' ? parties.question : null,
        summary: `${brand.name}: ${parties.learner.name} × ${parties.mentor.name}`,
      },
    );
    let subject: string;
    let content: EmailContent;
    const greeting = words.greeting(reader.name);
    // The learner's own words, for the mentor: the question and the note left when booking.
    const question =
      reader.party === 'mentor'
        ? [
            ...(parties.question ? [{ label: words.question, text: parties.question }] : []),
            ...(row.note ? [{ label: words.note, text: row.note }] : []),
          ]
        : [];
    if (change === 'booked') {
      const w = words.booked[reader.party];
      subject = w.subject(other.name, when);
      content = {
        heading: w.heading,
        greeting,
        paragraphs: [w.intro(other.name, words.format[row.format])],
        details,
        quotes: question,
        ...(action ? { action } : {}),
        hints: [words.invitationHint],
      };
    } else if (change === 'moved') {
      subject = words.moved.subject(other.name, when);
      content = {
        heading: words.moved.heading,
        greeting,
        paragraphs: previous ? [words.moved.intro(other.name, sessionTime(words, previous, zone))] : [],
        details,
        quotes: question,
        ...(action ? { action } : {}),
        hints: [words.invitationHint],
      };
    } else {
      const by = row.cancelled_by;
      const intro =
        by === reader.party
          ? words.cancelled.intro(other.name, 'you')
          : by === 'learner' || by === 'mentor'
            ? words.cancelled.intro(other.name, 'them')
            : words.cancelled.byProgram(other.name);
      subject = words.cancelled.subject(other.name, when);
      content = {
        heading: words.cancelled.heading,
        greeting,
        paragraphs: [intro],
        details: [
          details[0] as { label: string; value: string },
          ...(row.cancel_reason ? [{ label: words.cancelled.reason, value: row.cancel_reason }] : []),
        ],
      };
    }
    await mailTo(db, options, {
      tenantId: row.tenant_id,
      brand,
      recipient: reader,
      kind: 'bookings',
      cause: `booking:${row.id}:seq:${row.sequence}:${reader.party}`,
      subject,
      content,
      ics,
      now,
    });
  }
}

/**
 * A reminder to both, at one of the program's leads — only while the booking is confirmed at
 * the time the reminder was for (never after a cancel, nor for a time it moved away from).
 */
export async function mailReminder(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
): Promise<void> {
  const row = await findBooking(db, event.tenant_id, String(event.data.bookingId));
  if (row?.status !== 'confirmed' || row.start_at <= now) return;
  if (row.start_at.toISOString() !== event.data.start) return;
  const lead = String(event.data.lead);
  const parties = await partiesOf(db, row);
  if (!parties) return;
  const brand = await tenantBrand(db, row.tenant_id);
  for (const reader of [parties.learner, parties.mentor]) {
    const other = reader.party === 'learner' ? parties.mentor : parties.learner;
    const words = emailWords(reader.locale);
    const zone = reader.timeZone ?? parties.mentor.timeZone ?? 'UTC';
    const { details, action } = sessionDetails(words, row, reader, zone);
    const minutes = leadMinutes(lead);
    await mailTo(db, options, {
      tenantId: row.tenant_id,
      brand,
      recipient: reader,
      kind: 'reminders',
      cause: `booking:${row.id}:reminder:${lead}:${row.start_at.toISOString()}:${reader.party}`,
      subject: words.reminder.subject(other.name, minutes),
      content: {
        heading: words.reminder.heading(minutes),
        greeting: words.greeting(reader.name),
        paragraphs: [words.reminder.intro(other.name)],
        details,
        quotes:
          reader.party === 'mentor' && parties.question
            ? [{ label: words.question, text: parties.question }]
            : [],
        ...(action ? { action } : {}),
      },
      now,
    });
  }
}

/** After a completed session, the learner is asked how it went (unless they already said). */
export async function mailFeedbackRequest(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
): Promise<void> {
  const row = await findBooking(db, event.tenant_id, String(event.data.bookingId));
  if (row?.status !== 'completed') return;
  if (await findFeedback(db, row.tenant_id, row.id)) return;
  const parties = await partiesOf(db, row);
  if (!parties) return;
  const words = emailWords(parties.learner.locale);
  await mailTo(db, options, {
    tenantId: row.tenant_id,
    brand: await tenantBrand(db, row.tenant_id),
    recipient: parties.learner,
    kind: 'feedback',
    cause: `booking:${row.id}:feedback`,
    subject: words.feedback.subject(parties.mentor.name),
    content: {
      heading: words.feedback.heading,
      greeting: words.greeting(parties.learner.name),
      paragraphs: [words.feedback.intro(parties.mentor.name)],
    },
    now,
  });
}
