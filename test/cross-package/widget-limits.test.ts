// The widget restates the server's text limits (it imports no server code) to count and refuse
// what is too long before sending: each number must be exactly where the server's schema draws
// its line (the limit itself passes, one more character is refused).
import { describe, expect, it } from 'vitest';
import {
  CreateReportSchema,
  ResolveReportSchema,
  StatusReasonSchema,
  UpdateSettingsSchema,
} from '../../packages/server/src/schemas/admin.js';
import { CancelBookingSchema } from '../../packages/server/src/schemas/bookings.js';
import { CreateFeedbackSchema } from '../../packages/server/src/schemas/feedback.js';
import { ApplyMentorSchema, UpdateOwnMentorSchema } from '../../packages/server/src/schemas/mentors.js';
import { CreateRequestSchema, RequestContextSchema } from '../../packages/server/src/schemas/requests.js';
import { PostMessageSchema, StartThreadSchema } from '../../packages/server/src/schemas/threads.js';
import * as limits from '../../packages/widget/src/internal/limits.js';

interface Parses {
  safeParse(value: unknown): { success: boolean };
}

const branding = UpdateSettingsSchema.shape.branding.unwrap().shape;

/** Every limit the widget states, and where the server draws it. */
const server: Record<string, Parses[]> = {
  TITLE_MAX: [CreateRequestSchema.shape.title],
  DETAILS_MAX: [CreateRequestSchema.shape.details],
  SELECTION_MAX: [RequestContextSchema.shape.selection],
  MESSAGE_MAX: [PostMessageSchema.shape.body, StartThreadSchema.shape.message],
  CANCEL_REASON_MAX: [CancelBookingSchema.shape.reason],
  COMMENT_MAX: [CreateFeedbackSchema.shape.comment],
  REPORT_DETAILS_MAX: [CreateReportSchema.shape.details],
  NAME_MAX: [ApplyMentorSchema.shape.name, UpdateOwnMentorSchema.shape.name],
  HEADLINE_MAX: [ApplyMentorSchema.shape.headline, UpdateOwnMentorSchema.shape.headline],
  BIO_MAX: [ApplyMentorSchema.shape.bio, UpdateOwnMentorSchema.shape.bio],
  STATUS_REASON_MAX: [StatusReasonSchema.shape.reason],
  REPORT_NOTE_MAX: [ResolveReportSchema.shape.note],
  BRAND_NAME_MAX: [branding.name],
};

const stated = Object.entries(limits).filter(([name]) => name.endsWith('_MAX')) as [string, number][];

describe("the widget's text limits are the server's", () => {
  it('names the server schema of every limit the widget states', () => {
    expect(stated.map(([name]) => name).sort()).toEqual(Object.keys(server).sort());
  });

  for (const [name, max] of stated) {
    it(`${name} = ${max}`, () => {
      for (const schema of server[name] ?? []) {
        expect(schema.safeParse('x'.repeat(max)).success).toBe(true);
        expect(schema.safeParse('x'.repeat(max + 1)).success).toBe(false);
        // The server trims first, as the widget counts: spaces around do not count.
        expect(schema.safeParse(` ${'x'.repeat(max)} `).success).toBe(true);
      }
    });
  }
});
