import type { Booking, HelpRequest, Mentor } from '@micromentor/sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { MmNextMatch } from '../events/mm-follow-up.js';
import '../thread-view/thread-view.js';
import {
  BookingReview,
  bookingReviewStyles,
  type PickedTime,
  sessionFormat,
} from '../internal/booking-review.js';
import type { LiveEvent, Subscribe } from '../internal/follow-up-api.js';
import { FollowUpElement } from '../internal/follow-up-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import type { MmThreadView } from '../thread-view/thread-view.component.js';
import { instantHelpStyles } from './instant-help.styles.js';

/** A mentor the learner can book instead, as `request.offers_expired` / `request.expired` carry it. */
type NextMatch = MmNextMatch;

type Phase = 'loading' | 'waiting' | 'matched' | 'expired';

const MINUTE = 60_000;

/**
 * @tagname mm-instant-help
 * @summary The learner's side of an instant (`urgency: now`) request: a waiting state while
 * the online mentors are asked, the winner live, the session's chat — or, when nobody accepts
 * within the program's window, scheduled times to book instead (each shown for review before it
 * is booked). Updates live.
 *
 * @event mm-instant-matched - A mentor accepted. `detail: { requestId, booking }`.
 * @event mm-instant-expired - Nobody accepted in time. `detail: { requestId, matches }`.
 * @event mm-booking-created - Booked one of the times offered instead. `detail: { booking }`.
 * @event mm-message-sent - From the chat. `detail: { message }`.
 *
 * @csspart button - Every button.
 * @csspart book-button - "Book", on the review of the time picked instead.
 * @csspart change-button - "Change time", back to the times (so does Escape).
 * @cssproperty --mm-accent - Accent and focus colour. Default `#4338ca`.
 */
export class MmInstantHelp extends FollowUpElement {
  static override styles = [baseStyles, consoleStyles, bookingReviewStyles, instantHelpStyles];

  static override properties: PropertyDeclarations = {
    requestId: { attribute: 'request-id' },
    offers: { type: Number },
    subscribe: { attribute: false },
    phase: { state: true },
    request: { state: true },
    booking: { state: true },
    mentorName: { state: true },
    instead: { state: true },
    booked: { state: true },
    busy: { state: true },
    nobodyOnline: { state: true },
  };

  /** The instant request to follow. */
  requestId = '';
  /** How many mentors it was offered to, when known (the create answer's `offers`). */
  offers = 0;
  /** Live events; by default the SDK's `events.subscribe` (tests give their own). */
  subscribe: Subscribe | null = null;

  private phase: Phase = 'loading';
  private request: HelpRequest | null = null;
  private booking: Booking | null = null;
  private mentorName = '';
  private instead: NextMatch[] = [];
  private booked: Booking | null = null;
  private busy = false;
  /** Expired because nobody had it on offer when we looked (no slots came with an event). */
  private nobodyOnline = false;

