import type { HelpRequest, Match, Mentor } from '@micromentor/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { MmSlotSelectEvent } from '../events/mm-booking-created.js';
import { BookingReview, sessionFormat } from '../internal/booking-review.js';
import { MESSAGE_MAX } from '../internal/limits.js';
import { MmElement } from '../internal/mm-element.js';
import { slotMinutes } from '../internal/time.js';
import '../mentor-card/mentor-card.js';
import { matchListStyles } from './match-list.styles.js';

/** The question as a thread's first message: its title, then its details, within a message's limit. */
function questionMessage(title: string, details: string): string {
  const text = details.trim() ? `${title.trim()}\n\n${details.trim()}` : title.trim();
  return text.length <= MESSAGE_MAX ? text : `${text.slice(0, MESSAGE_MAX - 1).trimEnd()}…`;
}

/**
 * @tagname mm-match-list
 * @summary Step 2: the matched mentors; picking a free time shows it for review (mentor, date
 * and time in the learner's named time zone, length, format; for a call with a mentor who has no
 * dial-in, the learner's phone number, which only that mentor sees), and "Book" books it.
 *
 * @event mm-booking-created - `detail: { booking, mentor }`.
 * @event mm-error - Booking failed; the message is shown above the cards too.
 * @event mm-request-submit - Broadening the question started.
 * @event mm-request-created - The broadened question's matches. `detail: { request, matches }`.
 * @event mm-thread-created - "Message instead" opened a text thread. `detail: { thread, mentor }`.
 *
 * @csspart button - Every button.
 * @csspart slot-button - A free time.
 * @csspart broaden-button - "Search any format", shown when nothing matched.
 * @csspart message-button - "Message … instead", when the program offers text chat.
 * @csspart ask-program-button - "Ask the program", when nobody fits: a mentor of the program takes it.
 * @csspart wait-button - "Tell me when a mentor is here", when nobody fits.
 * @csspart instant-button - "Get instant help now", when nobody fits but a mentor is online and free.
 * @csspart book-button - "Book", on the review of the chosen time (Enter books it).
 * @csspart change-button - "Change time", back to the free times (so does Escape).
 */
export class MmMatchList extends MmElement {
  static override styles = matchListStyles;

  static override properties: PropertyDeclarations = {
    request: { attribute: false },
    results: { attribute: false },
    loading: { type: Boolean, reflect: true },
    chat: { type: Boolean },
    messaged: { state: true },
    chosen: { state: true },
  };

  /** The request the matches are for: its id and format go with the booking. */
  request: HelpRequest | null = null;

  /** Ranked best first (not `matches`: that is `Element.matches()`). */
  results: Match[] = [];

  /** The request is still on its way: shows a busy state. */
  loading = false;

  /** The program offers text chat: mentors who chat get "Message … instead". */
  chat = false;

  /** The mentor whose thread "Message instead" opened. */
  private messaged = '';

  /** Nobody fits: what the learner chose so far (the program has it, they wait for a match). */
  private chosen: { program?: boolean; wait?: boolean } = {};

