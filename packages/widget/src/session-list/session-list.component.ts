import type { Booking, TimeRange } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { callWay, dialLink } from '../internal/call.js';
import type { ActionItemInput } from '../internal/mentor-console-api.js';
import { ConsoleElement } from '../internal/mentor-console-element.js';
import { earlierSessions, questionView } from '../internal/request-context.js';
import { saveCalendarFile } from '../internal/save-calendar-file.js';
import '../no-show/no-show.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { requestContextStyles } from '../styles/request-context.js';

interface NotesDraft {
  summary: string;
  items: ActionItemInput[];
}

/**
 * @tagname mm-session-list
 * @summary The mentor's sessions: upcoming ones to join, add to a calendar (.ics), move to
 * another free time or cancel, past ones to write notes and action items for. Each card says
 * who booked and why: the learner's name, their question with the page or lesson it came from
 * and the text they selected, and the mentor's earlier sessions with them and their notes.
 *
 * @event mm-booking-cancelled - The mentor cancelled a session. `detail: { booking }`.
 * @event mm-booking-rescheduled - The mentor moved a session. `detail: { booking }` (at its new time).
 * @event mm-notes-saved - Notes were saved. `detail: { bookingId }`.
 *
 * @csspart button - Every button.
 */
export class MmSessionList extends ConsoleElement {
  static override styles = [baseStyles, consoleStyles, requestContextStyles];

