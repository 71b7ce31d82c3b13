import { LAUNCHER_LABEL, resolveLocale } from '../i18n/locale.js';
import { findStub, STUB_SLOT } from '../internal/launcher-stub.js';
import { LAUNCHER_CSS, LAUNCHER_THEME_CSS } from '../styles/launcher.js';

let sheet: CSSStyleSheet | undefined;

/** A constructed sheet (CSP-safe: no <style> element, no style attribute). */
function stubSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(LAUNCHER_THEME_CSS + LAUNCHER_CSS);
  }
  return sheet;
}

export interface StubHandlers {
  /** Pointer over or focus on the stand-in: the learner may be about to open it. */
  intent(): void;
  /** The stand-in was clicked. */
  open(): void;
}

/**
 * Draws the launcher inside a not-yet-defined <mm-ask-expert>, looking exactly like the one the
 * element draws once the flow is loaded (same CSS text, same label, same corner), so the host
 * page shows the button at once without downloading the flow. The element removes it when it
 * connects (internal/launcher-stub.ts).
 */
export function addStub(
  widget: HTMLElement,
  fallback: { theme: string; locale: string },
  handlers: StubHandlers,
): void {
  if (customElements.get(widget.localName) || findStub(widget)) return;
  const host = document.createElement('span');
  host.slot = STUB_SLOT;
  for (const name of ['floating', 'position']) {
    const value = widget.getAttribute(name);
    if (value !== null) host.setAttribute(name, value);
  }
  const theme = widget.getAttribute('theme') || fallback.theme;
  if (theme) host.setAttribute('theme', theme);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [stubSheet()];
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('part', 'launcher');
  button.setAttribute('aria-haspopup', 'dialog');
  button.textContent =
    LAUNCHER_LABEL[resolveLocale(widget.getAttribute('locale') || fallback.locale, widget)];
  button.addEventListener('pointerenter', handlers.intent);
  button.addEventListener('focus', handlers.intent);
  button.addEventListener('click', handlers.open);
  // The real launcher may take this one's place between press and release (pointing started
  // loading it): no click follows then, so the release opens the widget instead.
  button.addEventListener('pointerdown', (down) => {
    handlers.intent();
    if (down.button !== 0) return;
    document.addEventListener(
      'pointerup',
      (up) => {
        if (!button.isConnected && up.composedPath().includes(widget)) handlers.open();
      },
      { once: true, capture: true },
    );
  });
  root.append(button);
  widget.append(host);
}
