/**
 * A random v4 UUID for `Idempotency-Key`. Browsers offer `crypto.randomUUID` only in secure
 * contexts (https, localhost), while `getRandomValues` works on any page: fall back to it.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  // 8-4-4-4-12 hex digits: a dash before bytes 4, 6, 8 and 10.
  return Array.from(
    bytes,
    (b, i) => (i > 3 && i < 11 && !(i % 2) ? '-' : '') + b.toString(16).padStart(2, '0'),
  ).join('');
}
