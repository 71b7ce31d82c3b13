import type { AdminMentor, MentorStatus } from '@micromentor/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminApi, MentorAction } from '../internal/admin-console-api.js';
import { AdminListElement, type Page } from '../internal/admin-console-element.js';
import { limitedField } from '../internal/counter.js';
import { measure, overLimit, STATUS_REASON_MAX } from '../internal/limits.js';
import { adminStyles } from '../styles/admin.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/** What an admin may do to a mentor in each status (the server enforces the same). */
const ACTIONS: Record<MentorStatus, MentorAction[]> = {
  pending: ['approve', 'reject'],
  approved: ['pause', 'suspend'],
  paused: ['reinstate', 'suspend'],
  suspended: ['reinstate'],
  rejected: ['approve'],
};
const NEEDS_REASON = new Set<MentorAction>(['reject', 'pause', 'suspend']);
const STATUSES: MentorStatus[] = ['approved', 'paused', 'suspended', 'rejected', 'pending'];
type StatusFilter = MentorStatus | 'any';
/** Skills shown on a row; the rest are counted ("+3 more") and listed in the detail. */
const ROW_SKILLS = 4;

/**
 * @tagname mm-mentor-review
 * @summary Mentor vetting: the applications queue (approve / reject with a reason the applicant
 * sees) or the mentor list (pause / suspend / reinstate), as compact rows with the full profile
 * and the actions behind each name (with open reports and no-shows: how many, the last one's date);
 * search by name or skill, filter by status and skill, paged.
 *
 * @event mm-mentor-status-changed - `detail: { mentor, action }`.
 * @csspart button - Every button.
 */
export class MmMentorReview extends AdminListElement<AdminMentor> {
  static override styles = [baseStyles, consoleStyles, adminStyles];

  /** `applications` shows the pending queue; `list` every mentor, filtered by status. */
  @property() mode: 'applications' | 'list' = 'applications';

  @state() private status: StatusFilter = 'pending';
  @state() private q = '';
  @state() private skill = '';
  @state() private notice = '';
  /** Limited fields' lengths as typed or pasted, for their counters. */
  @state() private lengths: Record<string, number> = {};

