import type { Booking, Mentor } from '@micromentor/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { callLine } from '../internal/call.js';
import { limitedField } from '../internal/counter.js';
import { CANCEL_REASON_MAX, measure, overLimit } from '../internal/limits.js';
import { MmElement } from '../internal/mm-element.js';
import { safeUrl } from '../internal/safe-url.js';
import { saveCalendarFile } from '../internal/save-calendar-file.js';
import { formatDateTime, formatSession, timeZone } from '../internal/time.js';
import { confirmationStyles } from './confirmation.styles.js';

/**
 * @tagname mm-confirmation
 * @summary Step 3: the booked session, its join link (for a call: the number the mentor calls,
 * or the mentor's dial-in), an `.ics` file and a way to cancel.
 *
 * @event mm-booking-cancelled - `detail: { booking }` (the cancelled booking).
 * @event mm-error - A calendar download or cancellation failed.
 *
 * @csspart button - Every button.
 * @csspart calendar-button - The "Add to calendar" button.
 * @csspart cancel-button - The "Cancel session" button.
 */
export class MmConfirmation extends MmElement {
  static override styles = confirmationStyles;

  static override properties: PropertyDeclarations = {
    booking: { attribute: false },
    mentor: { attribute: false },
    lengths: { state: true },
    asking: { state: true },
  };

  booking: Booking | null = null;
  mentor: Mentor | null = null;
  /** The cancel reason's length as typed or pasted, for its counter. */
  private lengths: Record<string, number> = {};
  /** The confirm step's module, once the first cancel has loaded it. */
  #confirm: typeof import('../internal/confirm.js') | null = null;

  /** "Cancel session" was pressed: the confirm step is showing. */
  private asking = false;

  private get reasonInput(): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>('#reason')!;
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  /** Fetches the `.ics` with the client's auth headers and saves it (internal/save-calendar-file.ts). */
  async #downloadCalendar(): Promise<void> {
    const booking = this.booking;
    if (!booking || !this.client) return;
    this.error = '';
    try {
      saveCalendarFile(this.renderRoot, booking.id, await this.client.bookings.calendar(booking.id));
    } catch (error) {
      this.error = this.fail('calendar', error);
    }
  }

  /** "Cancel session": a reason that fits, then the confirm step; nothing is cancelled before it. */
  async #ask(): Promise<void> {
    if (!this.booking || !this.client || this.busy || overLimit(this.renderRoot)) return;
    // The confirm step comes with the first cancel (its own chunk: the flow entry stays small).
    if (!this.#confirm) {
      this.#confirm = await import('../internal/confirm.js');
      const root = this.renderRoot as ShadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#confirm.confirmStyles.styleSheet!];
    }
    this.asking = true;
    await this.updateComplete;
    this.#confirm.showConfirm(this.renderRoot);
  }

  async #cancel(ok: boolean): Promise<void> {
    this.asking = false;
    const booking = this.booking;
    if (!ok || !booking || !this.client) return;
    const reason = this.reasonInput.value.trim() || this.t.confirmation.cancelReasonDefault;
    await this.attempt('cancel', async () => {
      const cancelled = await this.api.bookings.cancel(booking.id, { reason });
      this.booking = cancelled;
      this.emit('mm-booking-cancelled', { booking: cancelled });
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    const booking = this.booking;
    if (!booking) return nothing;
    const t = this.t.confirmation;
    const cancelled = booking.status === 'cancelled';
    const joinUrl = safeUrl(booking.joinUrl);
    return html`
      <section aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'}>
        <h3 id="heading" tabindex="-1">${cancelled ? t.cancelled : t.heading}</h3>
        ${this.mentor ? html`<p class="mentor">${t.withMentor(this.mentor.name)}</p>` : nothing}
        <p class="when"><time datetime=${booking.start}>${formatSession(booking, this.resolvedLocale)}</time></p>
        <p>${this.t.mine.zone(timeZone())}</p>
        ${
          cancelled
            ? nothing
            : html`
                ${callLine(booking, t)}
                ${
                  booking.format === 'chat' || !joinUrl
                    ? booking.threadId || booking.format === 'chat'
                      ? html`<p class="thread">${t.thread}</p>`
                      : nothing
                    : html`<p><a class="join" href=${joinUrl} target="_blank" rel="noopener noreferrer">${t.join}</a></p>`
                }
                <p>
                  <button part="button calendar-button" type="button" @click=${this.#downloadCalendar}>
                    ${t.calendar}
                  </button>
                </p>
                <div
                  class="cancel"
                  @input=${(event: Event) => {
                    this.lengths = measure(this.lengths, event);
                  }}
                >
                  ${limitedField(
                    {
                      label: t.cancelReason,
                      id: 'reason',
                      apart: true,
                      max: CANCEL_REASON_MAX,
                      placeholder: t.cancelReasonDefault,
                    },
                    this.lengths,
                    this.t.over,
                    this.resolvedLocale,
                  )}
                  <button part="button cancel-button" type="button" ?disabled=${this.busy} @click=${this.#ask}>
                    ${this.busy ? t.cancelling : t.cancel}
                  </button>
                </div>
              `
        }
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </section>
      ${
        this.asking && this.#confirm
          ? this.#confirm.confirmDialog(
              this.t.mine.cancelAsk(booking.mentorName, formatDateTime(booking.start, this.resolvedLocale)),
              t.cancel,
              this.t.mine.keepSession,
              (ok) => this.#cancel(ok),
            )
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-confirmation': MmConfirmation;
  }
}
