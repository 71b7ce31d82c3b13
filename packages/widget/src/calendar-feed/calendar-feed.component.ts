import type { CalendarFeed } from '@micromentor/sdk';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { type CalendarFeedMessages, calendarFeedMessages } from '../i18n/calendar-feed.js';
import { confirmDialog, confirmStyles, showConfirm } from '../internal/confirm.js';
import { PartElement, partStyles } from '../internal/part-element.js';
import type { CalendarFeedApi } from '../internal/settings-api.js';
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
export class MmCalendarFeed extends PartElement<CalendarFeedApi, CalendarFeedMessages> {
  static override styles = [
    baseStyles,
    consoleStyles,
    confirmStyles,
    partStyles,
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

  get t(): CalendarFeedMessages {
    return calendarFeedMessages(this.locale, this);
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