  /** The current time, for splitting upcoming from past (tests set it). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private sessions: Booking[] = [];
  protected override loading = true;
  @state() private notice = '';
  @state() private cancelling: string | null = null;
  /** The session being moved and the mentor's free times for it (null while they load). */
  @state() private moving: { booking: Booking; slots: TimeRange[] | null } | null = null;
  @state() private editing: string | null = null;
  @state() private draft: NotesDraft = { summary: '', items: [] };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.sessions = await api.sessions();
    });
  }

  async #cancel(event: SubmitEvent, booking: Booking): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    const reason = (
      (new FormData(event.target as HTMLFormElement).get('reason') as string | null) ?? ''
    ).trim();
    try {
      const cancelled = await this.api.cancelSession(booking.id, reason);
      this.cancelling = null;
      this.notice = this.t.sessions.cancelled;
      this.emit('mm-booking-cancelled', { booking: cancelled });
      await this.refresh();
    } catch (error) {
      this.notice = this.describe(error);
    }
  }

  /** The session's .ics, fetched with the client's auth (internal/save-calendar-file.ts). */
  async #saveCalendarFile(booking: Booking): Promise<void> {
    if (!this.api) return;
    try {
      saveCalendarFile(this.renderRoot, booking.id, await this.api.calendarFile(booking.id));
    } catch (error) {
      this.notice = this.describe(error);
    }
  }

  async #openMove(booking: Booking): Promise<void> {
    if (this.moving?.booking.id === booking.id) {
      this.moving = null;
      return;
    }
    if (!this.api) return;
    this.moving = { booking, slots: null };
    const minutes = Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60_000);
    try {
      const slots = await this.api.freeTimes(booking.mentorId, minutes);
      if (this.moving?.booking.id === booking.id) {
        this.moving = { booking, slots: slots.filter((s) => s.start !== booking.start).slice(0, 8) };
      }
    } catch (error) {
      this.moving = null;
      this.notice = this.describe(error);
    }
  }

  async #move(booking: Booking, slot: TimeRange): Promise<void> {
    if (!this.api) return;
    try {
      const moved = await this.api.reschedule(booking.id, slot.start);
      this.moving = null;
      this.notice = this.t.sessions.moved(this.when(moved.start, 'day'));
      this.emit('mm-booking-rescheduled', { booking: moved });
      await this.refresh();
    } catch (error) {
      this.notice = this.describe(error);
    }
  }

  async #openNotes(booking: Booking): Promise<void> {
    if (this.editing === booking.id) {
      this.editing = null;
      return;
    }
    this.editing = booking.id;
    this.draft = { summary: '', items: [{ text: '' }] };
    if (!this.api) return;
    try {
      const notes = await this.api.notes(booking.id);
      this.draft = {
        summary: notes.summary,
        items: notes.actionItems.length
          ? notes.actionItems.map(({ id, text }) => ({ id, text }))
          : [{ text: '' }],
      };
    } catch {
      // No notes yet: start from an empty draft.
    }
  }

  async #saveNotes(event: SubmitEvent, booking: Booking): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    const items = this.draft.items
      .map((item) => ({ ...item, text: item.text.trim() }))
      .filter((item) => item.text.length > 0);
    try {
      await this.api.saveNotes(booking.id, this.draft.summary.trim(), items);
      this.notice = this.t.sessions.notesSaved;
      this.editing = null;
      this.emit('mm-notes-saved', { bookingId: booking.id });
    } catch (error) {
      this.notice = this.describe(error);
    }
  }

  #setItem(index: number, text: string): void {
    this.draft = {
      ...this.draft,
      items: this.draft.items.map((item, i) => (i === index ? { ...item, text } : item)),
    };
  }

  override render() {
    const t = this.t.sessions;
    if (this.loading) return this.loadingCards();
    const now = this.now().getTime();
    const upcoming = this.sessions.filter((s) => s.status === 'confirmed' && new Date(s.end).getTime() > now);
    const past = this.sessions
      .filter((s) => !upcoming.includes(s))
      .sort((a, b) => b.start.localeCompare(a.start));
    return html`
      <p role="status" class="meta">${this.notice}</p>
      ${this.alert()}
      <h3>${t.upcoming}</h3>
      ${upcoming.length ? html`<ul class="cards">${upcoming.map((b) => this.#upcoming(b))}</ul>` : html`<p>${t.empty}</p>`}
      <h3>${t.past}</h3>
      ${past.length ? html`<ul class="cards">${past.map((b) => this.#past(b))}</ul>` : html`<p>${t.empty}</p>`}
    `;
  }

  /** How this call happens: the learner's number to call (a tel: link), or the mentor's own dial-in. */
  #call(booking: Booking, learner: string) {
    const t = this.t.sessions;
    const way = callWay(booking);
    if (!way) return nothing;
    return html`<p class="call">
      ${'phone' in way ? html`${t.callLearner(learner)} ${dialLink(way.phone, `tel:${way.phone}`)}` : html`${t.dialIn} ${dialLink(way.dialIn, way.href)}`}
    </p>`;
  }

  #upcoming(booking: Booking) {
    const t = this.t.sessions;
    return html`<li class="card">
      ${this.#who(booking)}
      ${this.#call(booking, booking.learnerName || t.someone)}
      <div class="row">
        ${
          booking.joinUrl
            ? html`<a part="button" href=${booking.joinUrl} target="_blank" rel="noopener noreferrer">${t.join}</a>`
            : nothing
        }
        <button part="button" type="button" @click=${() => this.#saveCalendarFile(booking)}>${t.calendar}</button>
        <button
          part="button"
          aria-expanded=${this.moving?.booking.id === booking.id ? 'true' : 'false'}
          @click=${() => this.#openMove(booking)}
        >
          ${t.reschedule}
        </button>
        <button
          part="button"
          aria-expanded=${this.cancelling === booking.id ? 'true' : 'false'}
          @click=${() => {
            this.cancelling = this.cancelling === booking.id ? null : booking.id;
          }}
        >
          ${t.cancel}
        </button>
      </div>
      ${this.moving?.booking.id === booking.id ? this.#freeTimes(booking, this.moving.slots) : nothing}
      ${
        this.cancelling === booking.id
          ? html`<form @submit=${(e: SubmitEvent) => this.#cancel(e, booking)}>
            <label>${t.cancelReason}<input type="text" name="reason" required maxlength="500" /></label>
            <button part="button" class="primary">${t.confirmCancel}</button>
          </form>`
          : nothing
      }
    </li>`;
  }

  /** Who booked and why: the learner, when and how, their question, earlier sessions with them. */
  #who(booking: Booking) {
    const t = this.t.sessions;
    const learner = booking.learnerName || t.someone;
    return html`<h4>${learner}</h4>
      <p class="meta">
        ${this.when(booking.start, 'day')} · ${this.t.formats[booking.format] ?? booking.format} ·
        ${t.status[booking.status]}
      </p>
      ${booking.request ? questionView(booking.request, this.t.context) : nothing}
      ${earlierSessions(booking.previousSessions, learner, this.t.context, (iso) => this.when(iso, 'medium'))}
      <mm-no-show .api=${this.api} locale=${this.locale} .booking=${booking} .now=${this.now} @mm-no-show-recorded=${() => this.refresh()}></mm-no-show>`;
  }

  #freeTimes(booking: Booking, slots: TimeRange[] | null) {
    const t = this.t.sessions;
    if (!slots) return html`<p role="status">${this.t.loading}</p>`;
    return html`<fieldset>
      <legend>${t.pick}</legend>
      ${
        slots.length
          ? html`<div class="row">
            ${slots.map(
              (slot) =>
                html`<button part="button" @click=${() => this.#move(booking, slot)}>${this.when(slot.start, 'day')}</button>`,
            )}
          </div>`
          : html`<p>${t.noTimes}</p>`
      }
    </fieldset>`;
  }

  #past(booking: Booking) {
    const t = this.t.sessions;
    const editing = this.editing === booking.id;
    return html`<li class="card">
      ${this.#who(booking)}
      ${
        booking.status !== 'cancelled'
          ? html`<button part="button" aria-expanded=${editing ? 'true' : 'false'} @click=${() => this.#openNotes(booking)}>
            ${t.notes}
          </button>`
          : nothing
      }
      ${editing ? this.#notesForm(booking) : nothing}
    </li>`;
  }

  #notesForm(booking: Booking) {
    const t = this.t.sessions;
    return html`<form @submit=${(e: SubmitEvent) => this.#saveNotes(e, booking)}>
      <label
        >${t.summary}<textarea
          rows="3"
          maxlength="4000"
          .value=${this.draft.summary}
          @input=${(e: InputEvent) => {
            this.draft = { ...this.draft, summary: (e.target as HTMLTextAreaElement).value };
          }}
        ></textarea>
      </label>
      <fieldset>
        <legend>${t.actionItems}</legend>
        ${this.draft.items.map(
          (item, i) => html`<div class="row">
            <label class="sr-only" for="item-${i}">${t.itemLabel(i + 1)}</label>
            <input
              id="item-${i}"
              type="text"
              maxlength="500"
              .value=${item.text}
              @input=${(e: InputEvent) => this.#setItem(i, (e.target as HTMLInputElement).value)}
            />
            <button
              type="button"
              part="button"
              aria-label=${t.removeItem(i + 1)}
              @click=${() => {
                this.draft = { ...this.draft, items: this.draft.items.filter((_, j) => j !== i) };
              }}
            >
              ×
            </button>
          </div>`,
        )}
        <button
          type="button"
          part="button"
          ?disabled=${this.draft.items.length >= 20}
          @click=${() => {
            this.draft = { ...this.draft, items: [...this.draft.items, { text: '' }] };
          }}
        >
          ${t.addItem}
        </button>
      </fieldset>
      <button part="button" class="primary">${t.saveNotes}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-session-list': MmSessionList;
  }
}
