import { expect } from 'vitest';
import { asLearner, bookableMentor } from './booking-fixtures.js';
import type { TestContext, TestTenant } from './context.js';
import type { MentorBody } from './fixtures.js';
import { type CallOptions, call } from './http.js';

export interface MessageBody {
  id: string;
  threadId: string;
  authorId: string;
  authorRole: 'learner' | 'mentor';
  body: string;
  createdAt: string;
}

export interface ThreadBody {
  id: string;
  requestId: string | null;
  bookingId: string | null;
  learner: { id: string; name: string };
  mentor: { id: string; name: string };
  role: 'learner' | 'mentor';
  createdAt: string;
  lastMessageAt: string | null;
  lastMessage: MessageBody | null;
  unreadCount: number;
  lastReadMessageId: string | null;
}

/** A mentor user (the token's sub is the mentor's externalId). */
export function asMentor(tenant: TestTenant, sub: string): CallOptions {
  return {
    key: tenant.publishableKey,
    origin: tenant.origin,
    token: tenant.token({ sub, name: `Mentor ${sub}`, roles: ['mentor'] }),
  };
}

/**
 * A learner's request whose matches include a bookable SQL mentor (`mentorSub` is their host
 * user id), and the thread the learner opened with that mentor.
 */
export async function requestThread(
  ctx: TestContext,
  tenant: TestTenant,
  opts: { learner?: string; mentorSub?: string } = {},
): Promise<{ mentor: MentorBody; requestId: string; thread: ThreadBody }> {
  const learner = opts.learner ?? 'learner-1';
  const mentor = await bookableMentor(ctx, tenant, {}, { externalId: opts.mentorSub ?? 'mentor-1' });
  const asked = await call<{ request: { id: string }; matches: { mentor: { id: string } }[] }>(
    ctx.app,
    'POST',
    '/v1/requests',
    {
      ...asLearner(tenant, learner),
      body: { title: 'Help with SQL joins in PostgreSQL', urgency: 'flexible' },
    },
  );
  expect(asked.status, asked.text).toBe(201);
  expect(asked.body.matches.map((m) => m.mentor.id)).toContain(mentor.id);
  const started = await call<ThreadBody>(ctx.app, 'POST', `/v1/requests/${asked.body.request.id}/threads`, {
    ...asLearner(tenant, learner),
    body: { mentorId: mentor.id },
  });
  expect(started.status, started.text).toBe(201);
  return { mentor, requestId: asked.body.request.id, thread: started.body };
}

export async function post(
  ctx: TestContext,
  threadId: string,
  who: CallOptions,
  body: string,
  headers: Record<string, string> = {},
) {
  return call<MessageBody & { code?: string }>(ctx.app, 'POST', `/v1/threads/${threadId}/messages`, {
    ...who,
    headers,
    body: { body },
  });
}
