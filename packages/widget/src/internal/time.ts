// The one way the learner's surfaces (and the panels' `when()`) write times: `Intl` in the
// viewer's own time zone, which each list or screen names once (`timeZone()`).
// `locale` is `en`/`es`/`fr`, or undefined for the browser's languages.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Stamp = string | number;

const format = (locale: string | undefined, options: Intl.DateTimeFormatOptions, at: Stamp): string =>
  new Intl.DateTimeFormat(locale, options).format(new Date(at));

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** The viewer's time zone, e.g. "Europe/Madrid" (every time shown is in it). */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A slot's start, short, for buttons in the coming days: "Tue 3:30 PM". */
export function formatSlot(iso: Stamp, locale?: string): string {
  return format(locale, { weekday: 'short', ...TIME }, iso);
}

/** A time of day: "11:45 AM". */
export function formatTime(iso: Stamp, locale?: string): string {
  return format(locale, TIME, iso);
}

/** A day, with its year only when it is not this year's: "Mon, Dec 7". */
export function formatDay(iso: Stamp, locale?: string, now: number = Date.now()): string {
  const date = new Date(iso);
  const otherYear = date.getFullYear() !== new Date(now).getFullYear();
  return format(
    locale,
    { weekday: 'short', month: 'short', day: 'numeric', ...(otherYear ? { year: 'numeric' } : {}) },
    iso,
  );
}

/** A day and time: "Mon, Dec 7 · 11:45 AM". */
export function formatDateTime(iso: Stamp, locale?: string): string {
  return `${formatDay(iso, locale)} · ${formatTime(iso, locale)}`;
}

/** A length in minutes: "15 min". */
export function formatMinutes(minutes: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute' }).format(minutes);
}

/** A session: its day, its start and end, and its length: "Mon, Dec 7 · 11:45 AM – 12:00 PM (15 min)". */
export function formatSession(session: { start: string; end: string }, locale?: string): string {
  const range = new Intl.DateTimeFormat(locale, TIME).formatRange(
    new Date(session.start),
    new Date(session.end),
  );
  return `${formatDay(session.start, locale)} · ${range} (${formatMinutes(lengthMinutes(session), locale)})`;
}

/** The day number of a moment in the viewer's zone (to tell today from tomorrow). */
const dayOf = (at: number): number => Math.floor((at - new Date(at).getTimezoneOffset() * MINUTE) / DAY);

/**
 * How far a moment is from now, the way people say it: "now", "in 40 minutes", "in 2 hours",
 * "tomorrow at 9:00 AM", "in 3 days", "2 hours ago".
 */
export function formatRelative(iso: Stamp, locale?: string, now: number = Date.now()): string {
  const at = new Date(iso).getTime();
  const diff = at - now;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.round(diff / MINUTE);
  if (minutes === 0) return rtf.format(0, 'second');
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(diff / HOUR);
  if (Math.abs(hours) < 6) return rtf.format(hours, 'hour');
  const days = dayOf(at) - dayOf(now);
  if (Math.abs(days) > 1) return rtf.format(days, 'day');
  const day = rtf.format(days, 'day');
  const time = formatTime(at, locale);
  const language = new Intl.RelativeTimeFormat(locale).resolvedOptions().locale.split('-')[0];
  // "mañana a las 9:00", "hoy a la 1:00"
  if (language === 'es') return `${day} a la${/^1\D/.test(time) ? '' : 's'} ${time}`;
  if (language === 'fr') return `${day} à ${time}`; // "demain à 9:00"
  return `${day} at ${time}`;
}

/** "in 40 minutes", "in 2 hours" for a start within the next two hours; null for later ones. */
export function formatSoon(iso: Stamp, locale?: string, now: number = Date.now()): string | null {
  const diff = new Date(iso).getTime() - now;
  return diff < 0 || diff >= 2 * HOUR ? null : formatRelative(iso, locale, now);
}

/** A range's length in whole minutes. */
function lengthMinutes(range: { start: string; end: string }): number {
  return Math.round((Date.parse(range.end) - Date.parse(range.start)) / MINUTE);
}

/** The slot's length in whole minutes, kept inside what the API books (10–60); 15 when unknown. */
export function slotMinutes(slot: { start: string; end: string }): number {
  const minutes = lengthMinutes(slot);
  return Number.isFinite(minutes) && minutes >= 10 ? Math.min(minutes, 60) : 15;
}
