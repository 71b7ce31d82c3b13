import type { Micromentor } from '@micromentor/sdk';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { PanelWords } from './api-element.js';
import { ClientElement } from './client-element.js';
import { tabList } from './tabs.js';

/** The words a console's frame shows. */
export interface ShellWords<Tab extends string> extends PanelWords {
  title: string;
  tabs: Record<Tab, string>;
}

/**
 * A console (mentor or admin): loads who the user is, says when they may not use it or when
 * loading failed (with a retry and an `mm-error`), then shows its tabs, one panel at a time.
 */
export abstract class ConsoleShell<
  Api,
  C extends Micromentor,
  Tab extends string,
  Words extends ShellWords<Tab>,
> extends ClientElement<Api, C, Words> {
  /** `refused`: no user, or one who may not use this console. */
  @state() protected phase: 'loading' | 'ready' | 'error' | 'refused' = 'loading';
  /** The tab shown (each console sets its first). */
  @state() protected tab!: Tab;

  /** The console's tabs, in order. */
  protected abstract readonly tabs: readonly Tab[];

  /** Builds the console's calls (`ensureApi` with its client class and calls). */
  protected abstract connectApi(): Api | null;

  /** Loads who the user is: `ready`, or `refused` when they may not use the console. */
  protected abstract start(api: Api): Promise<'ready' | 'refused'>;

  override connectedCallback(): void {
    super.connectedCallback();
    // After the first update: properties the embed script set before this element was defined
    // (key, API base, token) are only applied then. Loading earlier read no user and refused
    // the admin console on every cold load of a page.
    void this.updateComplete.then(() => this.reload());
  }

  /** Loads who the user is (again): the console's first call, and its retry. */
  async reload(): Promise<void> {
    const api = this.connectApi();
    if (!api) {
      this.phase = 'refused';
      return;
    }
    try {
      this.phase = await this.start(api);
    } catch (error) {
      this.fail('console', error);
      this.phase = 'error';
    }
  }

  /** Shows a tab; `focus` when the keyboard moved there (the tab gets focus once rendered). */
  protected selectTab(tab: Tab, focus = false): void {
    this.tab = tab;
    if (focus) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
    }
  }

  /** What the console shows before it is ready: loading, `refused` in its own words, or the failure with a retry. */
  protected renderPhase(refused: string): TemplateResult {
    const t = this.t;
    if (this.phase === 'loading') return html`<p role="status">${t.loading}</p>`;
    if (this.phase === 'refused') return html`<p role="status">${refused}</p>`;
    return html`<p class="error" role="alert">${this.error}</p>
      <button part="button" @click=${() => this.reload()}>${t.retry}</button>`;
  }

  /** The tablist and the one panel beside it. */
  protected renderTabs(panel: TemplateResult): TemplateResult {
    const t = this.t;
    return html`${tabList({ label: t.title, tabs: this.tabs, current: this.tab, names: t.tabs, select: (tab, focus) => this.selectTab(tab, focus) })}
      <div part="panel" id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}" tabindex="0">${panel}</div>`;
  }
}
