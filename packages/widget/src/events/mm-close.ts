/** `escape`: Escape key (or another platform close request); `close-button`; `api`: `hide()`. */
export type MmCloseReason = 'escape' | 'close-button' | 'api';

export interface MmCloseDetail {
  reason: MmCloseReason;
}

export type MmCloseEvent = CustomEvent<MmCloseDetail>;

declare global {
  interface HTMLElementEventMap {
    'mm-close': MmCloseEvent;
  }
}
