import type { CalendarFeed } from '@micromentor/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { type CalendarFeedMessages, calendarFeedMessages } from '../i18n/calendar-feed.js';
import { ApiElement } from '../internal/api-element.js';
import type { CalendarFeedApi } from '../internal/calendar-feed-api.js';
import { confirmDialog, confirmStyles, showConfirm } from '../internal/confirm.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/**
 * @tagname mm-calendar-feed
 * @summary The signed-in user's private calendar feed (in the mentor console and the learner's
 * My help): turned on, its secret link to copy with how to add it to Google Calendar, Outlook
 * or Apple Calendar, a new link (the old one stops working) or off — each after a confirm.
 *
 * @csspart button - Every button.
 * @csspart url - The read-only field with the feed's link.
 * @csspart confirm-button - The confirm dialog's "get a new link" or "turn off".
 */
export class MmCalendarFeed extends ApiElement<CalendarFeedApi, CalendarFeedMessages> {
  static override styles = [
    baseStyles,
    consoleStyles,
    confirmStyles,
    css`
      .row input {
        flex: 1;
        min-width: 12em;
        width: auto;
      }
      ul {
        margin: 0;
        padding-inline-start: var(--_s5);
      }
    `,
  ];

  @state() private feed: CalendarFeed | null = null;
  @state() private notice = '';
  /** The irreversible step waiting for its confirm. */
  @state() private asking: 'renew' | 'off' | null = null;
  @state() private busy = false;
  protected override loading = true;

  /**
   * Follows the theme of the element that drew it. In the script-tag consoles this element comes
   * from a file of its own (internal/calendar-feed-loader.ts), with its own copy of ApiElement,
   * which the console's copy does not recognise to hand a theme change down to.
   */
  #themeWatch = new MutationObserver(([change]) => {
    this.theme = (change!.target as Element).getAttribute('theme') ?? '';
  });

  get t(): CalendarFeedMessages {
    return calendarFeedMessages(this.locale, this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const host = (this.getRootNode() as ShadowRoot).host;
    if (host) this.#themeWatch.observe(host, { attributeFilter: ['theme'] });
  }

  /**
   * Loads once its calls are there: upgraded late (from its own file), it gets the `api` its
   * console set meanwhile only at its first update, after it was connected.
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#themeWatch.disconnect();
  }

  /**
   * The SDK's errors by their shape (`name`, `status`, `problem`), not their class: from a file of
   * its own, this element gets errors made by the console's copy of the SDK.
   */
  override describe(error: unknown): string {
    const e = error as { name?: string; status?: number; problem?: { detail?: string } | null } | null;
    if (e?.name === 'ConnectionError' || e?.name === 'TimeoutError') return this.t.errors.network;
    const detail = e?.problem?.detail;
    return detail && e!.status! >= 400 && e!.status! < 500 ? detail : this.t.errors.generic;
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.feed = await api.calendarFeed();
    });
  }

  /** Runs a change, then moves focus to what replaced its button (the link, or "Add…"). */
  async #change(work: (api: CalendarFeedApi) => Promise<CalendarFeed>, notice: string): Promise<void> {
    this.busy = true;
    this.notice = '';
    await this.act(async (api) => {
      this.feed = await work(api);
      this.error = '';
      this.notice = notice;
    });
    this.busy = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input, button')?.focus();
  }

  #confirmed(ok: boolean): void {
    const asked = this.asking;
    this.asking = null;
    if (!ok) return;
    if (asked === 'off') {
      void this.#change(async (api) => {
        await api.stopCalendarFeed();
        return { enabled: false, url: null, createdAt: null };
      }, this.t.turnedOff);
    } else void this.#change((api) => api.renewCalendarFeed(), this.t.renewed);
  }

  async #ask(step: 'renew' | 'off'): Promise<void> {
    this.asking = step;
    await this.updateComplete;
    showConfirm(this.renderRoot);
  }

  async #copy(): Promise<void> {
    const field = this.renderRoot.querySelector('input')!;
    try {
      await navigator.clipboard.writeText(field.value);
      this.notice = this.t.copied;
    } catch {
      // No clipboard here (permissions, an old browser): the link is selected to copy by hand.
      field.focus();
    }
  }

  override render() {
    const t = this.t;
    const feed = this.feed;
    return html`<h3>${t.heading}</h3>
      ${
        this.loading
          ? html`<p role="status">${t.loading}</p>`
          : feed?.enabled
            ? html`${
                feed.url
                  ? html`<label for="url">${t.link}</label>
                      <div class="row">
                        <input id="url" part="url" readonly .value=${feed.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
                        <button part="button" type="button" @click=${this.#copy}>${t.copy}</button>
                      </div>
                      <p class="hint">${t.secret}</p>
                      <p>${t.paste}</p>
                      <ul>${t.apps.map((app) => html`<li>${app}</li>`)}</ul>`
                  : html`<p>${t.unreadable}</p>`
              }
              <p class="row">
                <button part="button" type="button" ?disabled=${this.busy} @click=${() => this.#ask('renew')}>${t.renew}</button>
                <button part="button" type="button" ?disabled=${this.busy} @click=${() => this.#ask('off')}>${t.off}</button>
              </p>`
            : feed
              ? html`<p>${t.intro}</p>
                  <button part="button" class="primary" type="button" ?disabled=${this.busy} @click=${() => this.#change((api) => api.renewCalendarFeed(), '')}>
                    ${t.turnOn}
                  </button>`
              : nothing
      }
      <p role="status" class="ok">${this.notice}</p>
      ${this.alert()}
      ${
        this.asking
          ? confirmDialog(
              this.asking === 'off' ? t.offAsk : t.renewAsk,
              this.asking === 'off' ? t.off : t.renew,
              t.keep,
              (ok) => this.#confirmed(ok),
            )
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-calendar-feed': MmCalendarFeed;
  }
}
