import {
  type Booking,
  type HelpRequest,
  type Match,
  type Mentor,
  MicromentorCore,
  type RequestContext,
  type UserTokenProvider,
} from '@micromentor/sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import '../confirmation/confirmation.js';
import type { MmBookingCreatedEvent } from '../events/mm-booking-created.js';
import type { MmCloseReason } from '../events/mm-close.js';
import type { MmErrorEvent } from '../events/mm-error.js';
import type { MmRequestCreatedEvent } from '../events/mm-request-created.js';
import type { MmThreadCreatedEvent } from '../events/mm-thread-created.js';
import { takeOverStub } from '../internal/launcher-stub.js';
import { MmElement } from '../internal/mm-element.js';
import '../match-list/match-list.js';
import '../guest-form/guest-form.js';
import type { MmMyHelp } from '../my-help/my-help.component.js';
import '../request-form/request-form.js';
import type { MmRequestForm } from '../request-form/request-form.component.js';
import { askExpertStyles } from './ask-expert.styles.js';

type Step = 'guest' | 'ask' | 'matches' | 'booked' | 'mine';

const STEPS: Record<Step, string> = {
  guest: 'mm-guest-form',
  ask: 'mm-request-form',
  matches: 'mm-match-list',
  booked: 'mm-confirmation',
  mine: 'mm-my-help',
};

