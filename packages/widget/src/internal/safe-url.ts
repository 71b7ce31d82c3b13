/**
 * Only web links (http: or https:) become clickable: a `javascript:` join URL or page address
 * must never be one. Returns the parsed address, or null.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
