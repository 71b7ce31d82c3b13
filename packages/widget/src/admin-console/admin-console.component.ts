import { MicromentorAdmin } from '@micromentor/sdk/admin';
import { html, type TemplateResult } from 'lit';
import '../email-log/email-log.js';
import '../mentor-review/mentor-review.js';
import '../program-analytics/program-analytics.js';
import '../program-settings/program-settings.js';
import '../report-queue/report-queue.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { consoleShellStyles } from '../styles/console-shell.js';
import '../webhook-admin/webhook-admin.js';
import { type AdminMessages, adminMessages } from '../i18n/admin-console.js';
import { type AdminApi, adminApi } from '../internal/admin-console-api.js';
import { ConsoleShell } from '../internal/console-shell.js';
import { loadAdminPart, loadLtiPart } from '../internal/settings-part-loader.js';

const TABS = [
  'applications',
  'mentors',
  'reports',
  'analytics',
  'settings',
  'webhooks',
  'email',
  'lti',
  'audit',
] as const;
type Tab = (typeof TABS)[number];

/**
 * @tagname mm-admin-console
 * @summary The program admin's console: mentor applications and the mentor list (approve,
 * reject, pause, suspend, reinstate), reports, analytics with charts and CSV export, program
 * settings and the API keys (rotated on the server, not here), webhook endpoints with their delivery
 * log, the email the program sent with every attempt, the LMSs that launch the program as an LTI
 * 1.3 tool with the values to paste into them (loaded with the LTI part), and the audit log of
 * every admin action (loaded with the admin part). Its `user-token` is a user with the `admin` role.
 *
 * @event mm-mentor-status-changed - `detail: { mentor, action }`.
 * @event mm-report-resolved - `detail: { report, mentor, action }`.
 * @event mm-settings-saved - `detail: { settings }`.
 * @event mm-webhook-created - `detail: { endpoint }`.
 * @event mm-webhook-secret-rotated - `detail: { endpoint }` (the new secret is shown, never emitted).
 * @event mm-error - Loading the console failed. `detail: { step: 'console', code, message, error }`.
 *
 * @csspart tab - Each tab button.
 * @csspart panel - The active tab's panel.
 * @csspart button - Every button.
 *
 * @cssproperty --mm-accent - Accent, focus and chart colour. Default `#4338ca`.
 * @cssproperty --mm-radius - Corner radius. Default `12px`.
 * @cssproperty --mm-font-family - Font stack. Default: the system UI font.
 */
export class MmAdminConsole extends ConsoleShell<AdminApi, MicromentorAdmin, Tab, AdminMessages> {
  static override styles = [baseStyles, consoleStyles, consoleShellStyles];

  protected override tab: Tab = 'applications';
  protected readonly tabs = TABS;

  get t(): AdminMessages {
    return adminMessages(this.locale, this);
  }

  protected connectApi(): AdminApi | null {
    return this.ensureApi(MicromentorAdmin, adminApi);
  }

  protected async start(api: AdminApi): Promise<'ready' | 'refused'> {
    const me = await api.me();
    return me.user?.roles.includes('admin') ? 'ready' : 'refused';
  }

  override render() {
    const t = this.t;
    if (this.phase !== 'ready') return this.renderPhase(t.needAdmin);
    return html`<section class="console" aria-labelledby="admin-title">
      <h2 id="admin-title">${t.title}</h2>
      ${this.renderTabs(this.#panel())}
    </section>`;
  }

  #panel(): TemplateResult {
    const common = { api: this.api, locale: this.locale };
    switch (this.tab) {
      case 'applications':
        return html`<mm-mentor-review mode="applications" .api=${common.api} locale=${common.locale}></mm-mentor-review>`;
      case 'mentors':
        return html`<mm-mentor-review mode="list" .api=${common.api} locale=${common.locale}></mm-mentor-review>`;
      case 'reports':
        return html`<mm-report-queue .api=${common.api} locale=${common.locale}></mm-report-queue>`;
      case 'analytics':
        return html`<mm-program-analytics .api=${common.api} locale=${common.locale}></mm-program-analytics>`;
      case 'settings':
        // A user's data rights (export, erasure) come from the admin part, when first shown.
        void loadAdminPart();
        return html`<mm-program-settings .api=${common.api} locale=${common.locale}></mm-program-settings>
          <mm-user-data .api=${this.client?.admin.users} locale=${common.locale}></mm-user-data>`;
      case 'webhooks':
        return html`<mm-webhook-admin .api=${common.api} locale=${common.locale}></mm-webhook-admin>`;
      case 'email':
        return html`<mm-email-log .api=${common.api} locale=${common.locale}></mm-email-log>`;
      case 'lti':
        // In the LTI part (dist/lti.js), loaded the first time the tab is shown.
        void loadLtiPart();
        return html`<mm-lti-admin .api=${common.api} locale=${common.locale}></mm-lti-admin>`;
      case 'audit':
        // In the admin part (dist/admin-tools.js), loaded the first time the tab is shown.
        void loadAdminPart();
        return html`<mm-audit-log .api=${common.api} locale=${common.locale}></mm-audit-log>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-admin-console': MmAdminConsole;
  }
}
