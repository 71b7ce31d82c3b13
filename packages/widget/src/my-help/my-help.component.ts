import { type Booking, MicromentorError, type TimeRange } from '@micromentor/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { MmErrorStep } from '../events/mm-error.js';
import { myHelpWords } from '../i18n/my-help.js';
import { callLine } from '../internal/call.js';
import { confirmDialog, confirmStyles, showConfirm } from '../internal/confirm.js';
import { MmElement } from '../internal/mm-element.js';
import { safeUrl } from '../internal/safe-url.js';
import {
  formatDateTime,
  formatRelative,
  formatSession,
  formatSlot,
  slotMinutes,
  timeZone,
} from '../internal/time.js';
import { baseStyles } from '../styles/base.js';

const WEEK = 7 * 86_400_000;
/** How long after a session's end the learner can still say the mentor did not come (the server's window). */
const NO_SHOW_WINDOW = WEEK;

/** Where a session is listed: happening now, still ahead, or over (ended or cancelled). */
type Place = 'now' | 'upcoming' | 'past';

/**
 * @tagname mm-my-help
 * @summary Step 4, "My help": the learner's sessions, each in one place — happening now (join
 * and chat), upcoming (cancel after a confirm step where Escape keeps it, or move to another
 * free time of the same mentor, as often as the program allows) and past (what happened; "They
 * didn't come" within a week, after a confirm step) — in the viewer's time zone, named.
 *
 * @event mm-booking-cancelled - `detail: { booking }` (the cancelled booking).
 * @event mm-booking-rescheduled - `detail: { booking }` (the booking at its new time).
 * @event mm-chat-open - "Chat" on a session happening now: `detail: { threadId }` (the follow-up below opens it).
 * @event mm-no-show-recorded - "They didn't come", confirmed: `detail: { booking }` (now `no_show`).
 * @event mm-error - Loading, cancelling or rescheduling failed; the message is shown too.
 *
 * @csspart button - Every button.
 * @csspart cancel-button - Asks to cancel a session.
 * @csspart confirm-button - Cancels it, in the confirm step.
 * @csspart retry-button - "Try again", when the sessions failed to load.
 * @csspart reschedule-button - Shows a session's new times (gone once the server refused a move for the program's limit).
 * @csspart slot-button - A new time.
 * @csspart keep-button - Keeps the session's time.
 * @csspart join-link - Joins a session happening now.
 * @csspart chat-button - Opens the conversation of a session happening now.
 * @csspart no-show-button - "They didn't come", on a past session (its confirm step follows).
 */
