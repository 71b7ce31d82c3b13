import type { MicromentorCore } from '@micromentor/sdk';
import { LitElement, type PropertyDeclarations } from 'lit';
import type { MmEventDetail } from '../events/event-detail.js';
import type { MmErrorStep } from '../events/mm-error.js';
import {
  hasMessages,
  type Locale,
  loadMessages,
  MESSAGES_LOADED,
  type Messages,
  messages,
  resolveLocale,
} from '../i18n/index.js';
import { describeError, SetupError } from './errors.js';

/** What every step element shares: the SDK client, the locale and typed events. */
export class MmElement extends LitElement {
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    locale: {},
    theme: {},
    busy: { state: true },
    error: { state: true },
  };

  /** The SDK client the element calls the API through (set by `<mm-ask-expert>`). */
  client: MicromentorCore | null = null;

  /** `en`, `es` or `fr`; empty: the page's `lang`, then the browser's languages. */
  locale = '';

  /** `light`, `dark`, or empty / `auto`: the system's preference (`<mm-ask-expert>` passes its own down). */
  theme = '';

  /** A call of this step is on its way: its buttons wait. */
  protected busy = false;

  /** The step's last failed call, in plain words (shown as an alert). */
  protected error = '';

  /** A catalogue arrived: this element may speak it now. */
  #onMessages = (): void => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener(MESSAGES_LOADED, this.#onMessages);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener(MESSAGES_LOADED, this.#onMessages);
  }

  /** Also waits for the element's own language, when its catalogue is still on its way. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const locale = this.resolvedLocale;
    if (hasMessages(locale)) return done;
    await loadMessages(locale).catch(() => {});
    return super.getUpdateComplete();
  }

  get resolvedLocale(): Locale {
    return resolveLocale(this.locale, this);
  }

  get t(): Messages {
    return messages(this.resolvedLocale);
  }

  /** The client, or a SetupError (shown as "not set up yet") when there is none. */
  protected get api(): MicromentorCore {
    if (!this.client) throw new SetupError('Micromentor: no publishable-key or client');
    return this.client;
  }

  /** Dispatches a bubbling, composed `mm-` event (it crosses shadow roots up to the page), typed by its declaration. */
  protected emit<K extends keyof HTMLElementEventMap>(type: K, detail: MmEventDetail<K>): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  /** Reports a failed call as `mm-error` and returns the plain-words message to show. */
  protected fail(step: MmErrorStep, error: unknown): string {
    const { code, message } = describeError(error, this.t);
    this.emit('mm-error', { step, code, message, error });
    return message;
  }

  /** Runs one call: `busy` meanwhile, the last failure cleared; a new one reported and kept in `error`. */
  protected async attempt(step: MmErrorStep, work: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (error) {
      this.error = this.fail(step, error);
    } finally {
      this.busy = false;
    }
  }
}
