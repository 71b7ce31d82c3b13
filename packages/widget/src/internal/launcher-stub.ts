// The embed loader (widget.js) draws a stand-in launcher inside each <mm-ask-expert> until the
// learner flow is loaded; the element takes over from it when it connects. No Lit here: the
// loader imports this.

/** A slot <mm-ask-expert> does not have: a child in it is never drawn once the element renders. */
export const STUB_SLOT = 'mm-stub';

export function findStub(widget: Element): HTMLElement | null {
  return widget.querySelector<HTMLElement>(`:scope > [slot="${STUB_SLOT}"]`);
}

/** Removes the stand-in; true when keyboard focus was on it (the real launcher should take it). */
export function takeOverStub(widget: Element): boolean {
  const stub = findStub(widget);
  if (!stub) return false;
  const focused = Boolean(stub.shadowRoot?.activeElement);
  stub.remove();
  return focused;
}
