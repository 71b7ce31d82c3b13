import type { HelpRequest, Match } from '@micromentor/sdk';

export interface MmRequestCreatedDetail {
  request: HelpRequest;
  /** Ranked best first; empty when no mentor fits yet. */
  matches: Match[];
}

export type MmRequestCreatedEvent = CustomEvent<MmRequestCreatedDetail>;

/** Fired by `<mm-request-form>` when it starts sending, before `mm-request-created` or `mm-error`. */
export type MmRequestSubmitEvent = CustomEvent<Record<string, never>>;

declare global {
  interface HTMLElementEventMap {
    'mm-request-created': MmRequestCreatedEvent;
    'mm-request-submit': MmRequestSubmitEvent;
  }
}
