/** Fired by `<mm-guest-form>` once its client holds a guest token (the token is not in the event). */
export type MmGuestReadyEvent = CustomEvent<Record<string, never>>;

declare global {
  interface HTMLElementEventMap {
    'mm-guest-ready': MmGuestReadyEvent;
  }
}
