import type { TimeRange } from '@micromentor/sdk';
import { html, nothing, type PropertyDeclarations } from 'lit';
import {
  BookingReview,
  bookingReviewStyles,
  type PickedTime,
  sessionFormat,
} from '../internal/booking-review.js';
import type { BoardEntry } from '../internal/follow-up-api.js';
import { FollowUpElement } from '../internal/follow-up-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/**
 * @tagname mm-advisor-board
 * @summary The learner's board of advisors: mentors they keep, with a label, to ask again: their
 * next free times, then the chosen one for review (length, format, time zone, the learner's phone
 * for a call) before it is booked.
 *
 * @event mm-booking-created - Booked through "ask again". `detail: { booking, mentor }`.
 * @event mm-board-changed - An entry was removed. `detail: { mentorId }`.
 * @csspart button - Every button.
 * @csspart book-button - "Book", on the review of the chosen time.
 * @csspart change-button - "Change time", back to the free times (so does Escape).
 */
export class MmAdvisorBoard extends FollowUpElement {
  static override styles = [baseStyles, consoleStyles, bookingReviewStyles];

  static override properties: PropertyDeclarations = {
    duration: { type: Number },
    now: { attribute: false },
    entries: { state: true },
    asking: { state: true },
    slots: { state: true },
    notice: { state: true },
    booking: { state: true },
  };

  /** Session length for "ask again", in minutes. */
  duration = 15;
  /** The current time (tests set it). */
  now: () => Date = () => new Date();

  private entries: BoardEntry[] = [];
  protected override loading = true;
  private asking: string | null = null;
  private slots: TimeRange[] = [];
  private notice = '';
  private booking = false;
  /** The time picked, shown for review in its card before it is booked. */
  readonly #review = new BookingReview<BoardEntry['mentor']>(this, (picked, phone) =>
    this.#book(picked, phone),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.entries = await api.board();
    });
  }

  async #askAgain(mentor: BoardEntry['mentor']): Promise<void> {
    if (!this.api) return;
    this.asking = mentor.id;
    this.slots = [];
    this.notice = '';
    this.#review.close();
    try {
      this.slots = await this.api.nextSlots(mentor.id, this.duration, this.now());
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  #pick(mentor: BoardEntry['mentor'], slot: TimeRange): void {
    this.error = '';
    void this.#review.open({ mentor, slot, format: sessionFormat(mentor) }, () =>
      this.renderRoot.querySelector<HTMLElement>(`[data-start="${slot.start}"]`),
    );
  }

  async #book({ mentor, slot, format }: PickedTime<BoardEntry['mentor']>, phone?: string): Promise<void> {
    if (!this.api || this.booking) return;
    this.booking = true;
    try {
      const booking = await this.api.book({
        mentorId: mentor.id,
        start: slot.start,
        durationMinutes: this.duration,
        format,
        ...(phone ? { phone } : {}),
      });
      this.asking = null;
      this.#review.close();
      this.notice = this.t.board.booked(this.when(booking.start, 'day'));
      this.emit('mm-booking-created', { booking, mentor });
    } catch (error) {
      this.error = this.describe(error);
      // The time may be gone: show the free times as they are now.
      await this.#askAgain(mentor);
    } finally {
      this.booking = false;
    }
  }

  #remove(entry: BoardEntry): Promise<void> {
    return this.act(async (api) => {
      await api.removeFromBoard(entry.mentor.id);
      this.emit('mm-board-changed', { mentorId: entry.mentor.id });
      await this.refresh();
    });
  }

  override render() {
    const t = this.t.board;
    if (this.loading) return this.loadingCards();
    return html`${this.listHead(t.heading, this.notice, this.entries.length === 0 && t.empty)}
      <ul class="cards">
        ${this.entries.map(
          (entry) => html`<li class="card">
            <h4>${entry.mentor.name}${entry.label ? html` <span class="meta">· ${entry.label}</span>` : nothing}</h4>
            <p class="meta">${entry.mentor.headline}</p>
            <div class="row">
              <button part="button" class="primary" @click=${() => this.#askAgain(entry.mentor)}>${t.askAgain}</button>
              <button part="button" aria-label=${t.remove(entry.mentor.name)} @click=${() => this.#remove(entry)}>×</button>
            </div>
            ${
              this.asking !== entry.mentor.id
                ? nothing
                : this.#review.picked
                  ? this.#review.render(this.t.slotReview, this.locale || undefined, this.booking)
                  : this.#slots(entry)
            }
          </li>`,
        )}
      </ul>`;
  }

  #slots(entry: BoardEntry) {
    const t = this.t.board;
    return html`<div role="group" aria-label=${this.t.slotsWith(entry.mentor.name)}>
      <p class="meta">${this.t.slotsWith(entry.mentor.name)}</p>
      ${
        this.slots.length === 0
          ? html`<p>${t.noSlots}</p>`
          : html`<div class="row">
            ${this.slots.map(
              (
                slot,
              ) => html`<button part="button" data-start=${slot.start} @click=${() => this.#pick(entry.mentor, slot)}>
                ${this.when(slot.start, 'day')}
              </button>`,
            )}
          </div>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-advisor-board': MmAdvisorBoard;
  }
}
