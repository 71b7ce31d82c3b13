import type { CreateReportParams } from '@micromentor/sdk';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { limitedField } from '../internal/counter.js';
import { FollowUpElement } from '../internal/follow-up-element.js';
import { measure, overLimit, REPORT_DETAILS_MAX } from '../internal/limits.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

type ReportReason = CreateReportParams['reason'];

/**
 * @tagname mm-session-report
 * @summary The learner reports a session or its mentor to the program: a reason and what
 * happened, behind a "Report a problem" button. Sent once.
 *
 * @event mm-report-submitted - `detail: { reportId, mentorId, bookingId, reason }`.
 * @csspart button - Every button.
 */
export class MmSessionReport extends FollowUpElement {
  static override styles = [baseStyles, consoleStyles];

  @property({ attribute: 'mentor-id' }) mentorId = '';
  /** The session it is about (optional: a report can be about the mentor only). */
  @property({ attribute: 'booking-id' }) bookingId = '';

  @state() private open = false;
  @state() private sent = false;
  @state() private busy = false;
  /** Limited fields' lengths as typed or pasted, for their counters. */
  @state() private lengths: Record<string, number> = {};

  async #toggle(open: boolean): Promise<void> {
    this.open = open;
    this.error = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(open ? 'select' : 'button')?.focus();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.busy || overLimit(event.target as HTMLFormElement)) return;
    const data = new FormData(event.target as HTMLFormElement);
    const reason = String(data.get('reason') ?? '') as ReportReason | '';
    const details = String(data.get('details') ?? '').trim();
    if (!reason) {
      this.error = this.t.report.pickReason;
      this.renderRoot.querySelector('select')?.focus();
      return;
    }
    this.busy = true;
    await this.act(async (api) => {
      const report = await api.report({
        mentorId: this.mentorId,
        ...(this.bookingId ? { bookingId: this.bookingId } : {}),
        reason,
        ...(details ? { details } : {}),
      });
      this.sent = true;
      this.error = '';
      this.emit('mm-report-submitted', {
        reportId: report.id,
        mentorId: this.mentorId,
        bookingId: this.bookingId || null,
        reason,
      });
    });
    this.busy = false;
  }

  override render() {
    const t = this.t.report;
    if (this.sent) return html`<p role="status" class="ok">${t.thanks}</p>`;
    if (!this.open) {
      return html`<button part="button" type="button" class="link" aria-expanded="false" @click=${() => this.#toggle(true)}>
        ${t.open}
      </button>`;
    }
    return html`<form
      @submit=${this.#submit}
      @input=${(e: Event) => {
        this.lengths = measure(this.lengths, e);
      }}
      aria-labelledby="report-heading"
    >
      <h5 id="report-heading">${t.heading}</h5>
      <label
        >${t.reason}
        <select name="reason" aria-invalid=${this.error === t.pickReason ? 'true' : 'false'}>
          <option value=""></option>
          ${
            // Every reason the API takes (the catalogue's type is the SDK's), in the catalogue's order.
            (Object.keys(t.reasons) as ReportReason[]).map(
              (r) => html`<option value=${r}>${t.reasons[r]}</option>`,
            )
          }
        </select>
      </label>
      ${limitedField(
        { label: t.details, name: 'details', max: REPORT_DETAILS_MAX, rows: 3 },
        this.lengths,
        this.t.over,
        this.locale,
      )}
      ${this.alert()}
      <div class="row">
        <button part="button" class="primary" ?disabled=${this.busy}>${t.submit}</button>
        <button part="button" type="button" aria-expanded="true" @click=${() => this.#toggle(false)}>${t.cancel}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-session-report': MmSessionReport;
  }
}
