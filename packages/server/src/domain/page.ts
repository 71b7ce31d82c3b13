/** A page of a keyset-paginated list: `next` is the cursor after its last item, null at the end. */
export interface Page<T, C> {
  data: T[];
  next: C | null;
}

/**
 * Repositories fetch `limit + 1` rows so a page knows whether another follows without a count:
 * the extra row is dropped here and only says that `next` is due.
 */
export function pageOf<R, T, C>(
  rows: readonly R[],
  limit: number,
  view: (row: R) => T,
  cursorAfter: (last: R) => C,
): Page<T, C> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(view), next: rows.length > limit && last !== undefined ? cursorAfter(last) : null };
}

/** The cursor of lists ordered by (created_at, id), the most common order. */
export interface CreatedAtCursor {
  createdAt: string;
  id: string;
}

export function createdAtCursor(row: { created_at: Date; id: string }): CreatedAtCursor {
  return { createdAt: row.created_at.toISOString(), id: row.id };
}
