import { type LiveEvent, type Me, Micromentor, type MyMentorStats } from '@micromentor/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../availability-editor/availability-editor.js';
import '../leaderboard/leaderboard.js';
import '../mentor-profile-form/mentor-profile-form.js';
import '../mentor-record/mentor-record.js';
import '../offer-inbox/offer-inbox.js';
import '../program-queue/program-queue.js';
import '../session-list/session-list.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { consoleShellStyles } from '../styles/console-shell.js';
import '../thread-view/thread-view.js';
import { type ConsoleMessages, consoleMessages } from '../i18n/mentor-console.js';
import { ConsoleShell } from '../internal/console-shell.js';
import { type ConsoleApi, consoleApi } from '../internal/mentor-console-api.js';
import { loadSettingsPart } from '../internal/settings-part-loader.js';
import type { Subscribe } from '../internal/subscribe.js';
import { mentorConsoleStyles } from './mentor-console.styles.js';

const TABS = ['inbox', 'sessions', 'messages', 'availability', 'profile'] as const;
type Tab = (typeof TABS)[number];

export type { LiveEvent, Subscribe };

/**
 * @tagname mm-mentor-console
 * @summary The mentor's console: requests offered to them, sessions with notes and action
 * items, conversations, availability, profile, stats and badges (with the signed record to
 * download), the program's leaderboard where it is on — or the application form for a user
 * who is not a mentor yet. Updates live. Its `user-token` is a user with the `mentor` role (or
 * any user, to apply).
 *
 * @event mm-offer-accepted - The mentor got a request. `detail: { requestId }`.
 * @event mm-offer-declined - `detail: { requestId }`.
 * @event mm-booking-cancelled - `detail: { booking }`.
 * @event mm-booking-rescheduled - The mentor moved a session. `detail: { booking }`.
 * @event mm-notes-saved - `detail: { bookingId }`.
 * @event mm-no-show-recorded - The mentor recorded that the learner did not come. `detail: { booking }`.
 * @event mm-message-sent - `detail: { message }`.
 * @event mm-availability-saved - `detail: { availability }`.
 * @event mm-mentor-applied - `detail: { mentor }`.
 * @event mm-profile-saved - `detail: { mentor }`.
 * @event mm-record-downloaded - The mentor saved their signed record. `detail: { credential }`.
 * @event mm-error - Loading the console failed. `detail: { step: 'console', code, message, error }`.
 *
 * @csspart tab - Each tab button.
 * @csspart panel - The active tab's panel.
 * @csspart button - Every button.
 *
 * @cssproperty --mm-accent - Accent and focus colour. Default `#4338ca`.
 * @cssproperty --mm-radius - Corner radius. Default `12px`.
 * @cssproperty --mm-font-family - Font stack. Default: the system UI font.
 */
export class MmMentorConsole extends ConsoleShell<ConsoleApi, Micromentor, Tab, ConsoleMessages> {
  static override styles = [baseStyles, consoleStyles, consoleShellStyles, mentorConsoleStyles];

  /** Live events; by default the SDK's `events.subscribe` when the client has it. */
  @property({ attribute: false }) subscribe: Subscribe | null = null;

  protected override tab: Tab = 'inbox';
  protected readonly tabs = TABS;
  @state() private me: Me | null = null;
  @state() private stats: MyMentorStats | null = null;
  @state() private live = false;
  @state() private availableNow = false;

