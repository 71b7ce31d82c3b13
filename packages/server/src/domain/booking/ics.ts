import { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { BookingRow } from '../../db/database.js';
import { type CalendarAttendee, writeCalendar } from '../calendar/ical.js';

export interface CalendarParty {
  name: string;
  /** No address: they are named in the description only (ORGANIZER/ATTENDEE need one). */
  email: string | null;
}

export interface CalendarParties {
  mentor: CalendarParty;
  learner: CalendarParty;
  /** Who sends the invitation (the program's sender for email); default: the mentor. */
  organizer?: { name: string; email: string };
}

/** The iCalendar UID of a booking: one per booking, kept across reschedules and the cancel. */
export const bookingUid = (bookingId: string): string => `${bookingId}@micromentor`;

/**
 * The booking as an iCalendar object (`ical-generator`): a stable UID per booking, SEQUENCE
 * bumped by every reschedule or cancellation, METHOD:REQUEST while it stands and METHOD:CANCEL
 * (STATUS:CANCELLED) once cancelled, so calendar apps add, move and remove the one event by
 * themselves. `question` goes in the description (the mentor's copy); a call's dial-in does,
 * never the learner's number (the file ends up in calendar services).
 */
export function bookingCalendar(
  booking: BookingRow,
  parties: CalendarParties,
  now: Date,
  extra: { question?: string | null; summary?: string } = {},
): string {
  const cancelled = booking.status === 'cancelled';
  const { mentor, learner } = parties;
  const description = [
    `${booking.format === 'chat' ? 'Text thread' : 'Session'} with ${mentor.name} for ${learner.name}.`,
    booking.join_url ? `Join: ${booking.join_url}` : null,
    booking.dial_in ? `Dial in: ${booking.dial_in}` : null,
    extra.question ? `Question: ${extra.question}` : null,
    booking.note ? `Note: ${booking.note}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const organizer =
    parties.organizer ?? (mentor.email ? { name: mentor.name, email: mentor.email } : undefined);
  const attendee = (party: CalendarParty): CalendarAttendee[] =>
    party.email && party.email !== organizer?.email
      ? [
          {
            name: party.name,
            email: party.email,
            role: ICalAttendeeRole.REQ,
            status: ICalAttendeeStatus.ACCEPTED,
            rsvp: false,
          },
        ]
      : [];
  // Names and texts are escaped, folded and stripped of control characters by writeCalendar.
  return writeCalendar(
    {
      prodId: { company: 'Micromentor', product: 'Booking', language: 'EN' },
      method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    },
    [
      {
        uid: bookingUid(booking.id),
        sequence: booking.sequence,
        stamp: now,
        start: booking.start_at,
        end: booking.end_at,
        summary: extra.summary ?? `Micromentor session with ${mentor.name}`,
        description,
        location: booking.join_url ?? booking.dial_in ?? null,
        url: booking.join_url,
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        organizer: organizer ?? null,
        attendees: [...attendee(learner), ...attendee(mentor)],
      },
    ],
  );
}