  #abort: AbortController | null = null;
  /** A time picked instead, shown for review before it is booked. */
  readonly #review = new BookingReview(this, (picked, phone) => this.#book(picked, phone));

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.api && this.requestId) this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#abort = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('requestId')) && this.api && this.requestId && this.isConnected) {
      this.#start();
    }
  }

  #start(): void {
    this.#abort?.abort();
    const api = this.api;
    if (!api) return;
    this.#abort = new AbortController();
    this.phase = 'loading';
    (this.subscribe ?? api.subscribe)({
      signal: this.#abort.signal,
      // (Re)connected: whatever happened while we were not listening is read back.
      onOpen: () => void this.#load(),
      onEvent: (event) => void this.#onEvent(event),
    });
    void this.#load();
  }

  /** Reads the request: matched → its session; still open → waiting. */
  async #load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const request = await api.request(this.requestId);
      this.request = request;
      if (request.status === 'matched' && !this.booking) {
        const booking = (await api.sessions()).find((b) => b.requestId === request.id);
        if (booking) await this.#matched(booking, '');
      } else if (request.status === 'open' && (this.phase === 'loading' || this.phase === 'waiting')) {
        if (request.liveOffers) this.offers = request.liveOffers;
        // Nobody (left) to accept it: nobody was online, or everyone declined before we listened.
        this.phase = request.liveOffers === 0 ? 'expired' : 'waiting';
        if (request.liveOffers === 0) this.nobodyOnline = true;
      } else if (request.status !== 'open' && request.status !== 'matched' && this.phase !== 'expired') {
        this.phase = 'expired';
      }
      this.error = '';
    } catch (error) {
      this.error = this.describe(error);
      if (this.phase === 'loading') this.phase = 'waiting';
    }
  }

  async #onEvent(event: LiveEvent): Promise<void> {
    const data = event.data;
    if (event.type === 'message.created') {
      if (this.booking && data.threadId === this.booking.threadId) {
        await this.renderRoot.querySelector<MmThreadView>('mm-thread-view')?.refresh();
      }
      return;
    }
    if (data.requestId !== this.requestId) return;
    if (event.type === 'request.accepted' && typeof data.bookingId === 'string' && !this.booking) {
      try {
        await this.#matched(await this.api!.booking(data.bookingId), String(data.mentorName ?? ''));
      } catch (error) {
        this.error = this.describe(error);
      }
    } else if (event.type === 'booking.created' && !this.booking && this.phase !== 'expired') {
      await this.#load();
    } else if (
      (event.type === 'request.offers_expired' || event.type === 'request.expired') &&
      !this.booking
    ) {
      this.instead = Array.isArray(data.matches) ? (data.matches as NextMatch[]) : [];
      this.nobodyOnline = false;
      this.phase = 'expired';
      this.emit('mm-instant-expired', { requestId: this.requestId, matches: this.instead });
    }
  }

  async #matched(booking: Booking, mentorName: string): Promise<void> {
    this.booking = booking;
    this.mentorName = mentorName;
    this.phase = 'matched';
    this.emit('mm-instant-matched', { requestId: this.requestId, booking });
    if (!mentorName) {
      try {
        this.mentorName = (await this.api!.mentor(booking.mentorId)).name;
      } catch {
        // The name is a nicety; the session and chat work without it.
      }
    }
  }

  /** A time picked instead: the mentor's formats decide the session's, then it is shown for review. */
  async #pick(match: NextMatch, slot: { start: string; end: string }): Promise<void> {
    const api = this.api;
    if (!api || this.busy) return;
    this.busy = true;
    let mentor: Mentor;
    try {
      mentor = await api.mentor(match.mentorId);
      this.error = '';
    } catch (error) {
      this.error = this.describe(error);
      return;
    } finally {
      this.busy = false;
    }
    await this.#review.open({ mentor, slot, format: sessionFormat(mentor, this.request?.format) }, () =>
      this.renderRoot.querySelector<HTMLElement>(
        `[data-start="${slot.start}"][data-mentor="${match.mentorId}"]`,
      ),
    );
  }

  async #book({ mentor, slot, format }: PickedTime<Mentor>, phone?: string): Promise<void> {
    const api = this.api;
    if (!api || this.busy) return;
    this.busy = true;
    try {
      const minutes = Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / MINUTE);
      const booking = await api.book({
        mentorId: mentor.id,
        start: slot.start,
        durationMinutes: minutes,
        format,
        ...(phone ? { phone } : {}),
      });
      this.booked = booking;
      this.#review.close();
      this.error = '';
      this.emit('mm-booking-created', { booking, mentor });
    } catch (error) {
      this.error = this.describe(error);
    } finally {
      this.busy = false;
    }
  }

  #session() {
    const t = this.t.instant;
    const booking = this.booking!;
    return html`<p role="status" class="ok">${t.accepted(this.mentorName || '…')}</p>
      <p class="meta">${t.startsAt(this.when(booking.start, 'slot'))}</p>
      ${
        booking.joinUrl
          ? html`<p><a part="button" href=${booking.joinUrl} target="_blank" rel="noopener noreferrer">${t.join}</a></p>`
          : nothing
      }
      ${
        booking.threadId
          ? html`<h4>${t.chat}</h4>
            <mm-thread-view
              .api=${this.api!.conversation}
              .userId=${this.request?.learnerId ?? booking.learnerId}
              thread-id=${booking.threadId}
              single
              locale=${this.locale}
            ></mm-thread-view>`
          : nothing
      }`;
  }

  #insteadView() {
    const t = this.t.instant;
    if (this.booked)
      return html`<p role="status" class="ok">${t.booked(this.when(this.booked.start, 'slot'))}</p>`;
    const withSlots = this.instead.filter((m) => m.nextSlots.length > 0);
    if (withSlots.length === 0) {
      return html`<p role="status">${this.nobodyOnline ? t.nobodyOnline : t.expiredNone}</p>`;
    }
    if (this.#review.picked)
      return this.#review.render(this.t.slotReview, this.locale || undefined, this.busy);
    return html`<p role="status">${t.expired}</p>
      <ul class="cards">
        ${withSlots.map(
          (m) => html`<li class="card">
            <h4>${m.name}</h4>
            <div role="group" aria-label=${this.t.slotsWith(m.name)}>
              ${m.nextSlots.slice(0, 3).map(
                (slot) =>
                  html`<button part="button" type="button" data-mentor=${m.mentorId} data-start=${slot.start}
                    ?disabled=${this.busy} @click=${() => this.#pick(m, slot)}>
                    ${this.when(slot.start, 'slot')}
                  </button>`,
              )}
            </div>
          </li>`,
        )}
      </ul>`;
  }

  override render() {
    const t = this.t.instant;
    const body =
      this.phase === 'loading'
        ? html`<p role="status">${this.t.loading}</p>`
        : this.phase === 'matched'
          ? this.#session()
          : this.phase === 'expired'
            ? this.#insteadView()
            : html`<div class="waiting" role="status">
                <span class="pulse" aria-hidden="true"></span>
                <span>${t.asking(this.offers)}</span>
              </div>
              <p class="meta">${t.waitHint}</p>`;
    return html`<section aria-labelledby="instant">
      <h3 id="instant">${t.heading}</h3>
      ${this.alert()}
      ${body}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-instant-help': MmInstantHelp;
  }
}
