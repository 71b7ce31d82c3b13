import { type HelpRequest, MicromentorError } from '@micromentor/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { resolveLocale } from '../i18n/locale.js';
import type { QuestionAdvice } from '../internal/follow-up-api.js';
import { FollowUpElement } from '../internal/follow-up-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

type Handover = NonNullable<HelpRequest['handover']>;
type Explanation = QuestionAdvice['differences'][number]['explanation'];
type Mark = { code: Explanation['code']; text: string };

/**
 * @tagname mm-my-questions
 * @summary The learner's questions: those still open or with a mentor ("Request another mentor",
 * then who it went to, or that it waits for the program), and those several mentors advised on,
 * their action items and notes side by side per mentor, each marked where mentors agree or
 * differ (computed by the API, explained), with the learner's decision and their consent to
 * show this advice to the question's next mentor. A question handed to another mentor says so
 * (the mentor was silent past the program's window, or the learner asked), and whom it went to;
 * `refresh()` when the learner's live stream brings `request.reassigned`.
 *
 * @event mm-another-mentor - The request is open again. `detail: { requestId, releasedMentorIds, offeredTo }`.
 * @csspart button - Every button.
 * @csspart another-button - "Request another mentor" (opens its confirm step).
 * @csspart confirm-button - Confirms it.
 * @csspart decide-button - Saves the learner's decision.
 */
