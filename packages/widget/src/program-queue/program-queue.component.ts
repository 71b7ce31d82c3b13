import { ConflictError, Micromentor, type ProgramQueueItem, type TakenRequest } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import '../events/mm-request-taken.js';
import { type ProgramQueueMessages, programQueueMessages } from '../i18n/program-queue.js';
import { ClientElement } from '../internal/client-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

export interface ProgramQueueApi {
  queue(): Promise<ProgramQueueItem[]>;
  take(requestId: string): Promise<TakenRequest>;
}

export const programQueueApi = (client: Micromentor): ProgramQueueApi => ({
  queue: async () => (await client.programQueue.list({ limit: 50 })).data,
  take: (requestId) => client.programQueue.take(requestId),
});

/**
 * @tagname mm-program-queue
 * @summary The program queue, for approved mentors (in the mentor console): questions no mentor
 * fitted that wait for the program, oldest first — who asks, what, since when; "Take" makes one
 * the mentor's (the first mentor wins; the learner is told).
 *
 * @event mm-request-taken - The mentor took a request. `detail: { requestId, threadId }`.
 *
 * @csspart button - Every button.
 */
export class MmProgramQueue extends ClientElement<ProgramQueueApi, Micromentor, ProgramQueueMessages> {
  static override styles = [baseStyles, consoleStyles];

  @state() private items: ProgramQueueItem[] = [];
  @state() private notice = '';
  @state() private taking: string | null = null;
  protected override loading = true;

  override connectedCallback(): void {
    super.connectedCallback();
    // After the first update: what the console (or the embed script) set is applied by then.
    void this.updateComplete.then(() => this.refresh());
  }

  get t(): ProgramQueueMessages {
    return programQueueMessages(this.locale, this);
  }

  /** Loads the queue again. */
  refresh(): Promise<void> {
    if (!this.ensureApi(Micromentor, programQueueApi)) return Promise.resolve();
    return this.load(async (api) => {
      this.items = await api.queue();
    });
  }

  async #take(item: ProgramQueueItem): Promise<void> {
    const t = this.t;
    this.taking = item.request.id;
    this.notice = this.error = '';
    await this.act(async (api) => {
      try {
        const taken = await api.take(item.request.id);
        this.notice = t.taken;
        this.emit('mm-request-taken', { requestId: item.request.id, threadId: taken.threadId });
      } catch (error) {
        if (!(error instanceof ConflictError && error.code === 'already_taken')) throw error;
        this.notice = t.already;
      }
    });
    this.taking = null;
    // Taken (by them or another mentor): the queue as it is now; a failure stays on screen.
    if (!this.error) await this.refresh();
  }

  override render() {
    const t = this.t;
    if (this.loading) return this.loadingCards();
    return html`${this.listHead(t.heading, this.notice, this.items.length === 0 && t.empty)}
      ${this.items.length ? html`<p class="meta">${t.intro}</p>` : nothing}
      <ul class="cards">
        ${this.items.map(
          (item) => html`<li class="card">
            <h4>${item.request.title}</h4>
            <p class="meta">
              ${t.from(item.learner.name)} · ${t.since(this.when(item.queuedAt, 'medium'))} ·
              ${t.reason[item.reason]}
            </p>
            ${item.request.details ? html`<p class="pre">${item.request.details}</p>` : nothing}
            ${item.request.skills.length ? html`<p class="meta">${item.request.skills.join(', ')}</p>` : nothing}
            <button
              part="button"
              class="primary"
              type="button"
              ?disabled=${this.taking !== null}
              @click=${() => this.#take(item)}
            >
              ${t.take}
            </button>
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-program-queue': MmProgramQueue;
  }
}
