import type { Message, Thread } from '@micromentor/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConversationApi } from '../internal/conversation-api.js';
import { linkified } from '../internal/linkify.js';
import { ConsoleElement } from '../internal/mentor-console-element.js';
import { earlierSessions, questionView } from '../internal/request-context.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { requestContextStyles } from '../styles/request-context.js';
import { threadStyles } from './thread-view.styles.js';

const MAX_LENGTH = 4000;

/**
 * @tagname mm-thread-view
 * @summary Conversations: the list with unread counts, one thread's messages (links clickable,
 * everything else plain text) and a composer. An open thread's header names the other person
 * and the request it is about; the mentor also sees the question in full, where it was asked
 * and their earlier sessions with the learner.
 *
 * @event mm-message-sent - `detail: { message }`.
 *
 * @csspart button - Every button.
 */
export class MmThreadView extends ConsoleElement<ConversationApi> {
  static override styles = [baseStyles, consoleStyles, requestContextStyles, threadStyles];

  /** The signed-in user's id, to tell own messages apart. */
  @property({ attribute: false }) userId = '';

  /** The open thread; empty shows the list. */
  @property({ attribute: 'thread-id' }) threadId = '';

  /** Only the open thread, with no way back to the list (a live session's chat). */
  @property({ type: Boolean }) single = false;

  @state() private threads: Thread[] = [];
  @state() private messages: Message[] = [];
  /** The open thread, for its header (null until loaded, or when it could not be). */
  @state() private thread: Thread | null = null;
  protected override loading = true;
  @state() private draft = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Focus goes to the composer as soon as it is drawn (see focusComposer). */
  #focusComposer = false;

  /** Moves focus to the message box now, or once the open thread has loaded and shows it. */
  focusComposer(): void {
    this.#focusComposer = true;
    this.requestUpdate();
  }

  protected override updated(): void {
    const box = this.#focusComposer && this.renderRoot.querySelector('textarea');
    if (box) {
      this.#focusComposer = false;
      box.focus();
    }
  }

  /** The thread (or '' for the list) the last refresh loaded. */
  #loadedFor: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Also a thread set before the first update, after connecting loaded the list.
    if (changed.has('threadId') && this.threadId !== this.#loadedFor) void this.refresh();
  }

  /** Reloads the list or the open thread (the console calls it on `message.created`). */
  refresh(): Promise<void> {
    if (this.api) this.#loadedFor = this.threadId;
    return this.load(async (api) => {
      if (this.threadId) {
        const id = this.threadId;
        const [messages, thread] = await Promise.all([
          api.messages(id),
          // The header is a courtesy: the conversation works without it.
          api.thread(id).catch(() => this.threads.find((t) => t.id === id) ?? null),
        ]);
        this.messages = messages.data;
        this.thread = thread;
        const last = this.messages.at(-1);
        if (last) await api.markRead(this.threadId, last.id);
      } else {
        this.threads = (await api.threads()).data;
      }
    });
  }

  async #send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const body = this.draft.trim();
    if (!this.api || !body || body.length > MAX_LENGTH) return;
    try {
      const message = await this.api.post(this.threadId, body);
      this.draft = '';
      this.messages = [...this.messages.filter((m) => m.id !== message.id), message];
      this.emit('mm-message-sent', { message });
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  #open(id: string): void {
    this.thread = this.threads.find((t) => t.id === id) ?? null;
    this.threadId = id;
    this.loading = true;
  }

  /** The other participant's name. */
  #other(thread: Thread): string {
    return thread.role === 'mentor' ? thread.learner.name : thread.mentor.name;
  }

  /**
   * Who the conversation is with and what about. The learner sees the mentor and the request's
   * title; the mentor the learner, the whole question, and their earlier sessions with them.
   */
  #header() {
    const thread = this.thread;
    if (!thread || thread.id !== this.threadId) return nothing;
    const c = this.t.context;
    const request = thread.request;
    const mentor = thread.role === 'mentor';
    return html`<header class="thread-head">
      <h3>${this.#other(thread)}</h3>
      ${
        request
          ? mentor
            ? questionView(request, c)
            : html`<p class="meta">${this.t.threads.about(request.title)}</p>`
          : nothing
      }
      ${
        mentor
          ? earlierSessions(thread.previousSessions, thread.learner.name, c, (iso) =>
              this.when(iso, 'medium'),
            )
          : nothing
      }
    </header>`;
  }

  override render() {
    const t = this.t.threads;
    if (this.loading) return this.loadingCards();
    const error = this.alert();
    if (!this.threadId) {
      return html`<h3>${t.heading}</h3>
        ${error}
        ${
          this.threads.length === 0
            ? html`<p>${t.empty}</p>`
            : html`<ul class="cards">
              ${this.threads.map(
                (thread) => html`<li>
                  <button part="button" class="thread" @click=${() => this.#open(thread.id)}>
                    <span class="who">
                      <span>${this.#other(thread)}</span>
                      ${thread.request ? html`<span class="meta">${thread.request.title}</span>` : nothing}
                    </span>
                    ${thread.unreadCount > 0 ? html`<span class="badge">${t.unread(thread.unreadCount)}</span>` : nothing}
                  </button>
                </li>`,
              )}
            </ul>`
        }`;
    }
    const tooLong = this.draft.length > MAX_LENGTH;
    return html`
      ${
        this.single
          ? nothing
          : html`<button
              part="button"
              @click=${() => {
                this.threadId = '';
                this.loading = true;
              }}
            >
              ← ${t.back}
            </button>`
      }
      ${this.#header()}
      ${error}
      <ol class="messages" aria-live="polite">
        ${this.messages.map(
          (m) => html`<li class=${m.authorId === this.userId ? 'mine' : 'theirs'}>
            <p class="pre">${linkified(m.body)}</p>
            <span class="meta">${m.authorId === this.userId ? `${t.you} · ` : ''}${this.when(m.createdAt, 'short')}</span>
          </li>`,
        )}
      </ol>
      <form @submit=${this.#send}>
        <label>
          ${t.messageLabel}
          <textarea
            rows="3"
            aria-invalid=${tooLong ? 'true' : 'false'}
            .value=${this.draft}
            @input=${(e: InputEvent) => {
              this.draft = (e.target as HTMLTextAreaElement).value;
            }}
          ></textarea>
        </label>
        ${tooLong ? html`<p class="error" role="alert">${t.tooLong}</p>` : nothing}
        <button part="button" class="primary" ?disabled=${tooLong || this.draft.trim() === ''}>${t.send}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-thread-view': MmThreadView;
  }
}
