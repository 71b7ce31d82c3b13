import type { UserTokenProvider } from '@micromentor/sdk';
import { MicromentorAdmin } from '@micromentor/sdk/admin';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { tabList } from '../internal/tabs.js';
import '../mentor-review/mentor-review.js';
import '../program-analytics/program-analytics.js';
import '../program-settings/program-settings.js';
import '../report-queue/report-queue.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { consoleShellStyles } from '../styles/console-shell.js';
import '../webhook-admin/webhook-admin.js';
import { type AdminApi, adminApi } from '../internal/admin-console-api.js';
import { AdminElement } from '../internal/admin-console-element.js';
import { consoleClient, followIdentity } from '../internal/console-client.js';

const TABS = ['applications', 'mentors', 'reports', 'analytics', 'settings', 'webhooks'] as const;
type Tab = (typeof TABS)[number];

/**
 * @summary The program admin's console: mentor applications and the mentor list (approve,
 * reject, pause, suspend, reinstate), reports, analytics with charts and CSV export, program
 * settings and key rotation, webhook endpoints with their delivery log.
 *
 * @event mm-mentor-status-changed - `detail: { mentor, action }`.
 * @event mm-report-resolved - `detail: { report, mentor, action }`.
 * @event mm-settings-saved - `detail: { settings }`.
 * @event mm-key-rotated - `detail: { kind }`.
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
export class MmAdminConsole extends AdminElement {
  static override styles = [baseStyles, consoleStyles, consoleShellStyles];

  @property({ attribute: 'publishable-key' }) publishableKey = '';
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Short-lived JWT for a user with the `admin` role. */
  @property({ attribute: 'user-token' }) userToken = '';
  @property({ reflect: true }) theme = '';
  @property({ attribute: false }) client: MicromentorAdmin | null = null;
  /** Renews the user token when it expires (set by the embed's `tokenProvider` command). */
  @property({ attribute: false }) tokenProvider: UserTokenProvider | undefined = undefined;

  @state() private tab: Tab = 'applications';
  @state() private phase: 'loading' | 'ready' | 'error' | 'forbidden' = 'loading';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    followIdentity(this, changed);
  }

  #buildApi(): AdminApi | null {
    if (this.api) return this.api;
    const client = consoleClient(this, MicromentorAdmin);
    if (!client) return null;
    this.client = client;
    return adminApi(client);
  }

  async reload(): Promise<void> {
    const api = this.#buildApi();
    if (!api) {
      this.phase = 'forbidden';
      return;
    }
    this.api = api;
    try {
      const me = await api.me();
      this.phase = me.user?.roles.includes('admin') ? 'ready' : 'forbidden';
    } catch (error) {
      this.fail('console', error);
      this.phase = 'error';
    }
  }

  #selectTab(tab: Tab, focus = false): void {
    this.tab = tab;
    if (focus) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
    }
  }

  override render() {
    const t = this.t;
    if (this.phase === 'loading') return html`<p role="status">${t.loading}</p>`;
    if (this.phase === 'forbidden') return html`<p role="status">${t.needAdmin}</p>`;
    if (this.phase === 'error') {
      return html`<p class="error" role="alert">${this.error}</p>
        <button part="button" @click=${() => this.reload()}>${t.retry}</button>`;
    }
    return html`<section class="console" aria-labelledby="admin-title">
      <h2 id="admin-title">${t.title}</h2>
      ${tabList({ label: t.title, tabs: TABS, current: this.tab, names: t.tabs, select: (tab, focus) => this.#selectTab(tab, focus) })}
      <div part="panel" id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}" tabindex="0">${this.#panel()}</div>
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
        return html`<mm-program-settings .api=${common.api} locale=${common.locale}></mm-program-settings>`;
      case 'webhooks':
        return html`<mm-webhook-admin .api=${common.api} locale=${common.locale}></mm-webhook-admin>`;
    }
  }
}
