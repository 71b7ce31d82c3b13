import type { Mentor, Thread } from '@micromentor/sdk';

/** Fired by `<mm-match-list>` when the learner chose "Message instead": the thread is open. */
export interface MmThreadCreatedDetail {
  thread: Thread;
  mentor: Mentor;
}

export type MmThreadCreatedEvent = CustomEvent<MmThreadCreatedDetail>;

declare global {
  interface HTMLElementEventMap {
    'mm-thread-created': MmThreadCreatedEvent;
  }
}
