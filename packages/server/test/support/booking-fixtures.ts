import { expect } from 'vitest';
import type { TestContext, TestTenant } from './context.js';
import { createMentor, type MentorBody, type MentorInput } from './fixtures.js';
import { call } from './http.js';

export interface BookingBody {
  id: string;
  mentorId: string;
  mentorName: string;
  learnerId: string;
  requestId: string | null;
  start: string;
  end: string;
  format: string;
  status: string;
  joinUrl: string | null;
  dialIn: string | null;
  phone?: string;
  threadId: string | null;
  sequence: number;
  cancelReason: string | null;
  cancelledBy: string | null;
  feedbackGiven: boolean;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function weekly(start: string, end: string, days = WEEKDAYS) {
  return days.map((day) => ({ day, start, end }));
}

/** An approved mentor with availability set through the API. */
export async function bookableMentor(
  ctx: TestContext,
  tenant: TestTenant,
  availability: Record<string, unknown> = {},
  profile: MentorInput = {},
): Promise<MentorBody> {
  const mentor = await createMentor(ctx, tenant, { formats: ['video', 'call', 'chat'], ...profile });
  const res = await call(ctx.app, 'PUT', `/v1/mentors/${mentor.id}/availability`, {
    key: tenant.secretKey,
    body: {
      timeZone: 'Europe/Berlin',
      weekly: weekly('09:00', '17:00'),
      sessionLengths: [15, 30],
      ...availability,
    },
  });
  expect(res.status, res.text).toBe(200);
  return mentor;
}

export function asLearner(tenant: TestTenant, sub = 'learner-1') {
  return {
    key: tenant.publishableKey,
    origin: tenant.origin,
    token: tenant.token({ sub, name: `Learner ${sub}` }),
  };
}

export async function book(
  ctx: TestContext,
  tenant: TestTenant,
  body: {
    mentorId: string;
    start: string;
    durationMinutes?: number;
    format?: string;
    note?: string;
    requestId?: string;
    phone?: string;
  },
  sub = 'learner-1',
) {
  return call<BookingBody & { code?: string; errors?: { path: string; message: string }[] }>(
    ctx.app,
    'POST',
    '/v1/bookings',
    {
      ...asLearner(tenant, sub),
      body: { durationMinutes: 30, format: 'video', ...body },
    },
  );
}
