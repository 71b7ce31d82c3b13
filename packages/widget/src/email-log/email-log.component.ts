import type { AdminEmail, AdminEmailDetail, EmailStatus } from '@micromentor/sdk';
import { css, html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminApi } from '../internal/admin-console-api.js';
import { AdminListElement, type Page } from '../internal/admin-console-element.js';
import { adminStyles } from '../styles/admin.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

const STATUSES: EmailStatus[] = ['sent', 'pending', 'failed', 'unaddressed'];

/**
 * @tagname mm-email-log
 * @summary The email the program sent or tried to send, newest first, filtered by status and
 * paged: each row's subject, status (a failed one stands out; "No address" when the recipient has
 * none, so nothing was sent), recipient, kind and time; behind each row every attempt with the
 * SMTP server's reply.
 *
 * @csspart button - Every button.
 * @csspart email-status - Each message's status chip.
 */
export class MmEmailLog extends AdminListElement<AdminEmail> {
  static override styles = [
    baseStyles,
    consoleStyles,
    adminStyles,
    css`
      ul.rows > li.failed {
        border-inline-start: 3px solid var(--_er);
      }
      ol {
        margin: 0;
        padding-inline-start: 1.2em;
      }
      li.refused {
        color: var(--_er);
      }
    `,
  ];

  @state() private status: EmailStatus | '' = '';
  /** Opened messages' attempts, by id (loaded when a row is first opened). */
  @state() private details = new Map<string, AdminEmailDetail>();

  protected fetchPage(api: AdminApi, cursor: string | undefined): Promise<Page<AdminEmail>> {
    return api.emails({ ...(this.status ? { status: this.status } : {}), ...(cursor ? { cursor } : {}) });
  }

  /** A new page also reloads the attempts of the rows still open: a pending message may have been sent since. */
  override async refresh(): Promise<void> {
    this.details = new Map();
    await super.refresh();
    for (const id of this.open) this.#loadDetail(id);
  }

  protected override toggle(id: string): void {
    super.toggle(id);
    if (this.open.has(id)) this.#loadDetail(id);
  }

  /** Fetches a row's attempts once; an unaddressed message has none to fetch. */
  #loadDetail(id: string): void {
    const row = this.rows.find((r) => r.id === id);
    if (!row || row.status === 'unaddressed' || this.details.has(id)) return;
    void this.act(async (api) => {
      const detail = await api.email(id);
      this.details = new Map(this.details).set(id, detail);
    });
  }

  #filter(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.status = STATUSES.find((s) => s === value) ?? '';
    this.firstPage();
  }

  override render() {
    const t = this.t;
    return html`<h3>${t.email.heading}</h3>
      <div class="toolbar">
        <label
          >${t.mentors.filter}
          <select @change=${this.#filter}>
            <option value="" ?selected=${this.status === ''}>${t.mentors.anyStatus}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${t.email.statuses[s]}</option>`)}
          </select>
        </label>
      </div>
      ${this.listBody(
        '',
        this.status ? t.email.noMatch : t.email.empty,
        (m) => this.#row(m),
        html`<span class="skeleton-line" style="width: 60%"></span>`,
      )}`;
  }

  #row(m: AdminEmail): TemplateResult {
    const t = this.t.email;
    const detailId = `email-${m.id}`;
    const recipient = m.to ?? t.parties[m.recipientParty ?? ''] ?? '—';
    return html`<li class=${m.status}>
      <div class="summary">
        ${this.disclosure(m.id, detailId, m.subject)}
        <span part="email-status" class="badge ${m.status === 'failed' ? 'alert' : ''}">${t.statuses[m.status]}</span>
        <span class="facts">${recipient} · ${m.kind} · ${this.when(m.createdAt, 'medium')}</span>
      </div>
      ${
        this.open.has(m.id)
          ? html`<div class="detail" id=${detailId} role="region" aria-label=${t.attemptsOf(m.subject)}>
            ${this.#attempts(m)}
          </div>`
          : html`<div id=${detailId} hidden></div>`
      }
    </li>`;
  }

  #attempts(m: AdminEmail): TemplateResult {
    const t = this.t.email;
    if (m.status === 'unaddressed') return html`<p>${t.notSent}</p>`;
    const detail = this.details.get(m.id);
    if (!detail) return html`<p class="muted">${this.t.loading}</p>`;
    if (detail.attempts.length === 0) return html`<p>${t.noAttempts}</p>`;
    return html`<ol>
      ${detail.attempts.map(
        (a) => html`<li class=${a.ok ? '' : 'refused'}>
          ${t.attempt(a.attempt, this.when(a.at, 'medium'))} · ${a.ok ? t.accepted : t.refused}
          <div class="facts pre">${a.reply}</div>
        </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-email-log': MmEmailLog;
  }
}
