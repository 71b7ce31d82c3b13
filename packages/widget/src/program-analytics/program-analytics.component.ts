import type { Analytics } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminElement } from '../internal/admin-console-element.js';
import '../bar-chart/bar-chart.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

const DAY_MS = 86_400_000;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * @tagname mm-program-analytics
 * @summary Program analytics for a date range: requests, match rate, response time, outcomes,
 * satisfaction, requested and unmet skills, mentor load — as charts with their data tables —
 * and CSV exports.
 *
 * @csspart button - Every button.
 */
export class MmProgramAnalytics extends AdminElement {
  static override styles = [baseStyles, consoleStyles];

  /** The current time, for the default range (the last 30 days). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private from = '';
  @state() private to = '';
  @state() private bucket: 'day' | 'week' = 'week';
  @state() private data: Analytics | null = null;
  protected override loading = true;

  override connectedCallback(): void {
    super.connectedCallback();
    const now = this.now();
    this.to ||= isoDate(now);
    this.from ||= isoDate(new Date(now.getTime() - 29 * DAY_MS));
    void this.refresh();
  }

  /** The range as UTC instants: from the start of `from` to the end of `to`. */
  #range(): { from: string; to: string } {
    return {
      from: `${this.from}T00:00:00.000Z`,
      to: new Date(Date.parse(`${this.to}T00:00:00.000Z`) + DAY_MS).toISOString(),
    };
  }

  refresh(): Promise<void> {
    this.loading = true;
    return this.load(async (api) => {
      const { from, to } = this.#range();
      this.data = await api.analytics(from, to, this.bucket);
    });
  }

  async #export(kind: 'requests' | 'bookings' | 'feedback'): Promise<void> {
    if (!this.api) return;
    try {
      const { from, to } = this.#range();
      const csv = await this.api.exportCsv(`${kind}.csv`, from, to);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${kind}-${this.from}-${this.to}.csv`;
      this.renderRoot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.from = String(data.get('from'));
    this.to = String(data.get('to'));
    this.bucket = data.get('bucket') === 'day' ? 'day' : 'week';
    void this.refresh();
  }

  override render() {
    const t = this.t.analytics;
    const pct = new Intl.NumberFormat(this.locale || undefined, {
      style: 'percent',
      maximumFractionDigits: 0,
    });
    const num = new Intl.NumberFormat(this.locale || undefined, { maximumFractionDigits: 2 });
    const d = this.data;
    const totals = d?.totals;
    const show = (v: number | null | undefined, f: (n: number) => string = num.format) =>
      v === null || v === undefined ? t.none : f(v);
    const cells: [string, string][] = [
      [t.requests, show(totals?.requests)],
      [t.matchRate, show(totals?.matchRate, pct.format)],
      [t.medianResponse, show(totals?.medianFirstResponseMinutes, (n) => `${num.format(n)} min`)],
      [t.booked, show(totals?.sessions.booked)],
      [t.completed, show(totals?.sessions.completed)],
      [t.noShow, show(totals?.sessions.noShow)],
      [t.cancelled, show(totals?.sessions.cancelled)],
      [t.rating, show(totals?.satisfaction?.averageRating)],
      [t.solved, show(totals?.satisfaction?.shareSolved, pct.format)],
      [t.top10, show(d?.mentorLoad.top10Share, pct.format)],
      [t.gini, show(d?.mentorLoad.gini)],
    ];
    return html`<h3>${t.heading}</h3>
      <form class="row" @submit=${this.#submit}>
        <label>${t.from}<input type="date" name="from" required .value=${this.from} /></label>
        <label>${t.to}<input type="date" name="to" required .value=${this.to} /></label>
        <label
          >${t.bucket}
          <select name="bucket">
            <option value="day" ?selected=${this.bucket === 'day'}>${t.day}</option>
            <option value="week" ?selected=${this.bucket === 'week'}>${t.week}</option>
          </select>
        </label>
        <button part="button" class="primary">${t.update}</button>
        <button part="button" type="button" @click=${() => this.#export('requests')}>${t.exportRequests}</button>
        <button part="button" type="button" @click=${() => this.#export('bookings')}>${t.exportBookings}</button>
        <button part="button" type="button" @click=${() => this.#export('feedback')}>${t.exportFeedback}</button>
      </form>
      <div role="status" aria-live="polite" class="meta">${this.loading ? this.t.loading : ''}</div>
      ${this.alert()}
      ${
        d
          ? html`<dl class="stats">${cells.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
            ${d.series.length === 0 ? html`<p>${t.empty}</p>` : nothing}
            <mm-bar-chart
              caption=${t.requests}
              label-header=${t.period}
              value-header=${t.count}
              table-summary=${t.showTable}
              .data=${d.series.map((p) => ({ label: p.start.slice(0, 10), value: p.requests }))}
            ></mm-bar-chart>
            <mm-bar-chart
              caption=${t.booked}
              label-header=${t.period}
              value-header=${t.count}
              table-summary=${t.showTable}
              .data=${d.series.map((p) => ({ label: p.start.slice(0, 10), value: p.sessions.booked }))}
            ></mm-bar-chart>
            <mm-bar-chart
              caption=${t.ratingPerBucket}
              label-header=${t.period}
              value-header=${t.rating}
              table-summary=${t.showTable}
              .format=${num.format}
              .data=${d.series.flatMap((p) =>
                p.satisfaction?.averageRating != null
                  ? [{ label: p.start.slice(0, 10), value: p.satisfaction.averageRating }]
                  : [],
              )}
            ></mm-bar-chart>
            <mm-bar-chart
              caption=${t.topSkills}
              label-header=${t.skill}
              value-header=${t.count}
              table-summary=${t.showTable}
              .data=${d.topSkills.map((s) => ({ label: s.skill, value: s.requests }))}
            ></mm-bar-chart>
            <mm-bar-chart
              caption=${t.unmetSkills}
              label-header=${t.skill}
              value-header=${t.count}
              table-summary=${t.showTable}
              .data=${d.unmetSkills.map((s) => ({ label: s.skill, value: s.requests }))}
            ></mm-bar-chart>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-program-analytics': MmProgramAnalytics;
  }
}
