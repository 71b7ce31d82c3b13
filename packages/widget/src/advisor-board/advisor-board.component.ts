import type { TimeRange } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { oneClickFormat } from '../internal/call.js';
import type { BoardEntry } from '../internal/follow-up-api.js';
import { FollowUpElement } from '../internal/follow-up-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/**
 * @tagname mm-advisor-board
 * @summary The learner's board of advisors: mentors they keep, with a label, to ask again in one
 * click (their next free times, then book).
 *
 * @event mm-booking-created - Booked through "ask again". `detail: { booking, mentor }`.
 * @event mm-board-changed - An entry was removed. `detail: { mentorId }`.
 * @csspart button - Every button.
 */
export class MmAdvisorBoard extends FollowUpElement {
  static override styles = [baseStyles, consoleStyles];

  /** Session length for "ask again", in minutes. */
  @property({ type: Number }) duration = 15;
  /** The current time (tests set it). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private entries: BoardEntry[] = [];
  protected override loading = true;
  @state() private asking: string | null = null;
  @state() private slots: TimeRange[] = [];
  @state() private notice = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.entries = await api.board();
    });
  }

  async #askAgain(entry: BoardEntry): Promise<void> {
    if (!this.api) return;
    this.asking = entry.mentor.id;
    this.slots = [];
    this.notice = '';
    try {
      this.slots = await this.api.nextSlots(entry.mentor.id, this.duration, this.now());
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  async #book(entry: BoardEntry, slot: TimeRange): Promise<void> {
    if (!this.api) return;
    try {
      const format = oneClickFormat(entry.mentor);
      const booking = await this.api.book(entry.mentor.id, slot.start, this.duration, format);
      this.asking = null;
      this.notice = this.t.board.booked(this.when(booking.start, 'day'));
      this.emit('mm-booking-created', { booking, mentor: entry.mentor });
    } catch (error) {
      this.error = this.describe(error);
      await this.#askAgain(entry);
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
    if (this.loading) return html`<p role="status">${this.t.loading}</p>`;
    return html`${this.listHead(t.heading, this.notice, this.entries.length === 0 && t.empty)}
      <ul class="cards">
        ${this.entries.map(
          (entry) => html`<li class="card">
            <h4>${entry.mentor.name}${entry.label ? html` <span class="meta">· ${entry.label}</span>` : nothing}</h4>
            <p class="meta">${entry.mentor.headline}</p>
            <div class="row">
              <button part="button" class="primary" @click=${() => this.#askAgain(entry)}>${t.askAgain}</button>
              <button part="button" aria-label=${t.remove(entry.mentor.name)} @click=${() => this.#remove(entry)}>×</button>
            </div>
            ${this.asking === entry.mentor.id ? this.#slots(entry) : nothing}
          </li>`,
        )}
      </ul>`;
  }

  #slots(entry: BoardEntry) {
    const t = this.t.board;
    return html`<div role="group" aria-label=${t.slotsFor(entry.mentor.name)}>
      <p class="meta">${t.slotsFor(entry.mentor.name)}</p>
      ${
        this.slots.length === 0
          ? html`<p>${t.noSlots}</p>`
          : html`<div class="row">
            ${this.slots.map(
              (slot) => html`<button part="button" @click=${() => this.#book(entry, slot)}>
                ${t.book(this.when(slot.start, 'day'))}
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
