import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/** Runs `fn` in a transaction, joining the caller's if there already is one. */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database> | Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
