import { type Booking, type Mentor, Micromentor, type Thread } from '@micromentor/sdk';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../action-items/action-items.js';
import '../advisor-board/advisor-board.js';
import '../instant-help/instant-help.js';
import '../my-questions/my-questions.js';
import '../next-topics/next-topics.js';
import '../session-report/session-report.js';
import '../session-feedback/session-feedback.js';
import '../thread-view/thread-view.js';
import type { MmChatOpenEvent } from '../events/mm-chat-open.js';
import type { MmAskAboutDetail } from '../events/mm-follow-up.js';
import { type FollowUpMessages, followUpMessages } from '../i18n/follow-up.js';
import { ClientElement } from '../internal/client-element.js';
import type { ConversationApi } from '../internal/conversation-api.js';
import {
  type FollowUpApi,
  followUpApi,
  type LiveEvent,
  type SessionNotes,
  type Subscribe,
} from '../internal/follow-up-api.js';
import { loadSettingsPart } from '../internal/settings-part-loader.js';
import { formatSession, timeZone } from '../internal/time.js';
import { baseStyles, standaloneSurface } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import type { MmThreadView } from '../thread-view/thread-view.component.js';

interface PastSession {
  booking: Booking;
  mentor: Mentor | null;
  needsFeedback: boolean;
  notes: SessionNotes | null;
}

/**
 * @tagname mm-follow-up
 * @summary What a learner takes away from their sessions: feedback to give on sessions that
 * have ended, the mentor's summary and action items to tick off, their conversations with
 * mentors (live: new messages and unread counts as they come, on the same event stream as the
 * mentor console), and their board of advisors to ask again. Opens a session's conversation
 * when "Chat" in My help (its parent's `mm-chat-open`) asks.
 *
 * @event mm-feedback-submitted - `detail: { bookingId, rating, solved }`.
 * @event mm-action-item-toggled - `detail: { itemId, done }`.
 * @event mm-booking-created - Booked through "ask again". `detail: { booking, mentor }`.
 * @event mm-board-changed - `detail: { mentorId }`.
 * @event mm-report-submitted - `detail: { reportId, mentorId, bookingId, reason }`.
 * @event mm-instant-matched - With `request-id`: a mentor accepted. `detail: { requestId, booking }`.
 * @event mm-instant-expired - With `request-id`: nobody accepted in time. `detail: { requestId, matches }`.
 * @event mm-ask-about - "Ask about this" on a suggested topic. `detail: { skill, label }` (in the learner widget, the question form opens with it).
 * @event mm-another-mentor - "Request another mentor" on an open question. `detail: { requestId, releasedMentorIds, offeredTo }`.
 * @event mm-unread-changed - The learner's unread messages in all conversations changed. `detail: { count }`.
 *
 * @csspart button - Every button.
 * @cssproperty --mm-accent - Accent and focus colour. Default `#4338ca`.
 */
export class MmFollowUp extends ClientElement<FollowUpApi, Micromentor, FollowUpMessages> {
  static override styles = [
    baseStyles,
    consoleStyles,
    standaloneSurface,
    // One vertical rhythm (as in My help above it): 24px before each section, its heading an
    // h3, each session an h4; inside a card 8px between parts, so no button touches a heading.
    css`
      section,
      mm-thread-view,
      mm-my-questions,
      mm-next-topics,
      mm-advisor-board {
        display: block;
        margin-top: var(--_s5);
      }
      .card > * + * {
        margin-top: var(--_s2);
      }
      /* In My help, which already names the time zone. */
      :host([slot='mine']) .zone {
        display: none;
      }
    `,
  ];