  #abort: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  get t(): ConsoleMessages {
    return consoleMessages(this.locale, this);
  }

  protected connectApi(): ConsoleApi | null {
    return this.ensureApi(Micromentor, consoleApi);
  }

  protected async start(api: ConsoleApi): Promise<'ready' | 'refused'> {
    this.me = await api.me();
    if (!this.me.user) return 'refused';
    if (this.me.mentorProfile?.status === 'approved' || this.me.mentorProfile?.status === 'paused') {
      void this.#loadStats();
      this.#startLive();
    }
    return 'ready';
  }

  async #loadStats(): Promise<void> {
    try {
      this.stats = (await this.api?.stats()) ?? null;
    } catch {
      this.stats = null;
    }
  }

  #startLive(): void {
    this.#abort?.abort();
    const subscribe = this.subscribe ?? this.api?.subscribe;
    if (!subscribe) return;
    this.#abort = new AbortController();
    subscribe({
      signal: this.#abort.signal,
      onOpen: () => {
        this.live = true;
      },
      onError: () => {
        this.live = false;
      },
      onEvent: (event) => {
        this.live = true;
        this.#onLiveEvent(event);
      },
    });
  }

  #onLiveEvent(event: LiveEvent): void {
    const root = this.renderRoot;
    if (event.type.startsWith('request.')) void root.querySelector('mm-offer-inbox')?.refresh();
    if (event.type.startsWith('booking.')) void root.querySelector('mm-session-list')?.refresh();
    if (event.type === 'message.created') void root.querySelector('mm-thread-view')?.refresh();
    if (event.type === 'feedback.submitted') void this.#loadStats();
    if (event.type === 'feedback.submitted' || event.type === 'booking.completed') {
      void root.querySelector('mm-mentor-record')?.refresh();
    }
  }

  async #toggleAvailable(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const on = input.checked;
    try {
      await this.api?.setAvailableNow(on);
      this.availableNow = on;
    } catch (error) {
      input.checked = !on;
      this.error = this.describe(error);
    }
  }

  override render() {
    const t = this.t;
    if (this.phase !== 'ready') return this.renderPhase(t.needToken);
    const mentor = this.me?.mentorProfile ?? null;
    const status = mentor?.status;
    if (!mentor) {
      return html`<section class="console">
        <mm-mentor-profile-form
          .api=${this.api}
          locale=${this.locale}
          .defaultName=${this.me?.user?.name ?? ''}
          @mm-mentor-applied=${() => this.reload()}
        ></mm-mentor-profile-form>
      </section>`;
    }
    if (status !== 'approved' && status !== 'paused') {
      const reason = (mentor as { statusReason?: string | null }).statusReason ?? '';
      const message =
        status === 'pending'
          ? t.apply.pending
          : status === 'rejected'
            ? t.apply.rejected(reason)
            : t.apply.suspended;
      return html`<section class="console">
        <p role="status" class="notice">${message}</p>
        <mm-mentor-profile-form .api=${this.api} locale=${this.locale} .mentor=${mentor}></mm-mentor-profile-form>
      </section>`;
    }
    return html`<section class="console" aria-labelledby="console-title">
      <header class="row">
        <h2 id="console-title">${t.title}</h2>
        <label class="switch">
          <input type="checkbox" role="switch" .checked=${this.availableNow} @change=${this.#toggleAvailable} />
          <span>${t.availableNow}</span>
        </label>
        <span class="meta live" role="status">${this.live ? t.live : t.offline}</span>
      </header>
      ${status === 'paused' ? html`<p class="notice" role="status">${t.apply.paused}</p>` : nothing}
      ${this.alert()}
      ${this.renderTabs(this.#panel(mentor.id))}
    </section>`;
  }

  #panel(mentorId: string): TemplateResult {
    switch (this.tab) {
      case 'inbox':
        return html`<mm-offer-inbox
          .api=${this.api}
          locale=${this.locale}
          @mm-thread-open=${() => this.selectTab('messages')}
        ></mm-offer-inbox><mm-program-queue .client=${this.client} locale=${this.locale}></mm-program-queue>`;
      case 'sessions':
        void loadSettingsPart();
        return html`<mm-session-list .api=${this.api} locale=${this.locale}></mm-session-list>
          <mm-calendar-feed .api=${this.api} locale=${this.locale}></mm-calendar-feed>`;
      case 'messages':
        return html`<mm-thread-view .api=${this.api} locale=${this.locale} .userId=${this.me?.user?.id ?? ''}></mm-thread-view>`;
      case 'availability':
        return html`<mm-availability-editor .api=${this.api} locale=${this.locale} mentor-id=${mentorId}></mm-availability-editor>`;
      case 'profile':
        void loadSettingsPart();
        // The program's leaderboard, where it is turned on (the element hides itself otherwise).
        return html`${this.#stats()}
          <mm-leaderboard .client=${this.client} locale=${this.locale} mentor-id=${mentorId}></mm-leaderboard>
          <mm-mentor-record .api=${this.api} locale=${this.locale}></mm-mentor-record>
          <mm-mentor-profile-form .api=${this.api} locale=${this.locale} .mentor=${this.me?.mentorProfile ?? null}></mm-mentor-profile-form>
          <mm-email-preferences as="mentor" .api=${this.api} locale=${this.locale}></mm-email-preferences>
          <mm-data-rights .api=${this.client?.me} locale=${this.locale}></mm-data-rights>`;
    }
  }

  #stats(): TemplateResult {
    const t = this.t.stats;
    const s = this.stats;
    const fmt = new Intl.NumberFormat(this.locale || undefined, { maximumFractionDigits: 1 });
    const cells: [string, string][] = [
      [t.sessions, s ? fmt.format(s.sessions) : t.none],
      [t.minutes, s ? fmt.format(s.minutes) : t.none],
      [t.rating, s?.rating != null ? `${fmt.format(s.rating)} (${s.ratingCount})` : t.none],
      [t.responded, s?.medianResponseMinutes != null ? t.minutesValue(s.medianResponseMinutes) : t.none],
    ];
    return html`<h3>${t.heading}</h3>
      <dl class="stats">${cells.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-console': MmMentorConsole;
  }
}