export class MmMyQuestions extends FollowUpElement {
  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      section {
        margin-top: var(--_s5);
      }
      section:first-of-type {
        margin-top: 0;
      }
      .card > * + * {
        margin-top: var(--_s2);
      }
      .side {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: var(--_s3);
      }
      .side > div {
        border-top: 2px solid var(--_dv);
        padding-top: var(--_s2);
      }
      h5 {
        margin: 0;
        font-size: 1em;
      }
      ul.plain {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_s2);
      }
      ul.plain p {
        margin: 0;
      }
      .check {
        display: flex;
        gap: var(--_s2);
        align-items: flex-start;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    open: { state: true },
    advice: { state: true },
    asking: { state: true },
    notice: { state: true },
  };

  private open: HelpRequest[] = [];
  private advice: QuestionAdvice[] = [];
  /** The request whose "Request another mentor" waits for the learner's confirmation. */
  private asking: string | null = null;
  private notice = '';
  protected override loading = true;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      [this.open, this.advice] = await Promise.all([api.openRequests(), api.advice()]);
    });
  }

  /** "Request another mentor" refused for a reason the learner can act on: said in their words. */
  override describe(error: unknown): string {
    const code = error instanceof MicromentorError ? error.code : '';
    if (code === 'no_current_mentor') return this.t.open.noMentor;
    if (code === 'session_started') return this.t.open.sessionStarted;
    return super.describe(error);
  }

  async #another(event: SubmitEvent, request: HelpRequest): Promise<void> {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    const t = this.t.open;
    await this.act(async (api) => {
      const res = await api.anotherMentor(request.id, reason);
      const offered = new Set((res.offers ?? []).map((o) => o.mentorId));
      const names = (ids: (id: string) => boolean) =>
        res.matches
          .filter((m) => ids(m.mentor.id))
          .slice(0, 3)
          .map((m) => m.mentor.name)
          .join(', ');
      this.asking = null;
      this.error = '';
      this.notice = offered.size
        ? t.offered(names((id) => offered.has(id)))
        : res.matches.length
          ? t.next(names(() => true))
          : t.waits;
      this.emit('mm-another-mentor', {
        requestId: request.id,
        releasedMentorIds: res.releasedMentorIds,
        offeredTo: [...offered],
      });
      this.open = this.open.map((r) => (r.id === res.request.id ? res.request : r));
      // The form is gone: focus goes to the list's heading, above the answer (a refusal keeps the form).
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#open')?.focus();
    });
  }

  async #decide(event: SubmitEvent, q: QuestionAdvice): Promise<void> {
    event.preventDefault();
    const text = String(new FormData(event.target as HTMLFormElement).get('decision') ?? '').trim();
    await this.act(async (api) => {
      const decision = await api.decide(q.question.id, text);
      this.#update(q, { decision });
      this.error = '';
      this.notice = this.t.advice.decided;
    });
  }

  async #share(event: Event, q: QuestionAdvice): Promise<void> {
    const box = event.target as HTMLInputElement;
    await this.act(async (api) => {
      const { shareEarlierAdvice } = await api.shareAdvice(q.question.id, box.checked);
      this.#update(q, { shareEarlierAdvice });
      this.error = '';
      this.notice = shareEarlierAdvice ? this.t.advice.shared : this.t.advice.unshared;
    });
    // Refused: the box shows what is recorded.
    box.checked = this.advice.find((a) => a.question.id === q.question.id)?.shareEarlierAdvice ?? false;
  }

  #update(q: QuestionAdvice, change: Partial<QuestionAdvice>): void {
    this.advice = this.advice.map((a) => (a.question.id === q.question.id ? { ...a, ...change } : a));
  }

  /** Each piece's marks (by the piece's id), worded from the API's codes and params. */
  #marks(q: QuestionAdvice): Map<string, Mark[]> {
    const t = this.t.advice;
    const name = (id: string) => q.mentors.find((m) => m.mentor.id === id)?.mentor.name ?? '';
    const words = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));
    const marks = new Map<string, Mark[]>();
    const add = (id: string, mark: Mark) => marks.set(id, [...(marks.get(id) ?? []), mark]);
    for (const { pieces, explanation } of q.agreements) {
      const [a, b] = pieces as [(typeof pieces)[number], (typeof pieces)[number]];
      const text = t.agree(name(a.mentorId), name(b.mentorId), words(explanation.params.shared));
      add(a.id, { code: 'agree', text });
      add(b.id, { code: 'agree', text });
    }
    for (const { piece, explanation: e } of q.differences) {
      add(piece.id, {
        code: e.code,
        text:
          e.code === 'differs'
            ? t.differs(
                name(String(e.params.closestMentorId)),
                words(e.params.shared),
                String(e.params.closest),
              )
            : t.only(name(piece.mentorId)),
      });
    }
    return marks;
  }

  #markList(marks: Mark[] | undefined): TemplateResult | typeof nothing {
    if (!marks?.length) return nothing;
    const labels = this.t.advice.marks;
    return html`${marks.map(
      (m) =>
        html`<p class="meta ${m.code === 'agree' ? 'ok' : ''}"><strong>${labels[m.code]}:</strong> ${m.text}</p>`,
    )}`;
  }

  #question(q: QuestionAdvice): TemplateResult {
    const t = this.t.advice;
    const marks = this.#marks(q);
    const noteMarks = (id: string) =>
      [...marks].filter(([key]) => key.startsWith(`${id}#`)).flatMap(([, m]) => m);
    const field = `decision-${q.question.id}`;
    return html`<li class="card">
      <h4>${q.question.title}</h4>
      <div class="side">
        ${q.mentors.map(
          (m) => html`<div>
            <h5>${m.mentor.name}</h5>
            ${
              m.items.length
                ? html`<p class="meta">${t.items}</p>
                  <ul class="plain">${m.items.map((item) => html`<li><p>${item.text}</p>${this.#markList(marks.get(item.id))}</li>`)}</ul>`
                : nothing
            }
            ${
              m.notes.length
                ? html`<p class="meta">${t.notes}</p>
                  <ul class="plain">${m.notes.map((note) => html`<li><p class="pre">${note.text}</p>${this.#markList(noteMarks(note.id))}</li>`)}</ul>`
                : nothing
            }
          </div>`,
        )}
      </div>
      <form @submit=${(e: SubmitEvent) => this.#decide(e, q)}>
        <label for=${field}>${t.decision}</label>
        <textarea id=${field} name="decision" rows="2" maxlength="2000" required .value=${q.decision?.text ?? ''}></textarea>
        <button part="button decide-button" type="submit">${t.decide}</button>
      </form>
      <label class="check"><input type="checkbox" .checked=${q.shareEarlierAdvice} @change=${(e: Event) => this.#share(e, q)} />${t.share}</label>
    </li>`;
  }

  /** How long the mentor had, in words: "24 hours", "10 minutes". */
  #duration(minutes: number): string {
    const hours = minutes % 60 === 0;
    return new Intl.NumberFormat(resolveLocale(this.locale, this), {
      style: 'unit',
      unit: hours ? 'hour' : 'minute',
      unitDisplay: 'long',
    }).format(hours ? minutes / 60 : minutes);
  }

  /** The question's latest hand-over, in one plain sentence. */
  #handover(h: Handover): string {
    const t = this.t.open;
    const names = (list: Handover['from']) =>
      list
        .map((m) => m.name)
        .filter(Boolean)
        .join(', ');
    const from = names(h.from);
    const to = names(h.to);
    if (h.reason === 'learner_asked')
      return to ? `${t.askedOther(from)} ${t.offered(to)}` : t.askedOther(from);
    if (h.unanswered || !to) return t.noneLeft;
    const within = h.windowMinutes === null ? t.inTime : t.within(this.#duration(h.windowMinutes));
    return from ? t.silent(from, within, to) : t.noneInTime(within, to);
  }

  #request(r: HelpRequest): TemplateResult {
    const t = this.t.open;
    const asking = this.asking === r.id;
    return html`<li class="card">
      <h4>${r.title}</h4>
      ${r.handover ? html`<p class="handover">${this.#handover(r.handover)}</p>` : nothing}
      <p class="meta">${
        r.status === 'matched'
          ? t.withMentor
          : r.queuedAt
            ? t.queued
            : r.waitingSince
              ? t.waitingMatch
              : t.waiting
      }</p>
      ${
        // Another mentor replaces one: a question that went to the program, or waits for a
        // mentor who fits, has none to replace (others may have one offered or writing: asked).
        !r.matchedMentorId && (r.queuedAt || r.waitingSince)
          ? nothing
          : asking
            ? html`<form @submit=${(e: SubmitEvent) => this.#another(e, r)}>
            <label>${t.reason}<input type="text" name="reason" maxlength="1000" /></label>
            <p class="meta">${t.hint}</p>
            <div class="row">
              <button part="button confirm-button" class="primary" type="submit">${t.confirm}</button>
              <button part="button" type="button" @click=${() => {
                this.asking = null;
              }}>${t.keep}</button>
            </div>
          </form>`
            : html`<button part="button another-button" type="button" @click=${async () => {
                this.asking = r.id;
                await this.updateComplete;
                this.renderRoot.querySelector<HTMLElement>('input[name="reason"]')?.focus();
              }}>${t.another}</button>`
      }
    </li>`;
  }

  override render() {
    if (this.loading) return this.loadingCards();
    const t = this.t;
    return html`<p role="status" class="ok">${this.notice}</p>
      ${this.alert()}
      ${
        this.open.length
          ? html`<section aria-labelledby="open">
            <h3 id="open" tabindex="-1">${t.open.heading}</h3>
            <ul class="cards">${this.open.map((r) => this.#request(r))}</ul>
          </section>`
          : nothing
      }
      <section aria-labelledby="advice">
        <h3 id="advice">${t.advice.heading}</h3>
        ${this.advice.length ? html`<ul class="cards">${this.advice.map((q) => this.#question(q))}</ul>` : html`<p>${t.advice.empty}</p>`}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-my-questions': MmMyQuestions;
  }
}
