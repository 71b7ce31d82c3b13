import type { Kysely } from 'kysely';
import { exportBookingsPage, exportFeedbackPage, exportRequestsPage } from '../../db/analytics.js';
import type { Database } from '../../db/database.js';
import { csvRow } from './csv.js';

/** Rows fetched per query while streaming. */
export const EXPORT_PAGE_SIZE = 5000;

export type ExportDataset = 'requests.csv' | 'bookings.csv' | 'feedback.csv';

const REQUEST_COLUMNS = [
  'id',
  'created_at',
  'status',
  'title',
  'skills',
  'urgency',
  'format',
  'best_score',
  'learner_external_id',
  'matched_mentor_id',
  'page_url',
] as const;

const BOOKING_COLUMNS = [
  'id',
  'created_at',
  'start',
  'end',
  'status',
  'format',
  'mentor_id',
  'mentor_name',
  'learner_external_id',
  'request_id',
  'cancel_reason',
] as const;

const FEEDBACK_COLUMNS = [
  'id',
  'created_at',
  'booking_id',
  'session_start',
  'mentor_id',
  'mentor_name',
  'learner_external_id',
  'rating',
  'solved',
  'comment',
] as const;

type After = { createdAt: Date; id: string } | null;

/**
 * Writes the header, then page after page by keyset; the next page is fetched while the current
 * one is turned into CSV and written, so the database and the socket work at the same time.
 */
async function writePages<R extends { created_at: Date; id: string }>(
  out: { write(chunk: string): Promise<unknown> },
  header: readonly string[],
  fetchPage: (after: After) => Promise<R[]>,
  cells: (row: R) => unknown[],
): Promise<void> {
  await out.write(csvRow(header));
  let pending = fetchPage(null);
  for (;;) {
    const rows = await pending;
    const last = rows.at(-1);
    const more = last !== undefined && rows.length === EXPORT_PAGE_SIZE;
    if (more) {
      pending = fetchPage({ createdAt: last.created_at, id: last.id });
      // Awaited on the next turn; this only keeps an aborted download from an unhandled rejection.
      pending.catch(() => {});
    }
    let page = '';
    for (const r of rows) page += csvRow(cells(r));
    if (page) await out.write(page);
    if (!more) return;
  }
}

/**
 * Streams one dataset of the tenant, created in `[from, to)`, as CSV (RFC 4180, a header row)
 * to `out`, page by page.
 */
export async function writeCsvExport(
  db: Kysely<Database>,
  out: { write(chunk: string): Promise<unknown> },
  dataset: ExportDataset,
  f: { tenantId: string; from: Date; to: Date },
): Promise<void> {
  const page = { ...f, limit: EXPORT_PAGE_SIZE };
  if (dataset === 'requests.csv') {
    await writePages(
      out,
      REQUEST_COLUMNS,
      (after) => exportRequestsPage(db, { ...page, after }),
      (r) => [
        r.id,
        r.created_at,
        r.status,
        r.title,
        r.skills,
        r.urgency,
        r.format,
        r.best_score,
        r.learner_external_id,
        r.matched_mentor_id,
        r.context.url ?? null,
      ],
    );
  } else if (dataset === 'bookings.csv') {
    await writePages(
      out,
      BOOKING_COLUMNS,
      (after) => exportBookingsPage(db, { ...page, after }),
      (r) => [
        r.id,
        r.created_at,
        r.start_at,
        r.end_at,
        r.status,
        r.format,
        r.mentor_id,
        r.mentor_name,
        r.learner_external_id,
        r.request_id,
        r.cancel_reason,
      ],
    );
  } else {
    await writePages(
      out,
      FEEDBACK_COLUMNS,
      (after) => exportFeedbackPage(db, { ...page, after }),
      (r) => [
        r.id,
        r.created_at,
        r.booking_id,
        r.start_at,
        r.mentor_id,
        r.mentor_name,
        r.learner_external_id,
        r.rating,
        r.solved,
        r.comment,
      ],
    );
  }
}
