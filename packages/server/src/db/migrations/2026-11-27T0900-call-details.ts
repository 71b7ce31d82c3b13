import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // How a call session happens: the mentor's own number or dial-in (their profile), copied onto
  // the call bookings made while it is set; otherwise the learner's number given when booking,
  // erased once the session is over or cancelled.
  await sql`alter table mentors add column call_bridge text`.execute(db);
  await sql`alter table bookings add column call_phone text`.execute(db);
  await sql`alter table bookings add column dial_in text`.execute(db);
  await sql`alter table bookings add constraint bookings_call_details_check
            check (format = 'call' or (call_phone is null and dial_in is null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table bookings drop constraint bookings_call_details_check`.execute(db);
  await sql`alter table bookings drop column dial_in`.execute(db);
  await sql`alter table bookings drop column call_phone`.execute(db);
  await sql`alter table mentors drop column call_bridge`.execute(db);
}
