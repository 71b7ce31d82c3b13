import type { BookingRow } from '../../db/database.js';

export interface CalendarParty {
  name: string;
  email: string | null;
  /** Fallback address when the person has no email (ORGANIZER/ATTENDEE need a URI). */
  id: string;
}

const CRLF = '\r\n';

function icsDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 5545 §3.3.11 TEXT escaping. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A quoted parameter value (CN=…); DQUOTE is not allowed inside, so it is dropped. */
function param(value: string): string {
  return `"${value.replace(/"/g, '')}"`;
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

function address(p: CalendarParty): string {
  return p.email ? `mailto:${p.email}` : `urn:uuid:${p.id}`;
}

/**
 * The booking as an iCalendar object: stable UID per booking, SEQUENCE bumped by every
 * reschedule or cancellation, METHOD:CANCEL once cancelled.
 */
export function bookingCalendar(
  booking: BookingRow,
  parties: { mentor: CalendarParty; learner: CalendarParty },
  now: Date,
): string {
  const cancelled = booking.status === 'cancelled';
  const summary = `Micromentor session with ${parties.mentor.name}`;
  const description = [
    `${booking.format === 'chat' ? 'Text thread' : 'Session'} with ${parties.mentor.name} for ${parties.learner.name}.`,
    booking.join_url ? `Join: ${booking.join_url}` : null,
    // A call's dial-in, never the learner's number (the file is fetched by the program too and
    // ends up in calendar services).
    booking.dial_in ? `Dial in: ${booking.dial_in}` : null,
    booking.note ? `Note: ${booking.note}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Micromentor//Booking//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${cancelled ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:${booking.id}@micromentor`,
    `SEQUENCE:${booking.sequence}`,
    `DTSTAMP:${icsDate(now)}`,
    `DTSTART:${icsDate(booking.start_at)}`,
    `DTEND:${icsDate(booking.end_at)}`,
    `SUMMARY:${text(summary)}`,
    `DESCRIPTION:${text(description)}`,
    booking.join_url || booking.dial_in
      ? `LOCATION:${text(booking.join_url ?? booking.dial_in ?? '')}`
      : null,
    booking.join_url ? `URL:${booking.join_url}` : null,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `ORGANIZER;CN=${param(parties.mentor.name)}:${address(parties.mentor)}`,
    `ATTENDEE;CN=${param(parties.learner.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:${address(parties.learner)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].filter((l): l is string => l !== null);
  return lines.map(fold).join(CRLF) + CRLF;
}
