/**
 * Saves a JSON document (already fetched with the client's auth) as a file, from a Blob URL, so
 * no token is ever in a URL; the link is drawn in `root` for the click and removed at once (as
 * `internal/save-calendar-file.ts` does for a session's .ics).
 */
export function saveJsonFile(root: ParentNode, name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The export's file name, as the server's `Content-Disposition` gives it. */
export const exportFileName = (exportedAt: string, who = ''): string =>
  `micromentor-export-${who ? `${who}-` : ''}${exportedAt.slice(0, 10)}.json`;
