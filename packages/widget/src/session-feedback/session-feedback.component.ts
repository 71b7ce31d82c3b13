import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { limitedField } from '../internal/counter.js';
import type { Solved } from '../internal/follow-up-api.js';
import { FollowUpElement } from '../internal/follow-up-element.js';
import { COMMENT_MAX, measure, overLimit } from '../internal/limits.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { sessionFeedbackStyles } from './session-feedback.styles.js';

const SOLVED: Solved[] = ['yes', 'partly', 'no'];

/**
 * @tagname mm-session-feedback
 * @summary The learner's feedback on one session: a 1–5 star rating, whether the problem is
 * solved, and an optional comment. Sent once.
 *
 * @event mm-feedback-submitted - `detail: { bookingId, rating, solved }`.
 * @csspart button - The submit button.
 */
export class MmSessionFeedback extends FollowUpElement {
  static override styles = [baseStyles, consoleStyles, sessionFeedbackStyles];

  @property({ attribute: 'booking-id' }) bookingId = '';

  @state() private rating = 0;
  @state() private sent = false;
  @state() private busy = false;
  /** Limited fields' lengths as typed or pasted, for their counters. */
  @state() private lengths: Record<string, number> = {};

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || overLimit(event.target as HTMLFormElement)) return;
    const data = new FormData(event.target as HTMLFormElement);
    const solved = data.get('solved') as Solved | null;
    const comment = String(data.get('comment') ?? '').trim();
    if (!this.rating) {
      this.error = this.t.feedback.pickRating;
      return;
    }
    if (!solved) {
      this.error = this.t.feedback.pickSolved;
      return;
    }
    this.busy = true;
    await this.act(async (api) => {
      await api.sendFeedback(this.bookingId, {
        rating: this.rating,
        solved,
        ...(comment ? { comment } : {}),
      });
      this.sent = true;
      this.error = '';
      this.emit('mm-feedback-submitted', { bookingId: this.bookingId, rating: this.rating, solved });
    });
    this.busy = false;
  }

  override render() {
    const t = this.t.feedback;
    if (this.sent) return html`<p role="status" class="ok">${t.thanks}</p>`;
    return html`<form
      @submit=${this.#submit}
      @input=${(e: Event) => {
        this.lengths = measure(this.lengths, e);
      }}
    >
      <fieldset>
        <legend>${t.legendRating}</legend>
        <div class="stars">
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<label class=${n <= this.rating ? 'on' : ''}
              ><input
                type="radio"
                name="rating"
                value=${n}
                aria-label=${t.star(n)}
                .checked=${n === this.rating}
                @change=${() => {
                  this.rating = n;
                }}
              /><span aria-hidden="true">★</span></label
            >`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${t.legendSolved}</legend>
        <div class="row">
          ${SOLVED.map(
            (s) =>
              html`<label class="row"><input type="radio" name="solved" value=${s} />${t.solved[s]}</label>`,
          )}
        </div>
      </fieldset>
      ${limitedField({ label: t.comment, name: 'comment', max: COMMENT_MAX, rows: 2 }, this.lengths, this.t.over, this.locale)}
      ${this.alert()}
      <button part="button" class="primary" ?disabled=${this.busy}>${t.submit}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-session-feedback': MmSessionFeedback;
  }
}
