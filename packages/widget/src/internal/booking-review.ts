import type { Mentor, SessionFormat, TimeRange } from '@micromentor/sdk';
import { css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { ReviewWords } from '../i18n/review/en.js';
import { phoneNumber } from './limits.js';
import { formatDateTime, slotMinutes } from './time.js';

/** What the review needs of the mentor. */
type ReviewedMentor = Pick<Mentor, 'id' | 'name' | 'formats' | 'hasCallBridge'>;

/** A free time picked with a mentor, in the format the session would take. */
export interface PickedTime<M extends ReviewedMentor = ReviewedMentor> {
  mentor: M;
  slot: TimeRange;
  format: SessionFormat;
}

/** The format a session takes: the one asked for when the mentor offers it, else the mentor's first. */
export function sessionFormat(mentor: Pick<Mentor, 'formats'>, wanted?: SessionFormat | null): SessionFormat {
  return wanted && mentor.formats.includes(wanted) ? wanted : (mentor.formats[0] ?? 'video');
}

/**
 * Nothing is booked in one click: a picked time is shown for review (mentor, date and time in the
 * learner's named time zone, length, format; for a call with a mentor who has no dial-in, the
 * learner's phone number, which only that mentor sees), with "Book" focused (Enter books) and
 * "Change time" (or Escape) back to the time, focused. Every surface that offers free times
 * (the matches, the board of advisors, instant help's fallback) books through one of these.
 */
export class BookingReview<M extends ReviewedMentor = Mentor> {
  /** The time under review; null while none is. */
  picked: PickedTime<M> | null = null;
  /** The phone number typed is not one the server takes (shown inline). */
  phoneBad = false;
  #returnFocus: () => HTMLElement | null | undefined = () => null;

  constructor(
    private readonly host: ReactiveElement,
    private readonly book: (picked: PickedTime<M>, phone: string | undefined) => Promise<unknown>,
  ) {}

  get #phone(): HTMLInputElement | null {
    return this.host.renderRoot.querySelector<HTMLInputElement>('#phone');
  }

  /** Shows the time for review; `returnFocus` finds what "Change time" gives focus back to. */
  async open(picked: PickedTime<M>, returnFocus: () => HTMLElement | null | undefined): Promise<void> {
    this.picked = picked;
    this.phoneBad = false;
    this.#returnFocus = returnFocus;
    this.host.requestUpdate();
    await this.host.updateComplete;
    (this.#phone ?? this.host.renderRoot.querySelector<HTMLElement>('[part~="book-button"]'))?.focus();
  }

  /** Ends the review (booked, or the times it came from are gone). */
  close(): void {
    this.picked = null;
    this.host.requestUpdate();
  }

  async back(): Promise<void> {
    const returnFocus = this.#returnFocus;
    this.close();
    await this.host.updateComplete;
    returnFocus()?.focus();
  }

  async confirm(): Promise<void> {
    const picked = this.picked;
    if (!picked) return;
    const field = this.#phone;
    const phone = field ? phoneNumber(field.value) : undefined;
    if (field && !phone) {
      this.#checkPhone(true);
      field.focus();
      return;
    }
    await this.book(picked, phone ?? undefined);
  }

  #checkPhone(always: boolean): void {
    if (!always && !this.phoneBad) return;
    this.phoneBad = !phoneNumber(this.#phone?.value ?? '');
    this.host.requestUpdate();
  }

  render(t: ReviewWords, locale: string | undefined, busy: boolean): TemplateResult | typeof nothing {
    if (!this.picked) return nothing;
    const { mentor, slot, format } = this.picked;
    return html`<div
      class="review"
      @keydown=${(event: KeyboardEvent) => {
        // Escape goes back a step; the panel around stays open.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        void this.back();
      }}
    >
      <h4>${t.review}</h4>
      <p>${t.withMentor(mentor.name)}</p>
      <p class="when"><time datetime=${slot.start}>${formatDateTime(slot.start, locale)}</time></p>
      <p>${t.zone(Intl.DateTimeFormat().resolvedOptions().timeZone)}</p>
      <p>
        ${new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute' }).format(slotMinutes(slot))} ·
        ${t.formats[format]}
      </p>
      ${
        format === 'call' && !mentor.hasCallBridge
          ? html`<p>
              <label for="phone">${t.phone}</label>
              <input id="phone" type="tel" autocomplete="tel" aria-describedby="phone-hint" aria-invalid=${this.phoneBad}
                @change=${() => this.#checkPhone(true)}
                @input=${() => this.#checkPhone(false)}
                @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && this.confirm()} />
            </p>
            <p id="phone-hint" class=${this.phoneBad ? 'error' : 'hint'}>${this.phoneBad ? t.phoneBad : t.phoneHint}</p>`
          : nothing
      }
      <button part="button book-button" class="primary" type="button" ?disabled=${busy} @click=${() => this.confirm()}>${t.book}</button> <button part="button change-button" type="button" ?disabled=${busy} @click=${() => this.back()}>${t.change}</button>
    </div>`;
  }
}

/** The review's look wherever it shows: spaced from what is above it, its lines close together. */
export const bookingReviewStyles = css`
  .review {
    margin-top: var(--_s3);
  }

  .review > * {
    margin: 0 0 var(--_s2);
  }

  .when {
    font-weight: 600;
  }
`;