  /**
   * An instant (`urgency: now`) request to follow live instead of the follow-up: the learner
   * widget inserts `<mm-follow-up request-id>` after asking for help now.
   */
  @property({ attribute: 'request-id' }) requestId = '';
  /** How many mentors the instant request was offered to, when known. */
  @property({ type: Number }) offers = 0;
  /**
   * A conversation to open once shown (the learner widget sets it after "Message … instead"):
   * it opens with the composer focused, to add to the question already posted.
   */
  @property({ attribute: 'open-thread' }) openThread = '';
  /** The current time (tests set it). */
  @property({ attribute: false }) now: () => Date = () => new Date();
  /** Live events; by default the SDK's `events.subscribe` (tests give their own). */
  @property({ attribute: false }) subscribe: Subscribe | null = null;

  @state() private past: PastSession[] = [];
  /** Unread messages per conversation, as the last list (and the live events since) say. */
  @state() private unread = new Map<string, number>();
  @state() private boardIds = new Set<string>();
  @state() private userId = '';
  protected override loading = true;

  /** Laid out (not inside something hidden) when last seen; undefined before the first look. */
  #shown: boolean | undefined;

  /**
   * Reloads when the element is shown again after being hidden (My help closed, then opened):
   * the sessions, items and messages may have changed meanwhile. Scrolling does not count.
   */
  #visibility = new IntersectionObserver((entries) => {
    const rect = entries.at(-1)!.boundingClientRect;
    const shown = rect.width > 0 || rect.height > 0;
    // The first look only records: the load on connect covers it.
    if (shown && this.#shown === false && !this.loading) void this.refresh();
    this.#shown = shown;
  });

  #abort: AbortController | null = null;
  /** The element "Chat" events come from: My help, in the same widget (this element's parent). */
  #parent: Element | null = null;
  /** The conversation calls the thread view makes, counting unread messages on the way. */
  #conversation: ConversationApi | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // After the first update: properties the embed script set before this element was defined
    // (key, API base, token) are only applied then.
    void this.updateComplete.then(() => this.refresh());
    this.#visibility.observe(this);
    this.#parent = this.parentElement;
    this.#parent?.addEventListener('mm-chat-open', this.#openChat);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#visibility.disconnect();
    this.#parent?.removeEventListener('mm-chat-open', this.#openChat);
    this.#abort?.abort();
    this.#abort = null;
  }

  #openChat = (event: Event): boolean => this.#open((event as MmChatOpenEvent).detail.threadId);

  /** Shows a conversation with its composer focused; false while the thread view is not drawn yet. */
  #open(threadId: string): boolean {
    const view = this.renderRoot.querySelector<MmThreadView>('mm-thread-view');
    if (!view) return false;
    view.threadId = threadId;
    view.scrollIntoView({ block: 'nearest' });
    view.focusComposer();
    return true;
  }

  protected override updated(): void {
    // `open-thread` waits until the conversations are drawn (after the first load).
    if (this.openThread && this.#open(this.openThread)) this.openThread = '';
  }

  /** The learner's live events: messages in their conversations, their sessions' and questions' changes. */
  #listen(api: FollowUpApi): void {
    if (this.#abort) return;
    this.#abort = new AbortController();
    (this.subscribe ?? api.subscribe)({ signal: this.#abort.signal, onEvent: (e) => this.#onEvent(e) });
  }

  #onEvent(event: LiveEvent): void {
    const view = this.renderRoot.querySelector<MmThreadView>('mm-thread-view');
    if (event.type === 'message.created') {
      const threadId = String(event.data.threadId ?? '');
      const message = event.data.message as { authorId?: string } | undefined;
      // The list, or the conversation it is about, reloads (an open one is marked read as it
      // shows); another one open meanwhile: a message from the mentor there counts as unread.
      if (!view?.threadId || view.threadId === threadId) void view?.refresh();
      else if (message?.authorId !== this.userId) {
        this.#setUnread(new Map(this.unread).set(threadId, (this.unread.get(threadId) ?? 0) + 1));
      }
    } else if (event.type.startsWith('booking.')) {
      void this.refresh();
    } else if (event.type === 'request.reassigned') {
      // A question went to another mentor (or to the program): its line in the questions says so.
      void this.renderRoot.querySelector('mm-my-questions')?.refresh();
    }
  }

  #setUnread(unread: Map<string, number>): void {
    const count = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
    const before = count(this.unread);
    this.unread = unread;
    if (count(unread) !== before) this.emit('mm-unread-changed', { count: count(unread) });
  }

  /** The thread view's calls: its list and its read marks keep the unread counts. */
  #conversations(api: FollowUpApi): ConversationApi {
    const seen = (threads: Thread[]) => {
      const unread = new Map(this.unread);
      for (const thread of threads) unread.set(thread.id, thread.unreadCount);
      this.#setUnread(unread);
    };
    this.#conversation ??= {
      ...api.conversation,
      threads: () => {
        const list = api.conversation.threads();
        // The first page is fetched once, whoever reads it.
        void list.then(
          (page) => seen(page.data),
          () => {},
        );
        return list;
      },
      markRead: async (threadId, messageId) => {
        const thread = await api.conversation.markRead(threadId, messageId);
        seen([thread]);
        return thread;
      },
    };
    return this.#conversation;
  }

  get t(): FollowUpMessages {
    return followUpMessages(this.locale, this);
  }

  async refresh(): Promise<void> {
    if (!this.ensureApi(Micromentor, followUpApi)) return;
    if (this.requestId) {
      this.loading = false;
      return;
    }
    await this.load(async (api) => {
      const now = this.now().getTime();
      const [sessions, board, userId] = await Promise.all([api.sessions(), api.board(), api.userId()]);
      this.boardIds = new Set(board.map((e) => e.mentor.id));
      this.userId = userId;
      this.#listen(api);
      // Started sessions (their notes may be there); feedback only once they have ended.
      const done = sessions
        .filter((b) => b.status === 'completed' || (b.status === 'confirmed' && Date.parse(b.start) <= now))
        .sort((a, b) => b.start.localeCompare(a.start));
      const mentors = new Map<string, Promise<Mentor | null>>();
      const mentorOf = (id: string) => {
        if (!mentors.has(id))
          mentors.set(
            id,
            api.mentor(id).catch(() => null),
          );
        return mentors.get(id)!;
      };
      this.past = await Promise.all(
        done.map(async (booking) => {
          const [mentor, notes] = await Promise.all([
            mentorOf(booking.mentorId),
            api.notes(booking.id).catch(() => null),
          ]);
          // The booking says whether feedback was given: no request per session to find out.
          // Ended: the server marked it completed, or its end has passed by this clock.
          const ended = booking.status === 'completed' || Date.parse(booking.end) <= now;
          const needsFeedback = !booking.feedbackGiven && ended;
          return { booking, mentor, needsFeedback, notes };
        }),
      );
    });
  }

  /**
   * "Ask about this" on a suggested topic: in the learner widget's My help (this element's
   * parent), its question form opens with the topic written in. A page that embeds this element
   * on its own hears the `mm-ask-about` event instead.
   */
  async #askAbout(event: CustomEvent<MmAskAboutDetail>): Promise<void> {
    const host = this.#parent as (HTMLElement & { askAbout?(title: string): Promise<void> }) | null;
    if (host?.localName === 'mm-ask-expert') await host.askAbout?.(this.t.next.askTitle(event.detail.label));
  }

  async #addToBoard(mentor: Mentor): Promise<void> {
    try {
      await this.api?.addToBoard(mentor.id, '');
      this.boardIds = new Set([...this.boardIds, mentor.id]);
      await this.renderRoot.querySelector('mm-advisor-board')?.refresh();
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  /** Keeps the notes this element passes down in step with a ticked item (a re-render re-sends them). */
  #toggled(p: PastSession, { itemId, done }: { itemId: string; done: boolean }): void {
    if (!p.notes) return;
    p.notes = {
      ...p.notes,
      actionItems: p.notes.actionItems.map((item) => (item.id === itemId ? { ...item, done } : item)),
    };
  }

  #report(p: PastSession) {
    return html`<mm-session-report
      .api=${this.api}
      locale=${this.locale}
      mentor-id=${p.booking.mentorId}
      booking-id=${p.booking.id}
    ></mm-session-report>`;
  }

  override render() {
    const t = this.t;
    if (this.requestId && this.api) {
      return html`<mm-instant-help
        .api=${this.api}
        request-id=${this.requestId}
        .offers=${this.offers}
        locale=${this.locale}
      ></mm-instant-help>`;
    }
    if (this.loading) return html`<p role="status">${t.loading}</p>`;
    const locale = this.locale || undefined;
    const unread = [...this.unread.values()].reduce((a, b) => a + b, 0);
    void loadSettingsPart();
    const withItems = this.past.filter((p) => p.notes && (p.notes.summary || p.notes.actionItems.length));
    return html`
      ${this.alert()}
      <p class="zone">${t.zone(timeZone())}</p>
      <section aria-labelledby="review">
        <h3 id="review">${t.review}</h3>
        ${this.past.some((p) => p.needsFeedback) ? nothing : html`<p>${t.reviewEmpty}</p>`}
        <ul class="cards">
          ${this.past
            .filter((p) => p.needsFeedback)
            .map(
              (p) => html`<li class="card">
                <h4>${t.sessionWith(p.mentor?.name ?? '', formatSession(p.booking, locale))}</h4>
                <mm-session-feedback
                  .api=${this.api}
                  locale=${this.locale}
                  booking-id=${p.booking.id}
                ></mm-session-feedback>
                ${this.#report(p)}
              </li>`,
            )}
        </ul>
      </section>
      <section aria-labelledby="items">
        <h3 id="items">${t.items.heading}</h3>
        ${withItems.length === 0 ? html`<p>${t.items.empty}</p>` : nothing}
        <ul class="cards">
          ${withItems.map(
            (p) => html`<li class="card">
              <h4>${t.sessionWith(p.mentor?.name ?? '', formatSession(p.booking, locale))}</h4>
              <mm-action-items
                .api=${this.api}
                locale=${this.locale}
                .notes=${p.notes}
                @mm-action-item-toggled=${(e: CustomEvent<{ itemId: string; done: boolean }>) => this.#toggled(p, e.detail)}
              ></mm-action-items>
              ${p.needsFeedback ? nothing : this.#report(p)}
              ${
                p.mentor && !this.boardIds.has(p.mentor.id)
                  ? html`<button part="button" @click=${() => this.#addToBoard(p.mentor!)}>${t.board.add}</button>`
                  : nothing
              }
            </li>`,
          )}
        </ul>
      </section>
      <p role="status">${unread ? t.unread(unread) : ''}</p>
      <mm-thread-view
        .api=${this.#conversations(this.api!)}
        .userId=${this.userId}
        locale=${this.locale}
      ></mm-thread-view>
      <mm-my-questions .api=${this.api} locale=${this.locale}></mm-my-questions>
      <mm-next-topics
        .api=${this.api}
        locale=${this.locale}
        @mm-ask-about=${(e: CustomEvent<MmAskAboutDetail>) => this.#askAbout(e)}
        @mm-board-changed=${(e: CustomEvent<{ mentorId: string }>) => {
          this.boardIds = new Set([...this.boardIds, e.detail.mentorId]);
          void this.renderRoot.querySelector('mm-advisor-board')?.refresh();
        }}
      ></mm-next-topics>
      <mm-advisor-board .api=${this.api} locale=${this.locale} .now=${this.now}></mm-advisor-board>
      <mm-calendar-feed .api=${this.api} locale=${this.locale}></mm-calendar-feed>
      <mm-email-preferences .api=${this.api} locale=${this.locale}></mm-email-preferences>
      <mm-data-rights .api=${this.client?.me} locale=${this.locale}></mm-data-rights>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-follow-up': MmFollowUp;
  }
}
