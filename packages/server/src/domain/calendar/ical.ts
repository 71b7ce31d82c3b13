import ical, {
  type ICalAttendeeRole,
  type ICalAttendeeStatus,
  type ICalCalendarMethod,
  type ICalEventStatus,
  type ICalEventTransparency,
} from 'ical-generator';
import { stripNonPrinting } from '../../security/control-characters.js';

/**
 * The one writer of every iCalendar file we produce (a booking's .ics, its email invitation, the
 * private feed): every text property and parameter value passes through the functions below
 * before `ical-generator` serialises it. What ical-generator 11 does and does not do, checked:
 * it escapes `\ ; ,` and line breaks in an event's TEXT values (SUMMARY, DESCRIPTION, LOCATION)
 * and folds lines at 75 octets without splitting a character; it puts CN parameters in DQUOTEs
 * (RFC 6868 `^'` `^n` `^^`); it writes the calendar's NAME and X-WR-CALNAME raw, and passes
 * every other control character (NUL, VT, FF, NEL…) through. So here: control characters go,
 * Unicode line separators become line breaks (text) or spaces (one-line values), parameter
 * values lose CR, LF and DQUOTE, and NAME is escaped by `escapeText`.
 */

const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Any control character but tab (RFC 5545 TEXT allows HTAB), after line breaks are handled. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** A TEXT value that may span lines (DESCRIPTION): breaks kept as LF, other controls dropped. */
export function calendarText(value: string): string {
  return stripNonPrinting(value.replace(LINE_BREAKS, '\n'))
    .split('\n')
    .map((line) => line.replace(CONTROLS, ''))
    .join('\n');
}

/** A one-line TEXT value (SUMMARY, LOCATION, NAME): line breaks become spaces. */
export function calendarLine(value: string): string {
  return stripNonPrinting(value.replace(LINE_BREAKS, ' ')).replace(CONTROLS, '');
}

/** A parameter value (CN): one line without DQUOTE, which would end the quoted value. */
export function calendarParam(value: string): string {
  return calendarLine(value).replaceAll('"', "'");
}

/** RFC 5545 §3.3.11 TEXT escaping, for the values ical-generator writes raw (NAME). */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

/** An address or URI: nothing that could break or hide a line. */
const uri = (value: string): string => calendarLine(value).replace(/\s/g, '');

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarAttendee extends CalendarPerson {
  role: ICalAttendeeRole;
  status: ICalAttendeeStatus;
  rsvp: boolean;
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  stamp: Date;
  lastModified?: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  status: ICalEventStatus;
  transparency?: ICalEventTransparency;
  organizer?: CalendarPerson | null;
  attendees?: CalendarAttendee[];
}

export interface CalendarHead {
  prodId: { company: string; product: string; language?: string };
  /** Omitted for a subscription feed (RFC 5545 §3.7.2). */
  method?: ICalCalendarMethod;
  /** The calendar's display name (NAME and X-WR-CALNAME). */
  name?: string;
  /** How often apps should re-fetch (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  ttlSeconds?: number;
}

const person = (p: CalendarPerson) => ({ name: calendarParam(p.name), email: uri(p.email) });

/** The calendar as RFC 5545 text, every content line (the last one too) ending in CRLF. */
export function writeCalendar(head: CalendarHead, events: readonly CalendarEvent[]): string {
  const calendar = ical({
    prodId: head.prodId,
    ...(head.method ? { method: head.method } : {}),
    ...(head.name ? { name: escapeText(calendarLine(head.name)) } : {}),
    ...(head.ttlSeconds ? { ttl: head.ttlSeconds } : {}),
  });
  for (const event of events) {
    calendar.createEvent({
      id: uri(event.uid),
      sequence: event.sequence,
      stamp: event.stamp,
      ...(event.lastModified ? { lastModified: event.lastModified } : {}),
      start: event.start,
      end: event.end,
      summary: calendarLine(event.summary),
      description: calendarText(event.description),
      location: event.location === null ? null : calendarLine(event.location),
      url: event.url === null ? null : uri(event.url),
      status: event.status,
      ...(event.transparency ? { transparency: event.transparency } : {}),
      organizer: event.organizer ? person(event.organizer) : null,
      attendees: (event.attendees ?? []).map((a) => ({
        ...person(a),
        role: a.role,
        status: a.status,
        rsvp: a.rsvp,
      })),
    });
  }
  return `${calendar.toString()}\r\n`;
}
