import type { Match } from '@micromentor/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { MmElement } from '../internal/mm-element.js';
import { reasonText } from '../internal/reasons.js';
import { formatSlot, formatSoon } from '../internal/time.js';
import { mentorCardStyles } from './mentor-card.styles.js';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => Array.from(word)[0]!.toUpperCase()).join('');
}

/**
 * @tagname mm-mentor-card
 * @summary One matched mentor: who they are, why they fit, and their next free times.
 *
 * Everything the mentor wrote is rendered as text. Reasons are worded from their `code` and
 * `params` in the learner's language (the server's `text` for codes this release does not know);
 * the code stays on `data-code`.
 *
 * @event mm-slot-select - The learner picked a time. `detail: { mentor, slot }`.
 *
 * @csspart button - Every button.
 * @csspart slot-button - A free time.
 * @slot actions - More ways to reach this mentor, at the foot of the card (e.g. "Message … instead").
 */
export class MmMentorCard extends MmElement {
  static override styles = mentorCardStyles;

  static override properties: PropertyDeclarations = {
    match: { attribute: false },
    disabled: { type: Boolean, reflect: true },
  };

  match: Match | null = null;

  /** Disables the slot buttons (while a booking is on its way). */
  disabled = false;

  #onSlotKeydown(event: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const buttons = Array.from(this.renderRoot.querySelectorAll<HTMLButtonElement>('.slots button'));
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    let next = -1;
    if (step) next = (index + step + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next < 0) return;
    event.preventDefault();
    buttons[next]!.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    const match = this.match;
    if (!match) return nothing;
    const { mentor, reasons, nextSlots } = match;
    const t = this.t.card;
    const locale = this.resolvedLocale;
    const { rating, ratingCount } = mentor.stats;
    // A badge this release has no words for (a newer server's) is left out.
    const labels = mentor.badges.map(({ code }) => t.badges[code]).filter(Boolean);
    return html`
      <article aria-labelledby="name" data-mentor-id=${mentor.id}>
        <header>
          <span class="avatar" aria-hidden="true">${initials(mentor.name)}</span>
          <div>
            <h4 id="name">${mentor.name}</h4>
            ${mentor.headline ? html`<p class="headline">${mentor.headline}</p>` : nothing}
            ${
              rating !== null && ratingCount > 0
                ? html`<p class="rating">
                    <span aria-hidden="true">★ ${rating.toFixed(1)}</span>
                    <span class="sr-only">${t.rating(rating.toFixed(1), ratingCount)}</span>
                  </p>`
                : nothing
            }
            ${labels.length ? html`<p class="badges">🏅 ${labels.join(' · ')}</p>` : nothing}
          </div>
        </header>
        ${
          reasons.length
            ? html`<ul class="reasons">
                ${reasons.map((reason) => html`<li data-code=${reason.code}>${reasonText(reason, this.t, locale)}</li>`)}
              </ul>`
            : nothing
        }
        ${
          nextSlots.length
            ? html`<p class="hint slots-label">${t.slots}</p>
              <div
                class="slots"
                role="group"
                aria-label=${t.slotsFor(mentor.name)}
                @keydown=${this.#onSlotKeydown}
              >
                ${nextSlots.map((slot) => {
                  const time = formatSlot(slot.start, locale);
                  const soon = formatSoon(slot.start, locale);
                  return html`<button
                    part="button slot-button"
                    type="button"
                    data-start=${slot.start}
                    ?disabled=${this.disabled}
                    @click=${() => this.emit('mm-slot-select', { mentor, slot })}
                  >
                    <span>${time}</span> ${soon ? html`<span class="soon">${soon}</span>` : nothing}
                  </button>`;
                })}
              </div>`
            : html`<p class="hint">${t.noSlots}</p>`
        }
        <slot name="actions"></slot>
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-card': MmMentorCard;
  }
}
