// The conversation calls `<mm-thread-view>` makes, in the mentor console and in the learner's
// follow-up alike; every call is the SDK's typed method.
import type { Message, Micromentor, Thread } from '@micromentor/sdk';

/** The conversation calls, bound to one SDK client. */
export function conversationApi(client: Micromentor) {
  return {
    threads: () => client.threads.list({ limit: 50 }),
    /** One thread: who is in it and the request it is about, for its header. */
    thread: (threadId: string): Promise<Thread> => client.threads.get(threadId),
    /** Opens (or returns) a request's thread: a matched mentor asking the learner for more detail. */
    openRequestThread: (requestId: string): Promise<Thread> => client.threads.startForRequest(requestId),
    messages: (threadId: string) => client.threads.messages(threadId, { limit: 100 }),
    post: (threadId: string, body: string): Promise<Message> => client.threads.post(threadId, { body }),
    markRead: (threadId: string, messageId: string): Promise<Thread> =>
      client.threads.markRead(threadId, { messageId }),
  };
}

export type ConversationApi = ReturnType<typeof conversationApi>;
