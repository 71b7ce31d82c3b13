import { type Expression, type RawBuilder, sql } from 'kysely';

/**
 * Keyset paging on a (timestamp, id) order: the rows strictly after the cursor's pair in that
 * order (`>` ascending, `<` descending). A row tuple comparison, so an index on the pair serves it.
 */
export function pastCursor(
  at: string | Expression<unknown>,
  id: string,
  direction: '>' | '<',
  cursor: { at: Date | string; id: string },
): RawBuilder<boolean> {
  const atColumn = typeof at === 'string' ? sql.ref(at) : at;
  return sql<boolean>`(${atColumn}, ${sql.ref(id)}) ${sql.raw(direction)} (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}
