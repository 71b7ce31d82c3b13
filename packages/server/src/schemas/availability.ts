import { z } from '@hono/zod-openapi';
import { TimeZoneSchema } from './mentors.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM (24-hour)');
const DAY = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const IntervalSchema = z.strictObject({ start: HHMM, end: HHMM });

export const AvailabilitySchema = z
  .strictObject({
    timeZone: TimeZoneSchema,
    weekly: z.array(z.strictObject({ day: DAY, start: HHMM, end: HHMM })).max(100),
    overrides: z
      .array(
        z.strictObject({
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
          intervals: z.array(IntervalSchema).max(20),
        }),
      )
      .max(400)
      .default([]),
    bufferBeforeMinutes: z.number().int().min(0).max(240).default(0),
    bufferAfterMinutes: z.number().int().min(0).max(240).default(0),
    minNoticeMinutes: z.number().int().min(0).max(43_200).default(60),
    horizonDays: z.number().int().min(1).max(365).default(30),
    maxPerDay: z.number().int().min(1).max(100).nullable().default(null),
    maxPerWeek: z.number().int().min(1).max(100).nullable().default(null),
    sessionLengths: z.array(z.number().int().min(10).max(60)).min(1).max(6),
    meetingUrl: z
      .url({ protocol: /^https$/, message: 'must be an https:// URL' })
      .max(500)
      .nullable()
      .default(null)
      .openapi({ description: 'The mentor’s own meeting link; without it each session gets a unique room.' }),
  })
  .openapi('Availability', {
    description:
      'Weekly rules in the mentor’s IANA time zone plus dated overrides (an override with no intervals is a day off).',
  });

export const SlotsQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
  to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
  duration: z.coerce.number().int('must be a whole number of minutes').min(10).max(60),
});

export const TimeRangeSchema = z
  .object({ start: z.iso.datetime(), end: z.iso.datetime() })
  .openapi('TimeRange');

export const SlotsSchema = z.object({ data: z.array(TimeRangeSchema) }).openapi('Slots');

export type AvailabilityInput = z.infer<typeof AvailabilitySchema>;
