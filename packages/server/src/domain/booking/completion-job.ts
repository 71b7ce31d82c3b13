import { completeEndedBooking } from '../../db/bookings.js';
import { type JobHandler, jobTarget } from '../job-handler.js';
import { awardBadges } from '../recognition/badges.js';
import { bookingEvent } from './lifecycle.js';

/**
 * `booking.complete`: a confirmed session that has ended becomes `completed`; the mentor's count
 * (`sessions_count`, recounted from the completed bookings by `awardBadges`) and any badge it
 * earns follow, all in one transaction.
 */
export const bookingCompletionJob: JobHandler = {
  async run(job, { db, clock }) {
    const { tenantId, id } = jobTarget(job, 'bookingId');
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const row = await completeEndedBooking(trx, tenantId, id, now);
      if (!row) return;
      await awardBadges(trx, { tenantId, mentorId: row.mentor_id, now });
      await bookingEvent(trx, 'booking.completed', row, now);
    });
  },
};
