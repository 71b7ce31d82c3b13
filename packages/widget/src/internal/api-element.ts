import { ConnectionError, MicromentorError } from '@micromentor/sdk';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MmEventDetail } from '../events/event-detail.js';
import type { MmErrorStep } from '../events/mm-error.js';
import { formatDateTime, formatSlot } from './time.js';

/** The words every console panel's catalogue has. */
export interface PanelWords {
  loading: string;
  /** Loads again what failed to load. */
  retry: string;
  /** For failures nobody can fix by editing the form. */
  errors: { generic: string; network: string };
}

/** The theme of the nearest themed element this one is drawn inside (across shadow roots), or ''. */
function themeAround(element: Element): string {
  let host = (element.getRootNode() as ShadowRoot).host;
  while (host) {
    const theme = host.getAttribute('theme');
    if (theme) return theme;
    host = (host.getRootNode() as ShadowRoot).host;
  }
  return '';
}

/** What every console panel shares: its API calls, the locale, its words, failures and typed events. */
export abstract class ApiElement<Api, Words extends PanelWords = PanelWords> extends LitElement {
  /** The panel's API calls (set by the console element that holds it). */
  @property({ attribute: false }) api: Api | null = null;

  /** `en`, `es` or `fr`; empty: the page's `lang`, then the browser's languages. */
  @property({ reflect: true }) locale = '';

  /**
   * `light` or `dark`; empty: the system's preference. A panel nested in a themed element (a
   * console, the follow-up) takes that element's theme, and follows it when it changes.
   */
  @property({ reflect: true }) theme = '';

  /** The panel's data is on its way (panels that load on connect start with it on). */
  @state() protected loading = false;

  /** The last failed call, in plain words (shown as an alert). */
  @state() protected error = '';

  /** The element's words, in its locale. */
  abstract get t(): Words;

  /** The last failure was loading the panel's data: its alert offers to load it again. */
  #loadFailed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.theme) this.theme = themeAround(this);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A theme set after the panels were drawn (the page switched it): they follow.
    if (changed.has('theme') && changed.get('theme') !== undefined) {
      for (const panel of this.renderRoot.querySelectorAll('*'))
        if (panel instanceof ApiElement) panel.theme = this.theme;
    }
  }

  /** A failed call in plain words (the server's own `detail` for 4xx answers, which say what to fix). */
  describe(error: unknown): string {
    if (error instanceof ConnectionError) return this.t.errors.network;
    const detail = error instanceof MicromentorError ? error.problem?.detail : undefined;
    if (detail && error instanceof MicromentorError && error.status >= 400 && error.status < 500)
      return detail;
    return this.t.errors.generic;
  }

  /**
   * Runs one load of the panel's data: `error` cleared when it works, the failure in plain words
   * when not, `loading` off either way. Nothing happens until the holder has set `api`.
   */
  protected async load(work: (api: Api) => Promise<unknown>): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      await work(api);
      this.#loadFailed = false;
      this.error = '';
    } catch (error) {
      this.#loadFailed = true;
      this.error = this.describe(error);
      // The words may be the same as already shown (a panel that reported it itself): the retry is new.
      this.requestUpdate();
    } finally {
      this.loading = false;
    }
  }

  /**
   * Runs one thing the user asked for (a button, a form): nothing until the holder has set `api`;
   * a failure is shown in plain words (`error`), what worked keeps its own notice.
   */
  protected async act(work: (api: Api) => Promise<unknown>): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      await work(api);
    } catch (error) {
      this.#loadFailed = false;
      this.error = this.describe(error);
    }
  }

  /**
   * A list panel's top: its heading, the last notice (a polite status), the failure, and `empty`
   * when there is nothing to list.
   */
  protected listHead(heading: string, notice: string, empty: string | false): TemplateResult {
    return html`<h3>${heading}</h3>
      <p role="status" class="ok">${notice}</p>
      ${this.alert()}
      ${empty ? html`<p>${empty}</p>` : nothing}`;
  }

  /**
   * Reports a failed call: its plain words become `error` (shown as an alert) and go out in an
   * `mm-error` with the API's stable code (`unknown` for anything that is not an SDK error).
   */
  protected fail(step: MmErrorStep, error: unknown): void {
    this.error = this.describe(error);
    const code = error instanceof MicromentorError ? error.code : 'unknown';
    this.emit('mm-error', { step, code, message: this.error, error });
  }

  /**
   * A time (ISO 8601) the one way every surface writes it (internal/time.ts): `slot` for a free
   * time's button ("Thu 3:30 PM"), any other style a day and time ("Thu, Nov 26 · 3:30 PM").
   */
  protected when(iso: string, style: 'slot' | 'day' | 'medium' | 'short'): string {
    return (style === 'slot' ? formatSlot : formatDateTime)(iso, this.locale || undefined);
  }

  /**
   * The last failure as an alert, or nothing; when it was the panel's data that failed to load,
   * with "Try again" (the panel's `refresh()`), so nobody has to reload the page.
   */
  protected alert(): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    const refresh = (this as { refresh?: () => Promise<void> }).refresh;
    return html`<p class="error" role="alert">${this.error}</p>${
      this.#loadFailed && refresh && !this.loading
        ? html`<button part="button retry-button" type="button" @click=${() => refresh.call(this)}>${this.t.retry}</button>`
        : nothing
    }`;
  }

  /**
   * A list of cards' first load: the words for screen readers, grey cards where the cards will be
   * (consoleStyles' `.skeleton`), so nothing jumps when they arrive.
   */
  protected loadingCards(): TemplateResult {
    return html`<p role="status" class="sr-only">${this.t.loading}</p>
      <ul class="cards" aria-hidden="true">${[0, 1, 2].map(() => html`<li class="card skeleton"></li>`)}</ul>`;
  }

  /** Dispatches a bubbling, composed `mm-` event, its `detail` typed by the event's declaration. */
  protected emit<K extends keyof HTMLElementEventMap>(type: K, detail: MmEventDetail<K>): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }
}