export class MmMyHelp extends MmElement {
  /** The words only My help shows, in the element's language. */
  get #words() {
    return myHelpWords[this.resolvedLocale];
  }

  static override properties: PropertyDeclarations = {
    bookings: { state: true },
    moving: { state: true },
    status: { state: true },
    cancelling: { state: true },
    noShow: { state: true },
  };

  static override styles = [
    baseStyles,
    confirmStyles,
    css`
      /* One rhythm with the follow-up below: 24px above each section's heading (h3), its
         sessions (h4 each) 12px apart, so a button never touches the next heading. */
      h3 {
        margin: var(--_s5) 0 var(--_s3);
      }
      #heading {
        margin-top: 0;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_s3);
      }
      li {
        border-top: 1px solid var(--_dv);
        padding-top: var(--_s2);
      }
      li p,
      h4 {
        margin: 0 0 var(--_s2);
      }
      h4 {
        font-size: 1em;
      }
      a {
        color: var(--_a);
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_s2);
      }
    `,
  ];

  private bookings: Booking[] | null = null;
  private moving: { booking: Booking; slots: TimeRange[] } | null = null;
  private status = '';
  /** The session whose cancelling waits for the learner's confirmation. */
  private cancelling: Booking | null = null;
  /** The past session whose "They didn't come" waits for the learner's confirmation. */
  private noShow: Booking | null = null;
  /** Sessions the server refused to move again (`reschedule_limit`): "Reschedule" is no longer offered. */
  readonly #unmovable = new Set<string>();

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  /** A move past the program's limit says so plainly (other failures: the shared words). */
  protected override fail(step: MmErrorStep, error: unknown): string {
    if (!(error instanceof MicromentorError && error.code === 'reschedule_limit'))
      return super.fail(step, error);
    const message = this.#words.rescheduleLimit;
    this.emit('mm-error', { step, code: error.code, message, error });
    return message;
  }

  #run(step: 'bookings' | 'cancel' | 'reschedule' | 'no-show', work: () => Promise<unknown>): Promise<void> {
    this.status = '';
    return this.attempt(step, work);
  }

  /** Loads (again) the learner's sessions. */
  refresh(): Promise<void> {
    this.moving = null;
    return this.#run('bookings', async () => {
      // One page of up to 100 (earliest first) through the plain call: the SDK's paginated
      // `list` lives on the full client, so its iterator stays out of widget.js.
      const page = await this.api.request<{ data: Booking[] }>('GET', '/v1/bookings', {
        query: { as: 'learner', limit: 100 },
      });
      this.bookings = page.data;
    });
  }

  /** "Cancel session": first the confirm step. */
  async #ask(booking: Booking): Promise<void> {
    this.cancelling = booking;
    await this.updateComplete;
    showConfirm(this.renderRoot);
  }

  async #cancel(ok: boolean): Promise<void> {
    const booking = this.cancelling;
    this.cancelling = null;
    if (!ok || !booking) return;
    await this.#run('cancel', async () => {
      const cancelled = await this.api.bookings.cancel(booking.id, {
        reason: this.t.confirmation.cancelReasonDefault,
      });
      this.emit('mm-booking-cancelled', { booking: cancelled });
      await this.refresh();
      this.status = this.t.confirmation.cancelled;
    });
    await this.#reread();
    // Its button is gone: focus goes to the heading, above the status.
    this.focus();
  }

  async #askNoShow(booking: Booking): Promise<void> {
    this.noShow = booking;
    await this.updateComplete;
    showConfirm(this.renderRoot);
  }

  /** "They didn't come", confirmed: recorded for the mentor (the SDK's `bookings.noShow` call). */
  async #recordNoShow(ok: boolean): Promise<void> {
    const booking = this.noShow;
    this.noShow = null;
    if (!ok || !booking) return;
    await this.#run('no-show', async () => {
      const recorded = await this.api.request<Booking>(
        'POST',
        `/v1/bookings/${encodeURIComponent(booking.id)}/no-show`,
        { body: { who: 'mentor' } },
      );
      this.emit('mm-no-show-recorded', { booking: recorded });
      await this.refresh();
      this.status = this.#words.noShowDone;
    });
    await this.#reread();
    this.focus();
  }

  async #pick(booking: Booking): Promise<void> {
    await this.#run('reschedule', async () => {
      const now = Date.now();
      const { data } = await this.api.mentors.slots(booking.mentorId, {
        from: new Date(now),
        to: new Date(now + WEEK),
        duration: slotMinutes(booking),
      });
      this.moving = { booking, slots: data.filter((slot) => slot.start !== booking.start).slice(0, 8) };
    });
    // Once the buttons are enabled again (not while busy), the first new time takes focus.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="slot-button"], [part~="keep-button"]')?.focus();
  }

  async #move(booking: Booking, slot: TimeRange): Promise<void> {
    await this.#run('reschedule', async () => {
      const moved = await this.api.bookings.reschedule(booking.id, { start: slot.start }).catch((error) => {
        if (error instanceof MicromentorError && error.code === 'reschedule_limit')
          this.#unmovable.add(booking.id);
        throw error;
      });
      this.emit('mm-booking-rescheduled', { booking: moved });
      await this.refresh();
      this.status = this.#words.moved;
    });
    await this.#reread();
  }

  /** After a refusal (the session started or changed meanwhile): the list as it is now, the reason kept. */
  async #reread(): Promise<void> {
    const error = this.error;
    if (!error) return;
    await this.refresh();
    this.error ||= error;
  }

  #item(booking: Booking, place: Place, now: number): TemplateResult {
    const t = { ...this.t.mine, ...this.#words };
    const locale = this.resolvedLocale;
    const moving = this.moving?.booking.id === booking.id ? this.moving : null;
    const join = place === 'now' && booking.format !== 'chat' ? safeUrl(booking.joinUrl) : null;
    const status =
      place === 'now'
        ? formatRelative(booking.start, locale, now)
        : place === 'past' && booking.status === 'confirmed'
          ? t.held
          : booking.noShow?.who === 'mentor'
            ? t.mentorNoShow
            : t.statuses[booking.status];
    // Over, held (not cancelled, nobody recorded as absent), ended less than a week ago.
    const missed =
      place === 'past' &&
      (booking.status === 'confirmed' || booking.status === 'completed') &&
      now - Date.parse(booking.end) < NO_SHOW_WINDOW;
    return html`<li>
      <h4><time datetime=${booking.start}>${formatSession(booking, locale)}</time>${place === 'upcoming' ? ` · ${formatRelative(booking.start, locale, now)}` : nothing}</h4>
      <p>${this.t.confirmation.withMentor(booking.mentorName)} · ${this.t.form.formats[booking.format]} · ${status}</p>
      ${place === 'past' ? nothing : callLine(booking, this.t.confirmation)}
      ${
        place === 'now'
          ? html`<div class="actions">
              ${join ? html`<a part="join-link" href=${join} target="_blank" rel="noopener noreferrer">${this.t.confirmation.join}</a>` : nothing}
              ${booking.threadId ? html`<button part="button chat-button" type="button" @click=${() => this.emit('mm-chat-open', { threadId: booking.threadId! })}>${t.chat}</button>` : nothing}
            </div>`
          : place === 'upcoming' && !moving
            ? html`<div class="actions">
              ${this.#unmovable.has(booking.id) ? nothing : html`<button part="button reschedule-button" type="button" ?disabled=${this.busy} @click=${() => this.#pick(booking)}>${t.reschedule}</button>`}
              <button part="button cancel-button" type="button" ?disabled=${this.busy} @click=${() => this.#ask(booking)}>${this.t.confirmation.cancel}</button>
            </div>`
            : missed
              ? html`<div class="actions">
              <button part="button no-show-button" type="button" ?disabled=${this.busy} @click=${() => this.#askNoShow(booking)}>${t.noShow}</button>
            </div>`
              : nothing
      }
      ${
        moving
          ? html`<div class="actions" role="group" aria-label=${t.pick}>
              ${moving.slots.map(
                (slot) =>
                  html`<button part="button slot-button" type="button" ?disabled=${this.busy} @click=${() => this.#move(booking, slot)}>${formatSlot(slot.start, locale)}</button>`,
              )}
              ${moving.slots.length ? nothing : html`<p class="hint">${this.t.card.noSlots}</p>`}
              <button part="button keep-button" type="button" @click=${() => {
                this.moving = null;
              }}>${t.keep}</button>
            </div>`
          : nothing
      }
    </li>`;
  }

  #list(heading: string, items: Booking[], place: Place, now: number): TemplateResult {
    return html`<h3>${heading}</h3>
      ${
        items.length
          ? html`<ul>${items.map((b) => this.#item(b, place, now))}</ul>`
          : html`<p class="hint">${this.#words.none}</p>`
      }`;
  }

  protected override render(): TemplateResult {
    const t = { ...this.t.mine, ...this.#words };
    const now = Date.now();
    const all = this.bookings ?? [];
    // Each session in one place: by its status, then by the clock (a confirmed one is "Held"
    // once its end has passed, before the server's completion job marks it).
    const place = (b: Booking): Place =>
      b.status !== 'confirmed' || Date.parse(b.end) <= now
        ? 'past'
        : Date.parse(b.start) <= now
          ? 'now'
          : 'upcoming';
    const live = all.filter((b) => place(b) === 'now');
    const upcoming = all.filter((b) => place(b) === 'upcoming');
    const past = all.filter((b) => place(b) === 'past').reverse();
    return html`
      <section aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'}>
        <h3 id="heading" tabindex="-1">${t.open}</h3>
        <p role="status">${this.busy && !this.bookings ? t.loading : this.status}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${
          this.error && !this.bookings && !this.busy
            ? html`<button part="button retry-button" type="button" @click=${() => this.refresh()}>${t.retry}</button>`
            : nothing
        }
        ${
          this.bookings
            ? html`<p>${t.zone(timeZone())}</p>
                ${live.length ? this.#list(t.now, live, 'now', now) : nothing}
                ${this.#list(t.upcoming, upcoming, 'upcoming', now)} ${this.#list(t.past, past, 'past', now)}`
            : nothing
        }
      </section>
      ${
        this.cancelling
          ? confirmDialog(
              t.cancelAsk(
                this.cancelling.mentorName,
                formatDateTime(this.cancelling.start, this.resolvedLocale),
              ),
              this.t.confirmation.cancel,
              t.keepSession,
              (ok) => this.#cancel(ok),
            )
          : nothing
      }
      ${
        this.noShow
          ? confirmDialog(
              t.noShowAsk(this.noShow.mentorName, formatDateTime(this.noShow.start, this.resolvedLocale)),
              t.noShowConfirm,
              t.noShowKeep,
              (ok) => this.#recordNoShow(ok),
            )
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-my-help': MmMyHelp;
  }
}