  /** The time picked, under review before it is booked. */
  readonly #review = new BookingReview(this, ({ mentor, slot, format }, phone) =>
    this.attempt('booking', async () => {
      const booking = await this.api.bookings.create({
        mentorId: mentor.id,
        start: slot.start,
        durationMinutes: slotMinutes(slot),
        format,
        ...(this.request ? { requestId: this.request.id } : {}),
        ...(phone ? { phone } : {}),
      });
      this.emit('mm-booking-created', { booking, mentor });
    }),
  );

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('results') || changed.has('request')) {
      this.error = this.messaged = '';
      this.#review.picked = null;
      this.chosen = {};
    }
  }

  /**
   * "Message instead": opens (or finds) the request's thread with that mentor, opened with the
   * question as its first message (the mentor has something to answer).
   */
  #message(mentor: Mentor): Promise<void> {
    const request = this.request!;
    return this.attempt('message', async () => {
      const thread = await this.api.threads.startForRequest(request.id, {
        mentorId: mentor.id,
        message: questionMessage(request.title, request.details),
      });
      this.messaged = mentor.name;
      this.emit('mm-thread-created', { thread, mentor });
    });
  }

  /** A time picked: shown for review with "Book" focused; nothing is booked yet. */
  #pick(event: MmSlotSelectEvent): void {
    event.stopPropagation();
    if (this.busy) return;
    const { mentor, slot } = event.detail;
    const card = event.target as HTMLElement;
    this.error = '';
    void this.#review.open({ mentor, slot, format: sessionFormat(mentor, this.request?.format) }, () =>
      card.shadowRoot?.querySelector<HTMLElement>(`[data-start="${slot.start}"]`),
    );
  }

  /**
   * No match: asks again — for any format with no rush, or (`now`) as instant help offered to the
   * mentors online (the request-form events drive the panel, which follows an instant request live).
   */
  async #broaden(urgency: 'flexible' | 'now' = 'flexible'): Promise<void> {
    const request = this.request;
    if (!request || !this.client) return;
    this.emit('mm-request-submit', {});
    try {
      const { request: broader, matches } = await this.api.requests.create({
        title: request.title,
        details: request.details,
        urgency,
        ...(urgency === 'now' && request.format ? { format: request.format } : {}),
        context: request.context,
      });
      this.emit('mm-request-created', { request: broader, matches });
    } catch (error) {
      this.error = this.fail('broaden', error);
    }
  }

  /** Nobody fits: the request goes to the program's queue, or waits for a mentor who fits. */
  #choose(choice: 'program' | 'wait'): Promise<void> {
    const id = this.request!.id;
    return this.attempt(choice === 'program' ? 'ask-program' : 'wait', async () => {
      await (choice === 'program' ? this.api.requests.askProgram(id) : this.api.requests.waitForMatch(id));
      this.chosen = { ...this.chosen, [choice]: true };
    });
  }

  /** Nobody fits: "No mentor here knows this well yet", and the ways forward not taken yet. */
  #nobodyFits(): TemplateResult {
    const t = this.t.matches;
    const { program, wait } = this.chosen;
    const request = this.request!;
    return html`<div class="ways">
      ${program ? html`<p role="status">${t.askedProgram}</p>` : nothing}
      ${wait ? html`<p role="status">${t.waiting}</p>` : nothing}
      ${program ? nothing : html`<button part="button ask-program-button" type="button" ?disabled=${this.busy} @click=${() => this.#choose('program')}>${t.askProgram}</button>`}
      ${wait ? nothing : html`<button part="button wait-button" type="button" ?disabled=${this.busy} @click=${() => this.#choose('wait')}>${t.waitForMatch}</button>`}
      ${request.instantHelpAvailable ? html`<button part="button instant-button" type="button" ?disabled=${this.busy} @click=${() => this.#broaden('now')}>${t.instantNow}</button>` : nothing}
    </div>`;
  }

  /** Moves focus to the heading, so screen readers start at the results. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  protected override render(): TemplateResult {
    const t = this.t.matches;
    const busy = this.loading || this.busy;
    const status = this.loading
      ? this.t.form.submitting
      : this.busy
        ? t.booking
        : this.messaged
          ? t.messaged(this.messaged)
          : this.results.length
            ? t.found(this.results.length)
            : t.empty;
    return html`
      <section aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'}>
        <h3 id="heading" tabindex="-1">${this.loading || this.results.length || !this.request ? t.heading : t.noneHeading}</h3>
        <p class="status" role="status">${status}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${!this.loading && !this.results.length && this.request ? this.#nobodyFits() : nothing}
        ${
          !busy &&
          !this.results.length &&
          this.request &&
          (this.request.format || this.request.urgency !== 'flexible')
            ? html`<button part="button broaden-button" type="button" @click=${() => this.#broaden()}>${t.broaden}</button>`
            : nothing
        }
        ${this.#review.render(this.t.slotReview, this.resolvedLocale, this.busy)}
        ${
          this.loading || !this.results.length
            ? nothing
            : html`<ul class="cards" ?hidden=${!!this.#review.picked} @mm-slot-select=${this.#pick}>
                ${this.results.map(
                  (match) => html`<li>
                    <mm-mentor-card
                      exportparts="button,slot-button"
                      .client=${this.client}
                      .match=${match}
                      locale=${this.resolvedLocale}
                      theme=${this.theme}
                      ?disabled=${this.busy}
                    >
                      ${
                        this.chat && this.request && match.mentor.formats.includes('chat')
                          ? html`<button slot="actions" part="button message-button" type="button" ?disabled=${this.busy} @click=${() => this.#message(match.mentor)}>${t.message(match.mentor.name)}</button>`
                          : nothing
                      }
                    </mm-mentor-card>
                  </li>`,
                )}
              </ul>`
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-match-list': MmMatchList;
  }
}
