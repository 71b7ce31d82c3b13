import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { SuggestedTopic } from '../internal/follow-up-api.js';
import { FollowUpElement } from '../internal/follow-up-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/**
 * @tagname mm-next-topics
 * @summary "Next topics to ask about": what the learner may ask next, from their questions and
 * what the program's learners asked next, each explained ("People who asked about X next asked
 * about this"), with mentors who know it to add to the board, "Ask about this" and a way to
 * dismiss the topic for good.
 *
 * @event mm-ask-about - "Ask about this". `detail: { skill, label }` (`<mm-follow-up>` opens the question form with it).
 * @event mm-board-changed - A suggested mentor was added to the board. `detail: { mentorId }`.
 * @csspart button - Every button.
 * @csspart ask-button - "Ask about this".
 * @csspart dismiss-button - Dismisses a topic.
 * @csspart add-button - Adds a suggested mentor to the board.
 */
export class MmNextTopics extends FollowUpElement {
  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      ul.plain {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .card > * + * {
        margin-top: var(--_s2);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    topics: { state: true },
    notice: { state: true },
  };

  private topics: SuggestedTopic[] = [];
  private notice = '';
  protected override loading = true;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.topics = await api.recommendations();
    });
  }

  #dismiss(topic: SuggestedTopic): Promise<void> {
    return this.act(async (api) => {
      await api.dismissTopic(topic.skill);
      const index = this.topics.indexOf(topic);
      this.topics = this.topics.filter((t) => t.skill !== topic.skill);
      this.error = '';
      this.notice = this.t.next.dismissed(topic.label);
      // Its card is gone: focus goes to the next topic's dismiss button (or the one before).
      await this.updateComplete;
      const left = this.renderRoot.querySelectorAll<HTMLElement>('[part~="dismiss-button"]');
      left[Math.min(index, left.length - 1)]?.focus();
    });
  }

  #add(topic: SuggestedTopic, mentor: SuggestedTopic['mentors'][number]['mentor']): Promise<void> {
    return this.act(async (api) => {
      await api.addToBoard(mentor.id, topic.label);
      this.topics = this.topics.map((t) => ({
        ...t,
        mentors: t.mentors.filter((m) => m.mentor.id !== mentor.id),
      }));
      this.error = '';
      this.notice = this.t.next.added(mentor.name);
      this.emit('mm-board-changed', { mentorId: mentor.id });
    });
  }

  /** The API's reason in the learner's language, from its code and params (its English text otherwise). */
  #reason({ code, params, text }: SuggestedTopic['reason']): string {
    const t = this.t.next;
    const n = (key: string) => Number(params[key] ?? 0);
    return code === 'next_after'
      ? t.nextAfter(String(params.from), Math.round(n('share') * 100), n('learners'))
      : code === 'related_skill'
        ? t.related(String(params.from))
        : code === 'popular_in_program'
          ? t.popular(n('learners'))
          : text;
  }

  #knows(params: Record<string, string | number>): string {
    const t = this.t.next;
    const sessions = Number(params.sessions ?? 0);
    return [
      t.knows(String(params.skill)),
      sessions > 0 ? t.sessions(sessions) : '',
      params.rating !== undefined ? t.rated(Number(params.rating)) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }

  override render() {
    const t = this.t.next;
    if (this.loading) return this.loadingCards();
    return html`${this.listHead(t.heading, this.notice, this.topics.length === 0 && !this.error && t.empty)}
      <ul class="cards">
        ${this.topics.map(
          (topic) => html`<li class="card">
            <h4>${topic.label}</h4>
            <p class="meta">${this.#reason(topic.reason)}</p>
            ${
              topic.mentors.length
                ? html`<ul class="plain">
                  ${topic.mentors.map(
                    ({ mentor, reason }) => html`<li class="row">
                      <span>${mentor.name} <span class="meta">· ${this.#knows(reason.params)}</span></span>
                      <button part="button add-button" type="button" @click=${() => this.#add(topic, mentor)}>${t.addMentor(mentor.name)}</button>
                    </li>`,
                  )}
                </ul>`
                : nothing
            }
            <div class="row">
              <button part="button ask-button" class="primary" type="button" @click=${() =>
                this.emit('mm-ask-about', { skill: topic.skill, label: topic.label })}>${t.ask}</button>
              <button part="button dismiss-button" type="button" @click=${() => this.#dismiss(topic)}>${t.dismiss(topic.label)}</button>
            </div>
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-next-topics': MmNextTopics;
  }
}
