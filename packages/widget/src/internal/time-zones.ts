// IANA time zones for a picker: the browser's own list (`Intl.supportedValuesOf`), a zone's
// current UTC offset, and what a typed name resolves to.

let zones: string[] | undefined;

/** The browser's zone ("Europe/Madrid"); "UTC" when it has none. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every zone the browser knows, plus UTC and the browser's own (Chromium's list has neither alias). */
export function timeZones(): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', browserZone()])].sort();
  return zones;
}

const offsets = new Map<string, string>();

/** The zone's offset from UTC now, "UTC+01:00" (cached: formatting all ~420 takes a while). */
export function zoneOffset(zone: string): string {
  let offset = offsets.get(zone);
  if (offset === undefined) {
    try {
      const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName')?.value;
      offset = !name || name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC');
    } catch {
      offset = '';
    }
    offsets.set(zone, offset);
  }
  return offset;
}

/** "europe/madrid", "Europe/Madrid " → "europe madrid": how typed text and zones are compared. */
const fold = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** The zone a typed name stands for (case, spaces and underscores aside), or undefined. */
export function resolveZone(typed: string, extra: readonly string[] = []): string | undefined {
  const want = fold(typed);
  if (!want) return undefined;
  return [...extra, ...timeZones()].find((z) => fold(z) === want);
}

/** The first `limit` zones whose name contains the typed text, those whose city starts with it first. */
export function matchZones(typed: string, limit: number): string[] {
  const want = fold(typed);
  const all = timeZones().filter((z) => fold(z).includes(want));
  const city = (z: string) => fold(z.slice(z.lastIndexOf('/') + 1)).startsWith(want);
  return (want ? [...all.filter(city), ...all.filter((z) => !city(z))] : all).slice(0, limit);
}
