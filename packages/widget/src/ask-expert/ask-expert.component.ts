import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { MmCloseDetail, MmCloseReason } from '../events/mm-close.js';
import type { MmOpenDetail } from '../events/mm-open.js';
import { askExpertStyles } from './ask-expert.styles.js';

/**
 * @summary An "Ask an expert" launcher that opens the help panel, floating or inline in a lesson.
 *
 * @event mm-open - The panel opened. `detail: { topic }`.
 * @event mm-close - The panel closed. `detail: { reason: 'escape' | 'close-button' | 'api' }`.
 *
 * @csspart launcher - The "Ask an expert" button.
 * @csspart panel - The dialog that holds the help form.
 * @csspart close-button - The panel's Close button.
 *
 * @cssproperty --mm-accent - Launcher and focus colour. Default `#4338ca`.
 * @cssproperty --mm-radius - Corner radius of buttons and panel. Default `12px`.
 * @cssproperty --mm-font-family - Font stack. Default: the system UI font.
 */
export class MmAskExpert extends LitElement {
  static override styles = askExpertStyles;

  /** What the learner is working on, set by the site owner (e.g. `sql-joins`). */
  @property({ attribute: 'topic', reflect: true }) topic = '';

  @property({ attribute: 'publishable-key' }) publishableKey = '';

  /** API origin; the embed script defaults it to its own origin. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** Short-lived JWT from the host's backend. Not reflected: keep it out of the DOM when set as a property. */
  @property({ attribute: 'user-token' }) userToken = '';

  /** Pins the launcher to the bottom corner of the viewport (the embed script sets it). */
  @property({ attribute: 'floating', type: Boolean, reflect: true }) floating = false;

  @query('[part~="launcher"]') private launcher!: HTMLButtonElement;
  @query('dialog') private panel!: HTMLDialogElement;

  #closeReason: MmCloseReason = 'api';

  get open(): boolean {
    return this.panel?.open ?? false;
  }

  async show(): Promise<void> {
    await this.updateComplete;
    if (this.panel.open) return;
    this.panel.showModal();
    this.#emit<MmOpenDetail>('mm-open', { topic: this.topic });
  }

  async hide(): Promise<void> {
    await this.updateComplete;
    this.#closeWith('api');
  }

  #closeWith(reason: MmCloseReason): void {
    if (!this.panel.open) return;
    this.#closeReason = reason;
    this.panel.close();
  }

  #onCancel(): void {
    // `cancel` only fires for close requests (Escape); the `close` that follows reports it.
    this.#closeReason = 'escape';
  }

  #onClose(): void {
    const reason = this.#closeReason;
    this.#closeReason = 'api';
    this.launcher.focus();
    this.#emit<MmCloseDetail>('mm-close', { reason });
  }

  #emit<T>(type: 'mm-open' | 'mm-close', detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { bubbles: true, composed: true, detail }));
  }

  protected override render(): TemplateResult {
    return html`
      <button part="launcher" type="button" aria-haspopup="dialog" @click=${() => this.show()}>
        Ask an expert
      </button>
      <dialog part="panel" aria-labelledby="title" @cancel=${this.#onCancel} @close=${this.#onClose}>
        <h2 id="title">Ask an expert</h2>
        ${this.topic ? html`<p class="topic">Topic: ${this.topic}</p>` : nothing}
        <p>Describe what you're stuck on…</p>
        <button part="close-button" type="button" @click=${() => this.#closeWith('close-button')}>Close</button>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-ask-expert': MmAskExpert;
  }
}
