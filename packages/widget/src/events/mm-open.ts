export interface MmOpenDetail {
  /** The element's `topic`, so analytics can tell which lesson the learner asked from. */
  topic: string;
}

export type MmOpenEvent = CustomEvent<MmOpenDetail>;

declare global {
  interface HTMLElementEventMap {
    'mm-open': MmOpenEvent;
  }
}
