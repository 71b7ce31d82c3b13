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
import { CancelBookingSchema, CreateBookingSchema } from '../../packages/server/src/schemas/bookings.js';
import { CreateFeedbackSchema } from '../../packages/server/src/schemas/feedback.js';
import { ApplyMentorSchema, UpdateOwnMentorSchema } from '../../packages/server/src/schemas/mentors.js';
import {
  CALL_BRIDGE_MAX,
  CallBridgeSchema,
  PHONE_INPUT_MAX,
  PhoneSchema,
} from '../../packages/server/src/schemas/phone.js';
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

// A call's phone number and a mentor's call bridge: the widget checks them as the server does, so
// what it lets through is taken and what it refuses would be refused.
describe("the widget's phone and call-bridge rules are the server's", () => {
  const phones = [
    '+34 600 000 000',
    '+34-600-000-000',
    '+1 (415) 555-0100',
    '+44.20.7946.0000',
    '  +4915112345678  ',
    '+123456789012345',
    '+1234567890123456',
    '+1234567',
    '+12345678',
    '+0 600 000 000',
    '600 000 000',
    '0034 600 000 000',
    '+34 600 ABC 000',
    'tel:+34600000000',
    `+34${' '.repeat(40)}600000000`,
    '',
  ];

  it('PHONE_CHARS and CALL_BRIDGE_CHARS are where the server draws its lines', () => {
    expect(limits.PHONE_CHARS).toBe(PHONE_INPUT_MAX);
    expect(limits.CALL_BRIDGE_CHARS).toBe(CALL_BRIDGE_MAX);
  });

  it.each(phones)('%j: the same verdict and the same number kept', (text) => {
    const server = CreateBookingSchema.shape.phone.safeParse(text);
    expect(limits.phoneNumber(text)).toBe(server.success ? server.data : null);
    expect(PhoneSchema.safeParse(text).success).toBe(server.success);
  });

  it.each([
    ...phones,
    'tel:+34910000000,,123456#',
    'TEL:+34910000000',
    'tel:910000000;ext=12',
    'tel:',
    'tel:abc',
    'https://bridge.example.com/dial/42',
    'https://localhost/dial',
    'http://bridge.example.com/dial',
    'javascript:alert(1)',
    `https://bridge.example.com/${'x'.repeat(CALL_BRIDGE_MAX)}`,
  ])('call bridge %j: the same verdict', (text) => {
    const server = [
      ApplyMentorSchema.shape.callBridge,
      UpdateOwnMentorSchema.shape.callBridge,
      CallBridgeSchema,
    ];
    for (const schema of server) expect(limits.isCallBridge(text)).toBe(schema.safeParse(text).success);
  });
});
