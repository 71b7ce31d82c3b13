/** `<mm-program-queue>`: the mentor took a request from the program queue; they talk in its thread. */
export interface MmRequestTakenDetail {
  requestId: string;
  threadId: string | null;
}

export type MmRequestTakenEvent = CustomEvent<MmRequestTakenDetail>;

declare global {
  interface HTMLElementEventMap {
    'mm-request-taken': MmRequestTakenEvent;
  }
}
