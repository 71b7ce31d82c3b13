import type { HelpRequest, Match, SessionFormat } from '@micromentor/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MmBookingCreatedDetail, MmSlotSelectEvent } from '../events/mm-booking-created.js';
import { SetupError } from '../internal/errors.js';
import { MmElement } from '../internal/mm-element.js';
import { slotMinutes } from '../internal/time.js';
import '../mentor-card/mentor-card.js';
import { matchListStyles } from './match-list.styles.js';

/**
 * @summary Step 2: the matched mentors; picking a free time books it.
 *
 * @event mm-booking-created - `detail: { booking, mentor }`.
 * @event mm-error - Booking failed; the message is shown above the cards too.
 *
 * @csspart button - Every button. @csspart slot-button - A free time.
 */
export class MmMatchList extends MmElement {
  static override styles = matchListStyles;

  /** The request the matches are for: its id and format go with the booking. */
  @property({ attribute: false }) request: HelpRequest | null = null;

  /** Ranked best first (not `matches`: that is `Element.matches()`). */
  @property({ attribute: false }) results: Match[] = [];

  /** The request is still on its way: shows a busy state. */
  @property({ type: Boolean, reflect: true }) loading = false;

  @state() private booking = false;
  @state() private error = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('results') || changed.has('request')) this.error = '';
  }

  async #book(event: MmSlotSelectEvent): Promise<void> {
    event.stopPropagation();
    if (this.booking) return;
    const { mentor, slot } = event.detail;
    const wanted = this.request?.format;
    const format: SessionFormat =
      wanted && mentor.formats.includes(wanted) ? wanted : (mentor.formats[0] ?? 'video');
    this.booking = true;
    this.error = '';
    try {
      if (!this.client) throw new SetupError('Micromentor: no publishable key or client.');
      const booking = await this.client.bookings.create({
        mentorId: mentor.id,
        start: slot.start,
        durationMinutes: slotMinutes(slot),
        format,
        ...(this.request ? { requestId: this.request.id } : {}),
      });
      this.emit<MmBookingCreatedDetail>('mm-booking-created', { booking, mentor });
    } catch (error) {
      this.error = this.fail('booking', error);
    } finally {
      this.booking = false;
    }
  }

  /** Moves focus to the heading, so screen readers start at the results. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  protected override render(): TemplateResult {
    const t = this.t.matches;
    const busy = this.loading || this.booking;
    const status = this.loading
      ? t.loading
      : this.booking
        ? t.booking
        : this.results.length
          ? t.found(this.results.length)
          : t.empty;
    return html`
      <section aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'}>
        <h3 id="heading" tabindex="-1">${t.heading}</h3>
        <p class="status" role="status">${status}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${
          this.loading || !this.results.length
            ? nothing
            : html`<ul class="cards" @mm-slot-select=${this.#book}>
                ${this.results.map(
                  (match) => html`<li>
                    <mm-mentor-card
                      exportparts="button, slot-button"
                      .client=${this.client}
                      .match=${match}
                      locale=${this.resolvedLocale}
                      theme=${this.theme}
                      ?disabled=${this.booking}
                    ></mm-mentor-card>
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
