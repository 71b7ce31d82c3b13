import type { Analytics } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminElement } from '../internal/admin-console-element.js';
import '../bar-chart/bar-chart.js';
import { adminStyles } from '../styles/admin.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

const DAY_MS = 86_400_000;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * @tagname mm-program-analytics
 * @summary Program analytics for a date range: key figures as cards, each saying what it counts
 * over which range (requests, match rate, requests booked, response time, sessions starting in the
 * range and their outcomes, satisfaction, how evenly sessions are spread across mentors), charts
 * with their data tables (or a short "nothing yet" box), and CSV exports.
 *
 * @csspart button - Every button.
 */
export class MmProgramAnalytics extends AdminElement {
  static override styles = [baseStyles, consoleStyles, adminStyles];

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
      ${this.data ? this.#figures(this.data) : this.loading ? this.#skeleton() : nothing}`;
  }

  /** The KPI grid's shape while the first answer is on its way. */
  #skeleton() {
    return html`<ul class="kpis" aria-hidden="true">
      ${Array.from(
        { length: 8 },
        () => html`<li class="kpi skeleton">
          <span class="skeleton-line" style="width: 50%"></span>
          <span class="skeleton-line" style="width: 30%; height: 1.6em"></span>
          <span class="skeleton-line" style="width: 85%"></span>
        </li>`,
      )}
    </ul>`;
  }

  #figures(d: Analytics) {
    const t = this.t.analytics;
    const e = t.explain;
    const locale = this.locale || undefined;
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const day = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    // `to` is exclusive: the range's last day is the day before it.
    const range = t.range(day.format(new Date(d.from)), day.format(new Date(Date.parse(d.to) - DAY_MS)));
    const show = (v: number | null | undefined, f: (n: number) => string = num.format) =>
      v === null || v === undefined ? t.none : f(v);
    const { totals, mentorLoad } = d;
    const { sessions, satisfaction } = totals;
    type Kpi = [label: string, figure: string, explain: string];
    const groups: [heading: string, kpis: Kpi[]][] = [
      [
        t.groups.requests,
        [
          [t.requests, show(totals.requests), e.requests(range)],
          [t.matchRate, show(totals.matchRate, pct.format), e.matchRate(totals.matched, totals.requests)],
          [t.requestsBooked, show(totals.booked), e.requestsBooked(totals.requests, range)],
          [
            t.medianResponse,
            show(totals.medianFirstResponseMinutes, (n) => `${num.format(n)} min`),
            e.medianResponse,
          ],
        ],
      ],
      [
        t.groups.sessions,
        [
          [t.bookingsMade, show(totals.bookingsMade), e.bookingsMade(range)],
          [t.sessionsInRange, show(sessions.booked), e.sessions(range)],
          [t.completed, show(sessions.completed), e.completed(sessions.noShow, sessions.cancelled)],
        ],
      ],
      [
        t.groups.feedback,
        [
          [t.rating, show(satisfaction?.averageRating), e.rating(satisfaction?.responses ?? 0)],
          [t.solved, show(satisfaction?.shareSolved, pct.format), e.solved],
        ],
      ],
      [
        t.load,
        [
          [
            t.top10,
            show(mentorLoad.top10Share, pct.format),
            e.top10(mentorLoad.sessions, mentorLoad.mentors),
          ],
          [
            t.spread,
            show(mentorLoad.gini),
            mentorLoad.gini === null
              ? `${e.spread} ${e.noData}`
              : `${t.spreadReading(mentorLoad.gini)} ${e.spread}`,
          ],
        ],
      ],
    ];
    const label = (p: { start: string }) => p.start.slice(0, 10);
    const chart = (
      caption: string,
      empty: string,
      data: { label: string; value: number }[],
      labelHeader: string,
      valueHeader: string,
      format: (n: number) => string = String,
    ) =>
      data.every((p) => p.value === 0)
        ? html`<section class="chart-empty">
            <h4>${caption}</h4>
            <p>${empty}</p>
          </section>`
        : html`<mm-bar-chart
            caption=${caption}
            label-header=${labelHeader}
            value-header=${valueHeader}
            table-summary=${t.showTable}
            .format=${format}
            .data=${data}
          ></mm-bar-chart>`;
    return html`${groups.map(
      ([heading, kpis]) => html`<section class="kpi-group">
          <h4>${heading}</h4>
          <ul class="kpis">
            ${kpis.map(
              ([k, v, x]) => html`<li class="kpi">
                <p class="label">${k}</p>
                <p class="figure">${v}</p>
                <p class="explain">${x}</p>
              </li>`,
            )}
          </ul>
        </section>`,
    )}
      <h4 class="sr-only">${t.charts}</h4>
      <div class="charts">
        ${chart(
          t.requests,
          t.emptyChart.requests,
          d.series.map((p) => ({ label: label(p), value: p.requests })),
          t.period,
          t.count,
        )}
        ${chart(
          t.sessionsByStart,
          t.emptyChart.sessions,
          d.series.map((p) => ({ label: label(p), value: p.sessions.booked })),
          t.period,
          t.count,
        )}
        ${chart(
          t.ratingPerBucket,
          t.emptyChart.rating,
          d.series.flatMap((p) =>
            p.satisfaction?.averageRating != null
              ? [{ label: label(p), value: p.satisfaction.averageRating }]
              : [],
          ),
          t.period,
          t.rating,
          num.format,
        )}
        ${chart(
          t.topSkills,
          t.emptyChart.topSkills,
          d.topSkills.map((s) => ({ label: s.skill, value: s.requests })),
          t.skill,
          t.count,
        )}
        ${chart(
          t.unmetSkills,
          totals.requests === 0 ? t.emptyChart.requests : t.emptyChart.unmetSkills,
          d.unmetSkills.map((s) => ({ label: s.skill, value: s.requests })),
          t.skill,
          t.count,
        )}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-program-analytics': MmProgramAnalytics;
  }
}
