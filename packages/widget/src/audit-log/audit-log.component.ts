import type { AuditEntry } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { type AuditLogMessages, auditLogMessages } from '../i18n/audit-log.js';
import type { AdminApi } from '../internal/admin-console-api.js';
import { PartElement, partStyles } from '../internal/part-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { auditLogStyles } from './audit-log.styles.js';

/** The admin console's calls this panel makes. */
export type AuditLogApi = Pick<AdminApi, 'audit' | 'exportAudit'>;

/**
 * @tagname mm-audit-log
 * @summary The program's audit log (the admin console's "Audit log" tab, in the settings part):
 * every admin write and export, newest first — when, who (the admin's name as it is now, or the
 * server's secret key or CLI), what (the action, its target and the fields it set) and from which
 * address — a page at a time, and the whole log to download as CSV or JSON lines. Read-only: the
 * API has no way to change an entry.
 *
 * @csspart button - Every button.
 */
export class MmAuditLog extends PartElement<AuditLogApi, AuditLogMessages> {
  static override styles = [baseStyles, consoleStyles, partStyles, auditLogStyles];

  @state() private entries: AuditEntry[] = [];
  @state() private next: string | null = null;
  @state() private notice = '';
  @state() private busy = false;
  protected override loading = true;

  get t(): AuditLogMessages {
    return auditLogMessages(this.locale, this);
  }

  refresh(): Promise<void> {
    this.loading = true;
    return this.load(async (api) => {
      const page = await api.audit({});
      this.entries = page.data;
      this.next = page.nextCursor;
    });
  }

  async #more(): Promise<void> {
    const cursor = this.next;
    if (!cursor || this.busy) return;
    this.busy = true;
    await this.act(async (api) => {
      const page = await api.audit({ cursor });
      this.entries = [...this.entries, ...page.data];
      this.next = page.nextCursor;
      this.error = '';
    });
    this.busy = false;
  }

  async #download(format: 'csv' | 'jsonl'): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.notice = '';
    await this.act(async (api) => {
      const file = await api.exportAudit(format);
      const url = URL.createObjectURL(
        new Blob([file], { type: format === 'csv' ? 'text/csv' : 'application/jsonl' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `audit-log.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      this.notice = this.t.downloaded;
      this.error = '';
    });
    this.busy = false;
  }

  #who(e: AuditEntry): string {
    const t = this.t;
    if (e.actor.keyKind === 'cli') return t.cli;
    if (e.actor.userId === null) return t.server;
    return e.actor.name ?? t.someone(e.actor.userId);
  }

  override render() {
    const t = this.t;
    const head = html`<h3>${t.heading}</h3>
      <p>${t.intro}</p>`;
    if (this.loading) return html`${head}<p role="status">${t.loading}</p>`;
    return html`${head}
      <div class="row">
        <button part="button" type="button" ?disabled=${this.busy} @click=${() => this.#download('csv')}>${t.csv}</button>
        <button part="button" type="button" ?disabled=${this.busy} @click=${() => this.#download('jsonl')}>${t.jsonl}</button>
      </div>
      <p role="status" class="ok">${this.notice}</p>
      ${this.alert()}
      ${
        this.entries.length === 0
          ? this.error
            ? nothing
            : html`<p>${t.empty}</p>`
          : html`<div class="table" role="region" tabindex="0" aria-label=${t.caption}>
            <table>
              <caption class="sr-only">${t.caption}</caption>
              <thead>
                <tr><th scope="col">${t.when}</th><th scope="col">${t.who}</th><th scope="col">${t.what}</th><th scope="col">${t.from}</th></tr>
              </thead>
              <tbody>
                ${this.entries.map(
                  (e) => html`<tr>
                    <td>${this.when(e.at, 'medium')}</td>
                    <td>${this.#who(e)}${e.actor.keyPrefix ? html` <code>${e.actor.keyPrefix}</code>` : nothing}</td>
                    <td>
                      <code>${e.action}</code>${e.target ? html` · <code>${e.target}</code>` : nothing}
                      ${e.summary.fields.length ? html`<div class="meta">${t.fields(e.summary.fields.join(', '))}</div>` : nothing}
                    </td>
                    <td>${e.clientIp ?? '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
      }
      ${
        this.next
          ? html`<button part="button" type="button" ?disabled=${this.busy} @click=${this.#more}>${t.more}</button>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-audit-log': MmAuditLog;
  }
}
