import { type Booking, type Mentor, Micromentor, NotFoundError } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../action-items/action-items.js';
import '../advisor-board/advisor-board.js';
import '../instant-help/instant-help.js';
import '../session-report/session-report.js';
import '../session-feedback/session-feedback.js';
import '../thread-view/thread-view.js';
import { type FollowUpMessages, followUpMessages } from '../i18n/follow-up.js';
import { ClientElement } from '../internal/client-element.js';
import { type FollowUpApi, followUpApi, type SessionNotes } from '../internal/follow-up-api.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

interface PastSession {
  booking: Booking;
  mentor: Mentor | null;
  needsFeedback: boolean;
  notes: SessionNotes | null;
}

/**
 * @tagname mm-follow-up
 * @summary What a learner takes away from their sessions: feedback to give, the mentor's
 * summary and action items to tick off, their conversations with mentors, and their board of
 * advisors to ask again.
 *
 * @event mm-feedback-submitted - `detail: { bookingId, rating, solved }`.
 * @event mm-action-item-toggled - `detail: { itemId, done }`.
 * @event mm-booking-created - Booked through "ask again". `detail: { booking, mentor }`.
 * @event mm-board-changed - `detail: { mentorId }`.
 * @event mm-report-submitted - `detail: { reportId, mentorId, bookingId, reason }`.
 * @event mm-instant-matched - With `request-id`: a mentor accepted. `detail: { requestId, booking }`.
 * @event mm-instant-expired - With `request-id`: nobody accepted in time. `detail: { requestId, matches }`.
 *
 * @csspart button - Every button.
 * @cssproperty --mm-accent - Accent and focus colour. Default `#4338ca`.
 */
export class MmFollowUp extends ClientElement<FollowUpApi, Micromentor, FollowUpMessages> {
  static override styles = [baseStyles, consoleStyles];

  /**
   * An instant (`urgency: now`) request to follow live instead of the follow-up: the learner
   * widget inserts `<mm-follow-up request-id>` after asking for help now.
   */
  @property({ attribute: 'request-id' }) requestId = '';
  /** How many mentors the instant request was offered to, when known. */
  @property({ type: Number }) offers = 0;
  /** The current time (tests set it). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private past: PastSession[] = [];
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

  override connectedCallback(): void {
    super.connectedCallback();
    // After the first update: properties the embed script set before this element was defined
    // (key, API base, token) are only applied then.
    void this.updateComplete.then(() => this.refresh());
    this.#visibility.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#visibility.disconnect();
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
          const [mentor, needsFeedback, notes] = await Promise.all([
            mentorOf(booking.mentorId),
            api.feedback(booking.id).then(
              () => false,
              (error: unknown) => error instanceof NotFoundError,
            ),
            api.notes(booking.id).catch(() => null),
          ]);
          return { booking, mentor, needsFeedback, notes };
        }),
      );
    });
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
    const withItems = this.past.filter((p) => p.notes && (p.notes.summary || p.notes.actionItems.length));
    return html`
      ${this.alert()}
      <section aria-labelledby="review">
        <h3 id="review">${t.review}</h3>
        ${this.past.some((p) => p.needsFeedback) ? nothing : html`<p>${t.reviewEmpty}</p>`}
        <ul class="cards">
          ${this.past
            .filter((p) => p.needsFeedback)
            .map(
              (p) => html`<li class="card">
                <h4>${t.sessionWith(p.mentor?.name ?? '', this.when(p.booking.start, 'medium'))}</h4>
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
              <h4>${t.sessionWith(p.mentor?.name ?? '', this.when(p.booking.start, 'medium'))}</h4>
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
      <mm-thread-view .api=${this.api!.conversation} .userId=${this.userId} locale=${this.locale}></mm-thread-view>
      <mm-advisor-board .api=${this.api} locale=${this.locale} .now=${this.now}></mm-advisor-board>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-follow-up': MmFollowUp;
  }
}
