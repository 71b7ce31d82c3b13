import { ConflictError, type MentorOffer } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ConsoleElement } from '../internal/mentor-console-element.js';
import { earlierSessions, questionView } from '../internal/request-context.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { requestContextStyles } from '../styles/request-context.js';

/**
 * @tagname mm-offer-inbox
 * @summary The requests offered to the signed-in mentor: who asks and what (the question, the
 * page or lesson it came from, the selected text, earlier sessions with that learner); accept
 * (first one wins), decline, or ask the learner for more detail.
 *
 * @event mm-offer-accepted - The mentor got the request. `detail: { requestId }`.
 * @event mm-offer-declined - `detail: { requestId }`.
 * @event mm-thread-open - Asking for detail opened a conversation. `detail: { threadId }`.
 *
 * @csspart button - Every button.
 */
export class MmOfferInbox extends ConsoleElement {
  static override styles = [baseStyles, consoleStyles, requestContextStyles];

  @state() private offers: MentorOffer[] = [];
  protected override loading = true;
  @state() private notice = '';
  @state() private asking: string | null = null;
  @state() private busy: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Reloads the list (the console calls it when a live `request.*` event arrives). */
  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.offers = (await api.offers()).data;
    });
  }

  async #act(offer: MentorOffer, action: 'accept' | 'decline'): Promise<void> {
    if (!this.api) return;
    this.busy = offer.requestId;
    this.notice = '';
    try {
      if (action === 'accept') {
        await this.api.accept(offer.requestId);
        this.notice = this.t.inbox.accepted;
        this.emit('mm-offer-accepted', { requestId: offer.requestId });
      } else {
        await this.api.decline(offer.requestId);
        this.notice = this.t.inbox.declined;
        this.emit('mm-offer-declined', { requestId: offer.requestId });
      }
    } catch (error) {
      this.notice =
        error instanceof ConflictError && error.code === 'already_taken'
          ? this.t.inbox.taken
          : this.describe(error);
    } finally {
      this.busy = null;
      await this.refresh();
    }
  }

  async #ask(event: SubmitEvent, offer: MentorOffer): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    const form = event.target as HTMLFormElement;
    const text = (new FormData(form).get('question') as string | null)?.trim() ?? '';
    if (!text) return;
    this.busy = offer.requestId;
    try {
      const thread = await this.api.openRequestThread(offer.requestId);
      await this.api.post(thread.id, text);
      this.asking = null;
      this.emit('mm-thread-open', { threadId: thread.id });
    } catch (error) {
      this.notice = this.describe(error);
    } finally {
      this.busy = null;
    }
  }

  override render() {
    const t = this.t.inbox;
    if (this.loading) return this.loadingCards();
    const open = this.offers.filter((o) => o.status === 'offered');
    return html`
      <h3>${t.heading}</h3>
      <p role="status" class="meta">${this.notice || (open.length > 0 ? t.count(open.length) : '')}</p>
      ${this.alert()}
      ${this.offers.length === 0 ? html`<p>${t.empty}</p>` : nothing}
      <ul class="cards">
        ${this.offers.map((offer) => this.#card(offer))}
      </ul>
    `;
  }

  #card(offer: MentorOffer) {
    const t = this.t.inbox;
    const live = offer.status === 'offered';
    const busy = this.busy === offer.requestId;
    return html`<li class="card">
      <h4>${offer.request.title}</h4>
      <p class="meta">
        ${t.from(offer.learner.name)} · ${t.status[offer.status] ?? offer.status}
        ${live && offer.expiresAt ? html` · ${t.expires(this.when(offer.expiresAt, 'medium'))}` : nothing}
      </p>
      ${questionView(offer.request, this.t.context, { withTitle: false })}
      ${earlierSessions(offer.previousSessions, offer.learner.name, this.t.context, (iso) => this.when(iso, 'medium'))}
      ${
        live
          ? html`<div class="row">
              <button part="button" class="primary" ?disabled=${busy} @click=${() => this.#act(offer, 'accept')}>
                ${t.accept}
              </button>
              <button part="button" ?disabled=${busy} @click=${() => this.#act(offer, 'decline')}>${t.decline}</button>
              <button
                part="button"
                aria-expanded=${this.asking === offer.requestId ? 'true' : 'false'}
                @click=${() => {
                  this.asking = this.asking === offer.requestId ? null : offer.requestId;
                }}
              >
                ${t.askDetail}
              </button>
            </div>
            ${
              this.asking === offer.requestId
                ? html`<form @submit=${(e: SubmitEvent) => this.#ask(e, offer)}>
                  <label>${t.askLabel}<textarea name="question" rows="3" maxlength="4000" required></textarea></label>
                  <button part="button" class="primary" ?disabled=${busy}>${t.send}</button>
                </form>`
                : nothing
            }`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-offer-inbox': MmOfferInbox;
  }
}
