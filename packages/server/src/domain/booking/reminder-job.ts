import { findBooking, lockBookingStatus } from '../../db/bookings.js';
import { type JobHandler, jobTarget } from '../job-handler.js';
import { bookingEvent } from './lifecycle.js';

/**
 * `booking.remind`: re-checks the booking before telling anyone — never for a cancelled
 * booking, nor for a time it was moved away from, nor once it has started.
 */
export const bookingReminderJob: JobHandler = {
  async run(job, { db, clock }) {
    const { tenantId, id } = jobTarget(job, 'bookingId');
    const row = await findBooking(db, tenantId, id);
    const now = clock.now();
    if (row?.status !== 'confirmed') return;
    if (row.start_at.toISOString() !== job.payload.startAt || row.start_at <= now) return;
    await db.transaction().execute(async (trx) => {
      // Under the row lock, so a cancel committing meanwhile wins.
      if ((await lockBookingStatus(trx, tenantId, row.id)) !== 'confirmed') return;
      await bookingEvent(trx, 'booking.reminder', row, now, { lead: job.payload.lead });
    });
  },
};