  override connectedCallback(): void {
    if (this.mode === 'list') this.status = 'any';
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && changed.get('mode') !== undefined) {
      this.status = this.mode === 'list' ? 'any' : 'pending';
      this.q = '';
      this.skill = '';
      this.firstPage();
    }
  }

  protected fetchPage(api: AdminApi, cursor: string | undefined): Promise<Page<AdminMentor>> {
    return api.mentors({
      status: this.status,
      ...(this.q ? { q: this.q } : {}),
      ...(this.skill ? { skill: this.skill } : {}),
      ...(cursor ? { cursor } : {}),
    });
  }

  #filter(event: Event): void {
    event.preventDefault();
    const form = (event.target as HTMLElement).closest('form');
    if (!form) return;
    const data = new FormData(form);
    this.q = String(data.get('q') ?? '').trim();
    this.skill = String(data.get('skill') ?? '').trim();
    const status = data.get('status');
    if (this.mode === 'list' && typeof status === 'string') this.status = status as StatusFilter;
    this.firstPage();
  }

  #clear(): void {
    this.q = '';
    this.skill = '';
    if (this.mode === 'list') this.status = 'any';
    this.firstPage();
  }

  async #act(event: SubmitEvent, mentor: AdminMentor): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    const submitter = event.submitter as HTMLButtonElement | null;
    const action = submitter?.value as MentorAction | undefined;
    if (!action) return;
    const form = event.target as HTMLFormElement;
    if (overLimit(form)) return;
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    if (NEEDS_REASON.has(action) && !reason) {
      this.notice = '';
      this.error = this.t.mentors.reason(mentor.name);
      form.querySelector('input')?.focus();
      return;
    }
    try {
      const updated = await this.api.act(mentor.id, action, reason);
      this.error = '';
      this.notice = this.t.mentors.done(mentor.name, this.t.mentors.status[updated.status] ?? updated.status);
      this.emit('mm-mentor-status-changed', { mentor: updated, action });
      await this.refresh();
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  override render() {
    const t = this.t.mentors;
    const filtered = Boolean(this.q || this.skill || (this.mode === 'list' && this.status !== 'any'));
    const skills = [...new Set(this.rows.flatMap((m) => m.skills))].sort();
    const listId = `skills-${this.mode}`;
    return html`
      <h3>${this.mode === 'applications' ? t.applications : t.list}</h3>
      <form class="toolbar" role="search" @submit=${this.#filter}>
        <label>${t.search}<input type="search" name="q" maxlength="100" .value=${this.q} /></label>
        <label
          >${t.skill}<input type="text" name="skill" maxlength="64" list=${listId} .value=${this.skill}
        /></label>
        <datalist id=${listId}>${skills.map((s) => html`<option value=${s}></option>`)}</datalist>
        ${
          this.mode === 'list'
            ? html`<label
              >${t.filter}
              <select name="status" @change=${this.#filter}>
                <option value="any" ?selected=${this.status === 'any'}>${t.anyStatus}</option>
                ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${t.status[s]}</option>`)}
              </select>
            </label>`
            : nothing
        }
        <button part="button" class="primary">${t.find}</button>
        ${filtered ? html`<button part="button" type="button" @click=${this.#clear}>${t.clear}</button>` : nothing}
      </form>
      ${this.listBody(
        this.notice,
        filtered ? t.noMatch : t.empty,
        (m) => this.#row(m),
        html`<span class="skeleton-line" style="width: 40%"></span><span class="skeleton-line" style="width: 70%"></span>`,
      )}
    `;
  }

  #row(m: AdminMentor) {
    const t = this.t.mentors;
    const open = this.open.has(m.id);
    const detailId = `mentor-${m.id}`;
    const extra = m.skills.length - ROW_SKILLS;
    const rating =
      m.stats.rating === null ? t.unrated : t.rating(String(m.stats.rating), m.stats.ratingCount);
    return html`<li>
      <div class="summary">
        ${this.disclosure(m.id, detailId, m.name)}
        <span class="badge">${t.status[m.status] ?? m.status}</span>
        ${m.openReports > 0 ? html`<span class="badge alert">${t.openReports(m.openReports)}</span>` : nothing}
        ${m.noShows > 0 ? html`<span class="badge alert">${t.noShows(m.noShows)}</span>` : nothing}
        <ul class="chips">
          ${m.skills.slice(0, ROW_SKILLS).map((s) => html`<li>${s}</li>`)}
          ${extra > 0 ? html`<li>${t.moreSkills(extra)}</li>` : nothing}
        </ul>
      </div>
      <p class="facts">
        ${
          m.status === 'pending'
            ? t.applied(this.when(m.createdAt, 'medium'))
            : `${t.sessions(m.stats.sessions)} · ${rating}`
        }${m.lastNoShowAt ? ` · ${t.lastNoShow(this.when(m.lastNoShowAt, 'medium'))}` : ''}${
          m.statusReason ? ` · ${t.why(m.statusReason)}` : ''
        }
      </p>
      ${open ? this.#detail(m, detailId) : html`<div id=${detailId} hidden></div>`}
    </li>`;
  }

  #detail(m: AdminMentor, id: string) {
    const t = this.t.mentors;
    const actions = ACTIONS[m.status] ?? [];
    return html`<div class="detail" id=${id} role="region" aria-label=${t.details(m.name)}>
      ${m.headline ? html`<p><strong>${m.headline}</strong></p>` : nothing}
      <p class="pre">${m.bio || t.noBio}</p>
      <p class="muted">
        ${t.skills(m.skills.join(', '))} · ${t.languages}: ${m.languages.join(', ')} ·
        ${t.experience(m.yearsExperience)} · ${m.timeZone}
      </p>
      <form
        class="row"
        @submit=${(e: SubmitEvent) => this.#act(e, m)}
        @input=${(e: Event) => {
          this.lengths = measure(this.lengths, e);
        }}
      >
        ${
          actions.some((a) => NEEDS_REASON.has(a))
            ? limitedField(
                { label: t.reason(m.name), name: 'reason', id: `reason-${m.id}`, max: STATUS_REASON_MAX },
                this.lengths,
                this.t.over,
                this.locale,
              )
            : nothing
        }
        ${actions.map(
          (
            a,
          ) => html`<button part="button" class=${a === 'approve' || a === 'reinstate' ? 'primary' : ''} value=${a}>
            ${t.actions[a]}
          </button>`,
        )}
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-review': MmMentorReview;
  }
}
