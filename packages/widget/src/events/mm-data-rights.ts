// Data rights' events (`<mm-data-rights>` in My help and the mentor console, `<mm-user-data>` in
// the admin console).

/** A user was erased: their own account (`mm-account-erased`: sign them out) or, by an admin, someone's. */
export interface MmAccountErasedDetail {
  userId: string;
}

declare global {
  interface HTMLElementEventMap {
    'mm-account-erased': CustomEvent<MmAccountErasedDetail>;
    'mm-user-erased': CustomEvent<MmAccountErasedDetail>;
  }
}
