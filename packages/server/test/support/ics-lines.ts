/** Every property our calendar files (booking .ics, invitations, the feed) may hold. */
export const KNOWN_PROPERTIES = new Set([
  'BEGIN',
  'END',
  'VERSION',
  'PRODID',
  'METHOD',
  'NAME',
  'X-WR-CALNAME',
  'REFRESH-INTERVAL',
  'X-PUBLISHED-TTL',
  'UID',
  'SEQUENCE',
  'DTSTAMP',
  'DTSTART',
  'DTEND',
  'LAST-MODIFIED',
  'SUMMARY',
  'DESCRIPTION',
  'LOCATION',
  'URL',
  'STATUS',
  'TRANSP',
  'ORGANIZER',
  'ATTENDEE',
  'X-MICROSOFT-CDO-BUSYSTATUS',
]);

const PARAM_VALUE = '(?:"[^"\\p{Cc}]*"|[^";:,\\p{Cc}]*)';
const CONTENT_LINE = new RegExp(
  `^([A-Z][A-Z0-9-]*)((?:;[A-Z][A-Z0-9-]*=${PARAM_VALUE}(?:,${PARAM_VALUE})*)*):([^\\p{Cc}]|\\t)*$`,
  'u',
);

export interface ContentLine {
  name: string;
  params: string;
  value: string;
}

/**
 * Reads an iCalendar text strictly (RFC 5545 §3.1): CRLF line ends, physical lines of at most
 * 75 octets, continuations starting with one space, and every unfolded line a property we
 * write, with well-formed (quoted or plain) parameters and a value free of control characters.
 * Returns the problems found (none = the file cannot hide an injected line) and the lines.
 */
export function readContentLines(text: string): { problems: string[]; lines: ContentLine[] } {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('does not end with CRLF');
  const physical = text.replace(/\r\n$/, '').split('\r\n');
  const unfolded: string[] = [];
  for (const [i, line] of physical.entries()) {
    if (/[\r\n]/.test(line)) problems.push(`line ${i + 1} holds a bare CR or LF: ${JSON.stringify(line)}`);
    if (Buffer.byteLength(line) > 75) problems.push(`line ${i + 1} is longer than 75 octets`);
    if (line.startsWith(' ')) {
      if (unfolded.length === 0) problems.push('starts with a continuation');
      else unfolded[unfolded.length - 1] += line.slice(1);
    } else unfolded.push(line);
  }
  const lines: ContentLine[] = [];
  for (const line of unfolded) {
    const match = CONTENT_LINE.exec(line);
    if (!match) {
      problems.push(`not a well-formed content line: ${JSON.stringify(line)}`);
      continue;
    }
    const name = match[1]!;
    if (!KNOWN_PROPERTIES.has(name)) problems.push(`unknown property ${name}: ${JSON.stringify(line)}`);
    lines.push({
      name,
      params: match[2] ?? '',
      value: line.slice(name.length + (match[2]?.length ?? 0) + 1),
    });
  }
  return { problems, lines };
}
