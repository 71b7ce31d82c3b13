/**
 * An export is a download, and personal: saved as a dated file, never kept by a cache or proxy.
 */
export function exportHeaders(exportedAt: string): Record<string, string> {
  return {
    'Content-Disposition': `attachment; filename="micromentor-export-${exportedAt.slice(0, 10)}.json"`,
    'Cache-Control': 'no-store',
  };
}
