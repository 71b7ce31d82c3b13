/** "Chat" on a session in My help: the learner wants its conversation (`<mm-follow-up>` opens it). */
export interface MmChatOpenDetail {
  threadId: string;
}

export type MmChatOpenEvent = CustomEvent<MmChatOpenDetail>;

declare global {
  interface HTMLElementEventMap {
    'mm-chat-open': MmChatOpenEvent;
  }
}
