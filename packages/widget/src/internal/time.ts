import type { Locale } from '../i18n/index.js';

const MINUTE = 60_000;

/** A slot's start in the learner's own time zone, e.g. "Tue 3:30 PM". */
export function formatSlot(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A full date and time with the zone named, for the confirmation. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** "in 40 min" for a start within the next two hours; null for later ones. */
export function formatSoon(iso: string, locale: Locale, now: number = Date.now()): string | null {
  const minutes = Math.round((new Date(iso).getTime() - now) / MINUTE);
  if (minutes < 0 || minutes >= 120) return null;
  return new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'auto' }).format(minutes, 'minute');
}

/** The slot's length in whole minutes, kept inside what the API books (10–60); 15 when unknown. */
export function slotMinutes(slot: { start: string; end: string }): number {
  const minutes = Math.round((new Date(slot.end).getTime() - new Date(slot.start).getTime()) / MINUTE);
  return Number.isFinite(minutes) && minutes >= 10 ? Math.min(minutes, 60) : 15;
}
