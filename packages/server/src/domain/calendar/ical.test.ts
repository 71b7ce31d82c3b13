import ICAL from 'ical.js';
import { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { readContentLines } from '../../../test/support/ics-lines.js';
import { calendarLine, calendarParam, calendarText, escapeText, writeCalendar } from './ical.js';

const INJECT = 'ATTENDEE;CN=Evil:mailto:x@evil.example';
/** Every way a name has been seen to try to start a line of its own, or hide in one. */
const HOSTILE = [
  `Eve\r\n${INJECT}`,
  `Eve\n${INJECT}`,
  `Eve\r${INJECT}`,
  `Eve\u2028${INJECT}`,
  `Eve\u0085${INJECT}`,
  `Eve\u0000\u000b\u000c\u001b\u007f${INJECT}`,
  `Eve"; ${INJECT}`,
  `Eve\\n, ; \\; ${INJECT}`,
];

function hostileCalendar(name: string): string {
  return writeCalendar(
    {
      prodId: { company: 'Micromentor', product: 'Test' },
      method: ICalCalendarMethod.REQUEST,
      name: `Program ${name}`,
      ttlSeconds: 3600,
    },
    [
      {
        uid: 'b1@micromentor',
        sequence: 0,
        stamp: new Date('2026-11-25T12:00:00Z'),
        start: new Date('2026-11-26T09:00:00Z'),
        end: new Date('2026-11-26T09:30:00Z'),
        summary: `Session with ${name}`,
        description: `Session with ${name}.\nQuestion: ${name}`,
        location: `Room ${name}`,
        url: 'https://meet.example/room-1',
        status: ICalEventStatus.CONFIRMED,
        organizer: { name, email: 'mentor@example.com' },
        attendees: [
          {
            name,
            email: 'learner@example.com',
            role: ICalAttendeeRole.REQ,
            status: ICalAttendeeStatus.ACCEPTED,
            rsvp: false,
          },
        ],
      },
    ],
  );
}

describe('the one iCalendar writer', () => {
  it.each(HOSTILE)('writes no injected line and no control character for the name %j', (name) => {
    const text = hostileCalendar(name);
    const { problems, lines } = readContentLines(text);
    expect(problems).toEqual([]);
    // Exactly the one attendee and organizer written; the injected text stays inside values.
    expect(lines.filter((l) => l.name === 'ATTENDEE')).toHaveLength(1);
    expect(lines.filter((l) => l.name === 'ORGANIZER')).toHaveLength(1);
    expect(lines.filter((l) => l.name === 'NAME')).toHaveLength(1);
    for (const line of lines) expect(line.value, line.name).not.toMatch(/^mailto:x@evil/i);

    // A third-party parser reads the same one event back, with the text as one value each.
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect(event.getAllProperties('attendee')).toHaveLength(1);
    expect(String(event.getFirstPropertyValue('summary'))).toContain(INJECT);
    expect(String(event.getFirstPropertyValue('summary'))).not.toMatch(/[\p{Cc}\u2028]/u);
    const cn = event.getFirstProperty('attendee')!.getParameter('cn');
    expect(cn).toContain(INJECT.replace('"', ''));
  });

  it('keeps line breaks in DESCRIPTION (escaped as \\n) and the text’s specials escaped', () => {
    const { lines } = readContentLines(hostileCalendar('Zoë O’Brien, PhD; SQL\\'));
    const description = lines.find((l) => l.name === 'DESCRIPTION')!.value;
    expect(description).toBe(
      'Session with Zoë O’Brien\\, PhD\\; SQL\\\\.\\nQuestion: Zoë O’Brien\\, PhD\\; SQL\\\\',
    );
    expect(lines.find((l) => l.name === 'NAME')!.value).toBe('Program Zoë O’Brien\\, PhD\\; SQL\\\\');
    expect(lines.find((l) => l.name === 'ATTENDEE')!.params).toContain('CN="Zoë O’Brien, PhD; SQL\\"');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = `${'é'.repeat(40)}${'😀'.repeat(40)}${'שלום'.repeat(10)}`;
    const text = hostileCalendar(long);
    expect(readContentLines(text).problems).toEqual([]);
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe(`Session with ${long}`);
  });

  it('cleans each kind of value for its place', () => {
    expect(calendarText('a\r\nb\rc\u2028d\u0000e\u000bf\tg')).toBe('a\nb\nc\ndef\tg');
    expect(calendarLine('a\r\nb\u0085c\u0000d')).toBe('a b cd');
    expect(calendarParam('Say "hi"\r\nx')).toBe("Say 'hi' x");
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    // An unpaired surrogate (invalid UTF-16) goes too.
    expect(calendarLine('a\ud800b')).toBe('ab');
  });
});
