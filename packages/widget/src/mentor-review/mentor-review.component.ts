import type { AdminMentor, MentorStatus } from '@micromentor/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MentorAction } from '../internal/admin-console-api.js';
import { AdminElement } from '../internal/admin-console-element.js';
import { counter } from '../internal/counter.js';
import { measure, overLimit, STATUS_REASON_MAX } from '../internal/limits.js';
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

/**
 * @tagname mm-mentor-review
 * @summary Mentor vetting: the applications queue (approve / reject with a reason the applicant
 * sees) or the mentor list filtered by status (pause / suspend / reinstate).
 *
 * @event mm-mentor-status-changed - `detail: { mentor, action }`.
 * @csspart button - Every button.
 */
export class MmMentorReview extends AdminElement {
  static override styles = [baseStyles, consoleStyles];

  /** `pending` shows the applications queue; anything else the list with a status filter. */
  @property() mode: 'applications' | 'list' = 'applications';

  @state() private status: MentorStatus = 'pending';
  @state() private mentors: AdminMentor[] = [];
  protected override loading = true;
  @state() private notice = '';
  /** Limited fields' lengths as typed or pasted, for their counters. */
  @state() private lengths: Record<string, number> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.mode === 'list') this.status = 'approved';
    void this.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && changed.get('mode') !== undefined) {
      this.status = this.mode === 'list' ? 'approved' : 'pending';
      void this.refresh();
    }
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.mentors = (await api.mentors(this.status)).data;
    });
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
    if (this.loading) return html`<p role="status">${this.t.loading}</p>`;
    return html`
      <h3>${this.mode === 'applications' ? t.applications : t.list}</h3>
      ${
        this.mode === 'list'
          ? html`<label
            >${t.filter}
            <select
              @change=${(e: Event) => {
                this.status = (e.target as HTMLSelectElement).value as MentorStatus;
                void this.refresh();
              }}
            >
              ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${t.status[s]}</option>`)}
            </select>
          </label>`
          : nothing
      }
      <p role="status" class="ok">${this.notice}</p>
      ${this.alert()}
      ${this.mentors.length === 0 ? html`<p>${t.empty}</p>` : nothing}
      <ul class="cards">
        ${this.mentors.map((m) => this.#card(m))}
      </ul>
    `;
  }

  #card(m: AdminMentor) {
    const t = this.t.mentors;
    const actions = ACTIONS[m.status] ?? [];
    const length = this.lengths[`reason-${m.id}`] ?? 0;
    return html`<li class="card">
      <h4>${m.name}</h4>
      <p class="meta">${m.headline} · ${t.status[m.status] ?? m.status}${m.statusReason ? ` · ${m.statusReason}` : ''}</p>
      <p class="meta">${t.skills(m.skills.join(', '))}</p>
      ${m.bio ? html`<p class="pre">${m.bio}</p>` : nothing}
      <form
        class="row"
        @submit=${(e: SubmitEvent) => this.#act(e, m)}
        @input=${(e: Event) => {
          this.lengths = measure(this.lengths, e);
        }}
      >
        ${
          actions.some((a) => NEEDS_REASON.has(a))
            ? html`<label
                  >${t.reason(m.name)}<input
                    type="text"
                    name="reason"
                    id="reason-${m.id}"
                    data-max=${STATUS_REASON_MAX}
                    aria-invalid=${length > STATUS_REASON_MAX ? 'true' : 'false'}
                    aria-describedby="reason-${m.id}-count"
                /></label>
                ${counter(`reason-${m.id}-count`, length, STATUS_REASON_MAX, this.t.over, this.locale)}`
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
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-review': MmMentorReview;
  }
}
