import type { Booking, TimeRange } from '@micromentor/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { confirmDialog, confirmStyles, showConfirm } from '../internal/confirm.js';
import { MmElement } from '../internal/mm-element.js';
import { formatDateTime, formatSlot, slotMinutes } from '../internal/time.js';
import { baseStyles } from '../styles/base.js';

const WEEK = 7 * 86_400_000;

/**
 * @tagname mm-my-help
 * @summary Step 4, "My help": the learner's upcoming and past sessions; cancel one (after a
 * confirm step: Escape keeps it), or move it to another free time of the same mentor.
 *
 * @event mm-booking-cancelled - `detail: { booking }` (the cancelled booking).
 * @event mm-booking-rescheduled - `detail: { booking }` (the booking at its new time).
 * @event mm-error - Loading, cancelling or rescheduling failed; the message is shown too.
 *
 * @csspart button - Every button.
 * @csspart cancel-button - Asks to cancel a session.
 * @csspart confirm-button - Cancels it, in the confirm step.
 * @csspart reschedule-button - Shows a session's new times.
 * @csspart slot-button - A new time.
 * @csspart keep-button - Keeps the session's time.
 */
export class MmMyHelp extends MmElement {
  static override properties: PropertyDeclarations = {
    bookings: { state: true },
    moving: { state: true },
    status: { state: true },
    cancelling: { state: true },
  };

  static override styles = [
    baseStyles,
    confirmStyles,
    css`
      ul {
        list-style: none;
        margin: 0 0 12px;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      li {
        border-top: 1px solid var(--_dv);
        padding-top: 8px;
      }
      li p,
      h4 {
        margin: 0 0 8px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
    `,
  ];

  private bookings: Booking[] | null = null;
  private moving: { booking: Booking; slots: TimeRange[] } | null = null;
  private status = '';
  /** The session whose cancelling waits for the learner's confirmation. */
  private cancelling: Booking | null = null;

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  #run(step: 'bookings' | 'cancel' | 'reschedule', work: () => Promise<unknown>): Promise<void> {
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
    // Its button is gone: focus goes to the heading, above the status.
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

  #move(booking: Booking, slot: TimeRange): Promise<void> {
    return this.#run('reschedule', async () => {
      const moved = await this.api.bookings.reschedule(booking.id, { start: slot.start });
      this.emit('mm-booking-rescheduled', { booking: moved });
      await this.refresh();
      this.status = this.t.mine.moved;
    });
  }

  #item(booking: Booking, upcoming: boolean): TemplateResult {
    const t = this.t.mine;
    const locale = this.resolvedLocale;
    const moving = this.moving?.booking.id === booking.id ? this.moving : null;
    return html`<li>
      <p><strong><time datetime=${booking.start}>${formatDateTime(booking.start, locale)}</time></strong></p>
      <p>${this.t.confirmation.withMentor(booking.mentorName)} · ${this.t.form.formats[booking.format]} · ${t.statuses[booking.status]}</p>
      ${
        upcoming && !moving
          ? html`<div class="actions">
              <button part="button reschedule-button" type="button" ?disabled=${this.busy} @click=${() => this.#pick(booking)}>${t.reschedule}</button>
              <button part="button cancel-button" type="button" ?disabled=${this.busy} @click=${() => this.#ask(booking)}>${this.t.confirmation.cancel}</button>
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

  #list(heading: string, items: Booking[], upcoming: boolean): TemplateResult {
    return html`<h4>${heading}</h4>
      ${
        items.length
          ? html`<ul>${items.map((b) => this.#item(b, upcoming))}</ul>`
          : html`<p class="hint">${this.t.mine.none}</p>`
      }`;
  }

  protected override render(): TemplateResult {
    const t = this.t.mine;
    const now = Date.now();
    const all = this.bookings ?? [];
    const upcoming = all.filter((b) => b.status === 'confirmed' && Date.parse(b.end) > now);
    const past = all.filter((b) => !upcoming.includes(b)).reverse();
    return html`
      <section aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'}>
        <h3 id="heading" tabindex="-1">${t.open}</h3>
        <p role="status">${this.busy && !this.bookings ? t.loading : this.status}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.bookings ? [this.#list(t.upcoming, upcoming, true), this.#list(t.past, past, false)] : nothing}
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
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-my-help': MmMyHelp;
  }
}
