import type { Booking } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type NoShowMessages, noShowMessages } from '../i18n/no-show.js';
import { ApiElement } from '../internal/api-element.js';
import { confirmDialog, confirmStyles, showConfirm } from '../internal/confirm.js';
import type { ConsoleApi } from '../internal/mentor-console-api.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/** How long after a session's end a no-show can still be recorded (the server's NO_SHOW_REPORT_DAYS). */
const REPORT_MS = 7 * 86_400_000;

/**
 * @tagname mm-no-show
 * @summary On a mentor's session card: once the session has started (and up to 7 days after it
 * ended), "The learner didn't come" records a no-show after a confirm step; a session recorded
 * as a no-show says who did not come and when it was recorded. Renders nothing otherwise.
 *
 * @event mm-no-show-recorded - The mentor recorded that the learner did not come. `detail: { booking }` (status `no_show`).
 * @csspart button - Every button.
 * @csspart confirm-button - The confirm step's "Record the no-show".
 */
export class MmNoShow extends ApiElement<ConsoleApi, NoShowMessages> {
  static override styles = [baseStyles, consoleStyles, confirmStyles];

  /** The session. */
  @property({ attribute: false }) booking: Booking | null = null;

  /** The current time (tests set it). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private asking = false;
  @state() private notice = '';

  get t(): NoShowMessages {
    return noShowMessages(this.locale, this);
  }

  async #answer(ok: boolean): Promise<void> {
    this.asking = false;
    const booking = this.booking;
    if (!ok || !booking) return;
    await this.act(async (api) => {
      const updated = await api.noShow(booking.id);
      this.booking = updated;
      this.error = '';
      this.notice = this.t.recorded(updated.learnerName || this.t.someone);
      this.emit('mm-no-show-recorded', { booking: updated });
    });
  }

  async #ask(): Promise<void> {
    this.asking = true;
    await this.updateComplete;
    showConfirm(this.renderRoot);
  }

  override render() {
    const b = this.booking;
    if (!b) return nothing;
    const t = this.t;
    const learner = b.learnerName || t.someone;
    const status = html`<p role="status" class="meta">${this.notice}</p>${this.alert()}`;
    if (b.status === 'no_show' && b.noShow) {
      const recorded = this.when(b.noShow.recordedAt, 'medium');
      return html`${status}<p class="meta">${b.noShow.who === 'learner' ? t.when(learner, recorded) : t.you(recorded)}</p>`;
    }
    const now = this.now().getTime();
    const open =
      (b.status === 'confirmed' || b.status === 'completed') &&
      now >= Date.parse(b.start) &&
      now <= Date.parse(b.end) + REPORT_MS;
    if (!open) return this.error ? status : nothing;
    return html`${status}
      <button part="button" type="button" aria-haspopup="dialog" @click=${this.#ask}>${t.open}</button>
      ${this.asking ? confirmDialog(t.confirm(learner), t.record, t.back, (ok) => void this.#answer(ok)) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-no-show': MmNoShow;
  }
}
