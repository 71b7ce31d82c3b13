import type { AdminReport, ResolveReportParams } from '@micromentor/sdk';
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminApi } from '../internal/admin-console-api.js';
import { AdminListElement, type Page } from '../internal/admin-console-element.js';
import { limitedField } from '../internal/counter.js';
import { measure, overLimit, REPORT_NOTE_MAX } from '../internal/limits.js';
import { adminStyles } from '../styles/admin.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

type Reason = AdminReport['reason'];
const REASONS: Reason[] = ['no_show', 'inappropriate', 'harassment', 'spam', 'unqualified', 'other'];

/**
 * @tagname mm-report-queue
 * @summary Open reports about mentors as compact rows (mentor, reason, when), filtered by reason
 * and paged; the details and the actions (dismiss, or pause / suspend the mentor, with a note)
 * open behind each row.
 *
 * @event mm-report-resolved - `detail: { report, mentor, action }`: the resolved report and the mentor after it.
 * @csspart button - Every button.
 */
export class MmReportQueue extends AdminListElement<AdminReport> {
  static override styles = [baseStyles, consoleStyles, adminStyles];

  @state() private reason: Reason | '' = '';
  @state() private notice = '';
  /** Limited fields' lengths as typed or pasted, for their counters. */
  @state() private lengths: Record<string, number> = {};

  protected fetchPage(api: AdminApi, cursor: string | undefined): Promise<Page<AdminReport>> {
    return api.reports({ ...(this.reason ? { reason: this.reason } : {}), ...(cursor ? { cursor } : {}) });
  }

  #filter(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.reason = REASONS.find((r) => r === value) ?? '';
    this.firstPage();
  }

  async #resolve(event: SubmitEvent, report: AdminReport): Promise<void> {
    event.preventDefault();
    const action = (event.submitter as HTMLButtonElement | null)?.value as
      | ResolveReportParams['action']
      | undefined;
    if (!action || overLimit(event.target as HTMLFormElement)) return;
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '').trim();
    await this.act(async (api) => {
      const resolved = await api.resolveReport(report.id, action, note);
      this.error = '';
      this.notice = this.t.reports.resolved;
      this.emit('mm-report-resolved', { ...resolved, action });
      await this.refresh();
    });
  }

  override render() {
    const t = this.t.reports;
    return html`<h3>${t.heading}</h3>
      <div class="toolbar">
        <label
          >${t.reason}
          <select @change=${this.#filter}>
            <option value="" ?selected=${this.reason === ''}>${t.anyReason}</option>
            ${REASONS.map((r) => html`<option value=${r} ?selected=${r === this.reason}>${t.reasons[r]}</option>`)}
          </select>
        </label>
      </div>
      ${this.listBody(
        this.notice,
        this.reason ? t.noMatch : t.empty,
        (r) => this.#row(r),
        html`<span class="skeleton-line" style="width: 50%"></span>`,
      )}`;
  }

  #row(r: AdminReport) {
    const t = this.t.reports;
    const open = this.open.has(r.id);
    const detailId = `report-${r.id}`;
    return html`<li>
      <div class="summary">
        ${this.disclosure(r.id, detailId, t.about(r.mentorName))}
        <span class="badge">${t.reasons[r.reason] ?? r.reason}</span>
        <span class="facts">${t.reported(this.when(r.createdAt, 'medium'))}${r.bookingId ? ` · ${t.aboutSession}` : ''}</span>
      </div>
      ${
        open
          ? html`<div class="detail" id=${detailId} role="region" aria-label=${t.details(r.mentorName)}>
            <p class="pre">${r.details || t.noDetails}</p>
            <form
              class="row"
              @submit=${(e: SubmitEvent) => this.#resolve(e, r)}
              @input=${(e: Event) => {
                this.lengths = measure(this.lengths, e);
              }}
            >
              ${limitedField(
                { label: t.note, name: 'note', id: `note-${r.id}`, max: REPORT_NOTE_MAX },
                this.lengths,
                this.t.over,
                this.locale,
              )}
              <button part="button" value="dismiss">${t.dismiss}</button>
              <button part="button" value="pause">${t.pause}</button>
              <button part="button" value="suspend">${t.suspend}</button>
            </form>
          </div>`
          : html`<div id=${detailId} hidden></div>`
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-report-queue': MmReportQueue;
  }
}
