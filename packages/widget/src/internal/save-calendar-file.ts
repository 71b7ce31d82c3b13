/**
 * Saves a session's `.ics` (already fetched with the client's auth) from a Blob URL, so no token
 * is ever in a URL; the link is drawn in `root` for the click and removed at once.
 */
export function saveCalendarFile(root: ParentNode, bookingId: string, ics: string): void {
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `micromentor-${bookingId}.ics`;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
