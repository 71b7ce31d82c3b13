import { z } from '@hono/zod-openapi';
import { PreviousSessionsSchema } from './bookings.js';
import { CursorSchema, IdSchema, LimitSchema, pageOf } from './common.js';
import { RequestBriefSchema } from './requests.js';

export const MESSAGE_MAX_CHARS = 4000;

export const ThreadRoleSchema = z.enum(['learner', 'mentor']).openapi('ThreadRole');

export const MessageSchema = z
  .object({
    id: IdSchema,
    threadId: IdSchema,
    /** The author's user id. */
    authorId: IdSchema,
    authorRole: ThreadRoleSchema,
    body: z.string().openapi({
      description:
        'Plain text as written. Never HTML: render it as text and make only http(s) links clickable.',
    }),
    createdAt: z.iso.datetime(),
  })
  .openapi('Message');

const Participant = z.object({ id: IdSchema, name: z.string() });

export const ThreadSchema = z
  .object({
    id: IdSchema,
    requestId: IdSchema.nullable(),
    bookingId: IdSchema.nullable(),
    learner: Participant.openapi({ description: 'The learner (a user id).' }),
    mentor: Participant.openapi({ description: 'The mentor (a mentor id).' }),
    /** Which side the caller is on. */
    role: ThreadRoleSchema,
    createdAt: z.iso.datetime(),
    lastMessageAt: z.iso.datetime().nullable(),
    lastMessage: MessageSchema.nullable(),
    /** Messages from the other participant after the caller's read mark. */
    unreadCount: z.number().int(),
    lastReadMessageId: IdSchema.nullable(),
    request: RequestBriefSchema.nullable().openapi({
      description:
        'The help request the conversation is about (its own, or its session’s), for the header; null when none.',
    }),
    previousSessions: PreviousSessionsSchema.optional(),
  })
  .openapi('Thread');

/** Code points, as PostgreSQL's char_length counts them (an emoji is one character). */
const chars = (s: string) => [...s].length;

const MessageBodySchema = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => chars(s) <= MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`);

export const PostMessageSchema = z.strictObject({ body: MessageBodySchema }).openapi('PostMessage');

export const MarkReadSchema = z
  .strictObject({
    messageId: IdSchema.optional().openapi({
      description: 'Read up to and including this message; omit for the latest. Never moves backwards.',
    }),
  })
  .openapi('MarkThreadRead');

export const StartThreadSchema = z
  .strictObject({
    mentorId: IdSchema.optional().openapi({
      description:
        'The learner: one of the request’s matched mentors (required). A matched mentor may omit it (or pass their own id).',
    }),
    message: MessageBodySchema.optional().openapi({
      description:
        'The first message, posted by the caller in the same transaction when this call opens the thread ' +
        '(the widget sends the learner’s question); ignored when the thread already exists.',
    }),
  })
  .openapi('StartThread');

export const ListThreadsQuerySchema = z.strictObject({ limit: LimitSchema, cursor: CursorSchema });

export const ListMessagesQuerySchema = z.strictObject({
  order: z.enum(['asc', 'desc']).default('asc').openapi({
    description:
      '`asc` (default): oldest first, as a conversation reads. `desc`: newest first (the latest page).',
  }),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const ThreadPageSchema = pageOf(ThreadSchema).openapi('ThreadPage');
export const MessagePageSchema = pageOf(MessageSchema).openapi('MessagePage');

export type Thread = z.infer<typeof ThreadSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type ThreadRole = z.infer<typeof ThreadRoleSchema>;
