import type { Kysely } from 'kysely';
import type { Database, HelpRequestRow } from '../../db/database.js';
import { findHelpRequests } from '../../db/help-requests.js';
import type { RequestBrief } from '../../schemas/requests.js';

/**
 * The request as a session's, offer's or thread's header shows it. The LMS ids are internal:
 * they are kept only when the page has no title to show instead.
 */
export function toRequestBrief(row: HelpRequestRow): RequestBrief {
  const { courseId, lessonId, ...context } = row.context;
  const titled = Boolean(context.pageTitle?.trim());
  return {
    id: row.id,
    title: row.title,
    details: row.details,
    context: {
      ...context,
      ...(!titled && courseId ? { courseId } : {}),
      ...(!titled && lessonId ? { lessonId } : {}),
    },
    createdAt: row.created_at.toISOString(),
  };
}

/** The briefs of these requests by id, in one query (tenant-scoped). */
export async function requestBriefs(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, RequestBrief>> {
  const rows = await findHelpRequests(
    db,
    tenantId,
    ids.filter((id): id is string => id !== null),
  );
  return new Map(rows.map((row) => [row.id, toRequestBrief(row)]));
}
