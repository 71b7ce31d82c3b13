import type { Report, ResolveReportParams } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminElement } from '../internal/admin-console-element.js';
import { counter } from '../internal/counter.js';
import { measure, overLimit, REPORT_NOTE_MAX } from '../internal/limits.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/**
 * @tagname mm-report-queue
 * @summary Open reports about mentors: dismiss, or pause / suspend the mentor, with a note.
 *
 * @event mm-report-resolved - `detail: { report, mentor, action }`: the resolved report and the mentor after it.
 * @csspart button - Every button.
 */
export class MmReportQueue extends AdminElement {
  static override styles = [baseStyles, consoleStyles];

  @state() private reports: Report[] = [];
  protected override loading = true;
  @state() private notice = '';
  /** Limited fields' lengths as typed or pasted, for their counters. */
  @state() private lengths: Record<string, number> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.reports = (await api.reports()).data;
    });
  }

  async #resolve(event: SubmitEvent, report: Report): Promise<void> {
    event.preventDefault();
    const action = (event.submitter as HTMLButtonElement | null)?.value as
      | ResolveReportParams['action']
      | undefined;
    if (!action || overLimit(event.target as HTMLFormElement)) return;
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '').trim();
    await this.act(async (api) => {
      const resolved = await api.resolveReport(report.id, action, note);
      this.notice = this.t.reports.resolved;
      this.emit('mm-report-resolved', { ...resolved, action });
      await this.refresh();
    });
  }

  override render() {
    const t = this.t.reports;
    if (this.loading) return html`<p role="status">${this.t.loading}</p>`;
    return html`${this.listHead(t.heading, this.notice, this.reports.length === 0 && t.empty)}
      <ul class="cards">
        ${this.reports.map(
          (r, i) => html`<li class="card">
            <h4>${t.about(r.mentorId)}</h4>
            <p class="meta">${r.reason} · ${new Date(r.createdAt).toLocaleString(this.locale || undefined)}</p>
            ${r.details ? html`<p class="pre">${r.details}</p>` : nothing}
            <form
              class="row"
              @submit=${(e: SubmitEvent) => this.#resolve(e, r)}
              @input=${(e: Event) => {
                this.lengths = measure(this.lengths, e);
              }}
            >
              <label
                >${t.note}<input
                  type="text"
                  name="note"
                  data-max=${REPORT_NOTE_MAX}
                  id="note-${i}"
                  aria-invalid=${(this.lengths[`note-${i}`] ?? 0) > REPORT_NOTE_MAX ? 'true' : 'false'}
                  aria-describedby="note-${i}-count"
              /></label>
              ${counter(`note-${i}-count`, this.lengths[`note-${i}`] ?? 0, REPORT_NOTE_MAX, this.t.over, this.locale)}
              <button part="button" value="dismiss">${t.dismiss}</button>
              <button part="button" value="pause">${t.pause}</button>
              <button part="button" value="suspend">${t.suspend}</button>
            </form>
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-report-queue': MmReportQueue;
  }
}