/** The page URL, when it is one the API accepts (http/https, not too long). */
/** What the learner has selected on the host page (not inside this widget), whitespace tidied. */
function pageSelection(widget: Element): string {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return '';
  if (selection.anchorNode && widget.contains(selection.anchorNode)) return '';
  return selection
    .toString()
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function pageUrl(): string | undefined {
  const { href, protocol } = location;
  return (protocol === 'http:' || protocol === 'https:') && href.length <= 2000 ? href : undefined;
}

/**
 * @tagname mm-ask-expert
 * @summary An "Ask an expert" launcher that opens the help panel, floating or inline in a lesson:
 * ask → matched mentors → booked.
 *
 * @event mm-open - The panel opened. `detail: { topic }`.
 * @event mm-close - The panel closed. `detail: { reason: 'escape' | 'close-button' | 'api' }`.
 * @event mm-request-created - The learner asked. `detail: { request, matches }`.
 * @event mm-booking-created - The learner booked. `detail: { booking, mentor }`.
 * @event mm-booking-cancelled - The learner cancelled. `detail: { booking }`.
 * @event mm-thread-created - "Message instead" opened a thread. `detail: { thread, mentor }`.
 * @event mm-error - A call failed. `detail: { step, code, message, error }`.
 *
 * @csspart launcher - The "Ask an expert" button.
 * @csspart panel - The dialog that holds the help form.
 * @csspart close-button - The panel's Close button.
 * @csspart button - Every button inside the panel's steps.
 * @csspart submit-button - The question's and the guest form's submit buttons.
 * @csspart slot-button - A mentor's free time, and a new time in "My help".
 * @csspart calendar-button - "Add to calendar".
 * @csspart cancel-button - "Cancel session".
 * @csspart reschedule-button - "Reschedule" in "My help".
 * @csspart back-button - "Change my question", under the matches.
 * @csspart another-button - "Ask another question", after booking.
 * @csspart ask-button - "Ask another question", in "My help".
 * @csspart my-help-button - Opens "My help".
 * @csspart message-button - "Message … instead" on a match.
 * @csspart others-button - "See other mentors", once a mentor accepted an instant request.
 *
 * @cssproperty --mm-accent - Launcher and focus colour. Default `#4338ca`.
 * @cssproperty --mm-radius - Corner radius of buttons and panel. Default `12px`.
 * @cssproperty --mm-font-family - Font stack. Default: the system UI font.
 */
export class MmAskExpert extends MmElement {
  static override styles = askExpertStyles;

  static override properties: PropertyDeclarations = {
    topic: { reflect: true },
    publishableKey: { attribute: 'publishable-key' },
    apiBase: { attribute: 'api-base' },
    userToken: { attribute: 'user-token' },
    courseId: { attribute: 'course-id' },
    lessonId: { attribute: 'lesson-id' },
    topicTitle: { attribute: 'topic-title' },
    courseTitle: { attribute: 'course-title' },
    lessonTitle: { attribute: 'lesson-title' },
    locale: { reflect: true },
    theme: { reflect: true },
    floating: { type: Boolean, reflect: true },
    position: { reflect: true },
    tokenProvider: { attribute: false },
    step: { state: true },
    loading: { state: true },
    request: { state: true },
    results: { state: true },
    booking: { state: true },
    mentor: { state: true },
    signedIn: { state: true },
    chat: { state: true },
    unread: { state: true },
    helped: { state: true },
  };

  /** A mentor accepted the instant request: the chat stays, the other mentors fold away. */
  private helped = false;

  /** Unread messages in the learner's conversations (My help's follow-up counts them, live). */
  private unread = 0;

  /** What the learner is working on, set by the site owner (e.g. `sql-joins`): sent, never shown. */
  topic = '';

  publishableKey = '';

  /** API origin; the embed script defaults it to its own origin. */
  apiBase = '';

  /** Short-lived JWT from the host's backend. Not reflected: keep it out of the DOM when set as a property. */
  userToken = '';

  /** The course's and lesson's ids: sent as context, never shown. */
  courseId = '';
  lessonId = '';

  /** What learners read for the topic, course and lesson (e.g. "SQL joins"); without one, nothing is shown. */
  topicTitle = '';
  courseTitle = '';
  lessonTitle = '';

  /** `en`, `es` or `fr`; empty: the page's `lang`, then the browser's languages. */
  override locale = '';

  /** `light`, `dark`, or `auto` / empty: follows `prefers-color-scheme`. Reflected, and passed to every step. */
  override theme = '';

  /** Pins the launcher to a corner of the viewport (the embed script sets it). */
  floating = false;

  /**
   * The floating launcher's corner: `bottom-right`, `bottom-left`, `top-right` or `top-left`
   * (the script tag's `data-position`). Empty: the bottom corner at the end of the line.
   */
  position = '';

  /**
   * Renews the user token when there is none yet and when the API refuses it (401): an async
   * function returning a fresh token from the host's backend. Used by the client built from
   * the attributes; a `client` you pass brings its own.
   */
  tokenProvider: UserTokenProvider | undefined = undefined;

  /** An SDK client to use instead of one built from `publishable-key` and `api-base`. */
  override client: MicromentorCore | null = null;

  private step: Step = 'ask';
  private loading = false;
  private request: HelpRequest | null = null;
  private results: Match[] = [];
  private booking: Booking | null = null;
  private mentor: Mentor | null = null;
  /** The API knows the user: a guest session started here, or `/v1/me` named one. */
  private signedIn = false;
  /** The program offers text chat (from `/v1/me`): matches then offer "Message instead". */
  private chat = false;

  private get launcher(): HTMLButtonElement {
    return this.renderRoot.querySelector<HTMLButtonElement>('[part~="launcher"]')!;
  }
  private get panel(): HTMLDialogElement {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog')!;
  }

  #closeReason: MmCloseReason = 'api';
  #guestChecked = false;

  /** `online` / `offline` on the window: the offline note reads `navigator.onLine` when rendering. */
  handleEvent(): void {
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this);
    addEventListener('offline', this);
    // widget.js's stand-in launcher, drawn until this element was defined: drop it, and keep
    // keyboard focus on the launcher if it was there.
    if (takeOverStub(this)) void this.updateComplete.then(() => this.launcher.focus());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this);
    removeEventListener('offline', this);
  }

  #built: { key: string; client: MicromentorCore } | null = null;

  get open(): boolean {
    return this.panel?.open ?? false;
  }

  /** The client given, or one built (once per key and base) from the attributes. */
  get #client(): MicromentorCore | null {
    if (this.client) return this.client;
    if (!this.publishableKey) return null;
    const baseUrl = this.apiBase || location.origin;
    const key = `${baseUrl}\n${this.publishableKey}`;
    if (this.#built?.key !== key) {
      try {
        const client = new MicromentorCore({
          baseUrl,
          publishableKey: this.publishableKey,
          userToken: this.userToken,
          userTokenProvider: this.tokenProvider,
        });
        this.#built = { key, client };
      } catch {
        return null;
      }
    }
    return this.#built.client;
  }

  get #context(): RequestContext {
    const context: RequestContext = {};
    const url = pageUrl();
    if (url) context.url = url;
    const pageTitle = document.title.trim().slice(0, 300);
    if (pageTitle) context.pageTitle = pageTitle;
    if (this.topic) context.topic = this.topic;
    if (this.courseId) context.courseId = this.courseId;
    if (this.lessonId) context.lessonId = this.lessonId;
    return context;
  }

  async show(): Promise<void> {
    await this.updateComplete;
    if (this.panel.open) return;
    // Asking in context: what the learner had selected goes along with the question (clicking
    // the launcher keeps the page's selection), unless they remove it in the form.
    if (this.step === 'ask') {
      const form = this.renderRoot.querySelector<MmRequestForm>('mm-request-form');
      if (form) form.selection = pageSelection(this);
    }
    this.panel.showModal();
    void this.#goTo(this.step);
    void this.#offerGuest();
    this.emit('mm-open', { topic: this.topic });
  }

  async hide(): Promise<void> {
    await this.updateComplete;
    this.#closeWith('api');
  }

  get #hasUser(): boolean {
    return this.signedIn || Boolean(this.userToken || this.tokenProvider);
  }

  /**
   * Asks the API once who is asking and what the program offers (a given client may carry a
   * token): a known user gets "My help"; an unknown one the guest form first, when the program
   * allows guests; text chat offers "Message instead" on the matches.
   */
  async #offerGuest(): Promise<void> {
    const client = this.#client;
    if (this.#guestChecked || !client) return;
    this.#guestChecked = true;
    try {
      const me = await client.me.get();
      this.chat = me.tenant.settings.formats.includes('chat');
      if (me.user) this.signedIn = true;
      else if (me.tenant.settings.allowGuests && !this.#hasUser && this.step === 'ask')
        await this.#goTo('guest');
    } catch {
      // Unknown: the question form stays, and a failed call explains itself there.
    }
  }

  /** Back to an empty question (after a booking, or to start over). */
  reset(): void {
    this.step = 'ask';
    this.request = null;
    this.results = [];
    this.booking = null;
    this.mentor = null;
  }

  /** A new question with `title` written in (My help's "Ask about this"). */
  async askAbout(title: string): Promise<void> {
    this.reset();
    await this.updateComplete;
    await this.renderRoot.querySelector<MmRequestForm>('mm-request-form')?.prefill(title);
  }

  #closeWith(reason: MmCloseReason): void {
    if (!this.panel.open) return;
    this.#closeReason = reason;
    this.panel.close();
  }

  #onCancel(): void {
    // `cancel` only fires for close requests (Escape); the `close` that follows reports it.
    this.#closeReason = 'escape';
  }

  #onClose(): void {
    const reason = this.#closeReason;
    this.#closeReason = 'api';
    this.launcher.focus();
    this.emit('mm-close', { reason });
  }

  /** A `<mm-follow-up>` of this widget, as the same user (a guest's token exists only in this client), in its language. */
  #followUp(props: object): HTMLElement {
    return Object.assign(
      document.createElement('mm-follow-up'),
      { userToken: this.#client?.userToken ?? '', locale: this.resolvedLocale },
      props,
    );
  }

  async #goTo(step: Step): Promise<void> {
    this.step = step;
    await this.updateComplete;
    const element = this.renderRoot.querySelector<HTMLElement>(STEPS[step]);
    if (step === 'mine') {
      // A chunk of its own: asking, matching and booking never wait for it.
      await import('../my-help/my-help.js');
      void (element as MmMyHelp).refresh();
      // Feedback, action items and the board: the follow-up bundle (the launcher loads it).
      if (!this.querySelector('[slot=mine]')) this.append(this.#followUp({ slot: 'mine' }));
    }
    await (element as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    element?.focus();
  }

  #onSubmit(): void {
    this.loading = true;
    this.results = [];
    void this.#goTo('matches');
  }

  #onRequestCreated(event: MmRequestCreatedEvent): void {
    this.loading = false;
    const request = event.detail.request;
    this.request = request;
    // Help now: the follow-up bundle follows the request live, slotted in the matches step.
    if (request.urgency === 'now') this.replaceChildren(this.#followUp({ requestId: request.id }));
    this.helped = false;
    this.results = event.detail.matches;
    void this.#goTo('matches');
  }

  #onError(event: MmErrorEvent): void {
    const { step } = event.detail;
    if (step === 'broaden') this.loading = false;
    if (step !== 'request') return;
    this.loading = false;
    void this.#goTo('ask');
  }

  /** "Message … instead": the conversation opens in My help, the question in it, ready for more. */
  async #onThreadCreated(event: MmThreadCreatedEvent): Promise<void> {
    await this.#goTo('mine');
    const followUp = this.querySelector<HTMLElement & { openThread: string }>('[slot=mine]');
    if (followUp) followUp.openThread = event.detail.thread.id;
  }

  #onBooked(event: MmBookingCreatedEvent): void {
    this.booking = event.detail.booking;
    this.mentor = event.detail.mentor;
    void this.#goTo('booked');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Set on change only: a token the provider renewed inside the client must not be undone.
    const client = this.#built?.client;
    if (changed.has('userToken')) client?.setUserToken(this.userToken || undefined);
    if (changed.has('tokenProvider')) client?.setUserTokenProvider(this.tokenProvider);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const locale = this.resolvedLocale;
    const client = this.#client;
    const step = this.step;
    return html`
      <button part="launcher" type="button" aria-haspopup="dialog" @click=${() => this.show()}>
        ${t.launcher}
      </button>
      <dialog
        part="panel"
        aria-labelledby="title"
        lang=${locale}
        @cancel=${this.#onCancel}
        @close=${this.#onClose}
        @mm-request-submit=${this.#onSubmit}
        @mm-request-created=${this.#onRequestCreated}
        @mm-booking-created=${this.#onBooked}
        @mm-thread-created=${this.#onThreadCreated}
        @mm-instant-matched=${() => {
          this.helped = true;
        }}
        @mm-error=${this.#onError}
        @mm-guest-ready=${() => {
          this.signedIn = true;
          void this.#goTo('ask');
        }}
      >
        <h2 id="title">${t.launcher}</h2>
        ${navigator.onLine ? nothing : html`<p class="offline" role="status">${t.offline}</p>`}
        ${this.topicTitle ? html`<p class="topic">${t.topic(this.topicTitle)}</p>` : nothing}
        <mm-guest-form
          exportparts="button,submit-button"
          ?hidden=${step !== 'guest'}
          locale=${locale}
          theme=${this.theme}
          .client=${client}
        ></mm-guest-form>
        ${step === 'ask' ? html`<p class="intro">${t.intro}</p>` : nothing}
        <mm-request-form
          exportparts="button,submit-button"
          ?hidden=${step !== 'ask'}
          locale=${locale}
          theme=${this.theme}
          .client=${client}
          .context=${this.#context}
          .titles=${{ topic: this.topicTitle, course: this.courseTitle, lesson: this.lessonTitle }}
        ></mm-request-form>
        <slot ?hidden=${step !== 'matches'}></slot>
        ${
          step === 'matches' && this.helped
            ? html`<button part="button others-button" type="button" @click=${() => {
                this.helped = false;
              }}>${t.matches.others}</button>`
            : nothing
        }
        <mm-match-list
          exportparts="button,slot-button,message-button"
          ?hidden=${step !== 'matches' || this.helped}
          locale=${locale}
          theme=${this.theme}
          .client=${client}
          .request=${this.request}
          .results=${this.results}
          ?loading=${this.loading}
          ?chat=${this.chat}
        ></mm-match-list>
        ${
          step === 'matches' && !this.loading
            ? html`<button part="button back-button" class="link" type="button" @click=${() => this.#goTo('ask')}>
                ${t.matches.back}
              </button>`
            : nothing
        }
        <mm-confirmation
          exportparts="button,calendar-button,cancel-button"
          ?hidden=${step !== 'booked'}
          locale=${locale}
          theme=${this.theme}
          .client=${client}
          .booking=${this.booking}
          .mentor=${this.mentor}
        ></mm-confirmation>
        ${
          step === 'booked'
            ? html`<button part="button another-button" type="button" @click=${() => {
                this.reset();
                void this.#goTo('ask');
              }}>${t.confirmation.another}</button>`
            : nothing
        }
        <mm-my-help
          exportparts="button,cancel-button,reschedule-button,slot-button"
          ?hidden=${step !== 'mine'}
          locale=${locale}
          theme=${this.theme}
          .client=${client}
        ></mm-my-help>
        <slot name="mine" ?hidden=${step !== 'mine'} @mm-unread-changed=${(
          e: CustomEvent<{ count: number }>,
        ) => {
          this.unread = e.detail.count;
        }}></slot>
        <div class="footer">
          ${
            step === 'mine'
              ? html`<button part="button ask-button" type="button" @click=${() => this.#goTo('ask')}>${t.confirmation.another}</button>`
              : step !== 'guest' && this.#hasUser
                ? html`<button part="button my-help-button" type="button" @click=${() => this.#goTo('mine')}>${t.mine.open}${this.unread ? ` · ${t.mine.unread(this.unread)}` : nothing}</button>`
                : html`<span></span>`
          }
          <button part="close-button" type="button" @click=${() => this.#closeWith('close-button')}>
            ${t.close}
          </button>
        </div>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-ask-expert': MmAskExpert;
  }
}
