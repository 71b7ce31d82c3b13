// Who booked and why, as the mentor console shows it on a session card, an offer and a
// conversation's header: the question (title, details folded when long, the page or lesson it
// was asked from, the selected text, what earlier mentors advised on it when the learner shares
// that) and the mentor's earlier sessions with that learner. Every
// value is the learner's or the mentor's plain text: rendered as text, never as HTML.
import type { EarlierAdvice, PreviousSession, RequestContext } from '@micromentor/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsoleMessages } from '../i18n/mentor-console.js';
import { safeUrl } from './safe-url.js';

/** Details longer than this (or with more lines) are folded behind "Show more". */
const FOLD_CHARS = 240;
const FOLD_LINES = 4;

/** What a question needs: a request brief, or an offer's request. */
export interface Question {
  title: string;
  details: string;
  context: RequestContext;
  /** What the learner's other mentors advised on this question (only when the learner shares it). */
  earlierAdvice?: EarlierAdvice | undefined;
  /** What the learner decided after it (shared with it). */
  learnerDecision?: { text: string } | undefined;
}

type Words = ConsoleMessages['context'];

/** The start of long details, cut at a word. */
function preview(details: string): string {
  const firstLines = details.split('\n').slice(0, FOLD_LINES).join('\n');
  const cut = firstLines.slice(0, FOLD_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > FOLD_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function details(text: string, t: Words): TemplateResult | typeof nothing {
  if (!text.trim()) return nothing;
  const long = text.length > FOLD_CHARS || text.split('\n').length > FOLD_LINES;
  if (!long) return html`<p class="pre q-details">${text}</p>`;
  return html`<details class="q-more">
    <summary><span class="pre q-preview">${preview(text)}</span> <span class="q-toggle q-show">${t.more}</span
      ><span class="q-toggle q-hide">${t.less}</span></summary>
    <p class="pre q-details">${text}</p>
  </details>`;
}

/**
 * Where it was asked: the page title (linked to the page), else the page's address; the LMS's
 * lesson and course ids only when there is no page title; the topic.
 */
function source(context: RequestContext, t: Words): TemplateResult | typeof nothing {
  const url = safeUrl(context.url);
  const title = context.pageTitle?.trim();
  const parts: (TemplateResult | string)[] = [];
  if (title) {
    parts.push(
      url ? html`<a href=${url} target="_blank" rel="noopener noreferrer nofollow">${title}</a>` : title,
    );
  } else {
    if (url) parts.push(html`<a href=${url} target="_blank" rel="noopener noreferrer nofollow">${url}</a>`);
    if (context.lessonId) parts.push(t.lesson(context.lessonId));
    if (context.courseId) parts.push(t.course(context.courseId));
  }
  if (context.topic) parts.push(t.topic(context.topic));
  if (parts.length === 0) return nothing;
  return html`<p class="meta q-source">
    ${t.askedOn} ${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p}`)}
  </p>`;
}

/**
 * What the learner's earlier mentors advised on this question — their action items and an
 * excerpt of their notes — and what the learner decided, so the mentor sees it before answering;
 * nothing when not shared.
 */
function earlierAdvice(q: Question, t: Words): TemplateResult | typeof nothing {
  const advice = q.earlierAdvice;
  if (!advice?.length) return nothing;
  const decision = q.learnerDecision?.text.trim();
  return html`<div class="advice">
    <p class="advice-head">${t.advice.heading}</p>
    <ul>
      ${advice.map(
        (a) => html`<li>
          <p class="meta">${t.advice.by(a.mentorName)}</p>
          ${a.actionItems.length ? html`<ul class="advice-items">${a.actionItems.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
          ${a.notes ? html`<p class="pre">${a.notes}</p>` : nothing}
        </li>`,
      )}
    </ul>
    ${decision ? html`<p class="meta">${t.advice.decided}</p><p class="pre advice-decision">${decision}</p>` : nothing}
  </div>`;
}

/**
 * The question: its title (unless `withTitle: false`), details, where it was asked, the
 * selection, and what earlier mentors advised on it (when the learner shares that).
 */
export function questionView(q: Question, t: Words, opts: { withTitle?: boolean } = {}): TemplateResult {
  const selection = q.context.selection?.trim();
  return html`<div class="question">
    ${opts.withTitle === false ? nothing : html`<p class="q-title">${q.title}</p>`} ${details(q.details, t)}
    ${source(q.context, t)}
    ${
      selection
        ? html`<figure class="q-selection">
          <figcaption class="meta">${t.selection}</figcaption>
          <blockquote class="pre">${selection}</blockquote>
        </figure>`
        : nothing
    }
    ${earlierAdvice(q, t)}
  </div>`;
}

/**
 * The mentor's earlier sessions with the learner, folded, newest first, each with its notes;
 * nothing at all when the list is absent (not the mentor's to see).
 */
export function earlierSessions(
  sessions: readonly PreviousSession[] | undefined,
  learnerName: string,
  t: Words,
  when: (iso: string) => string,
): TemplateResult | typeof nothing {
  if (!sessions) return nothing;
  if (sessions.length === 0) return html`<p class="meta earlier-none">${t.firstTime(learnerName)}</p>`;
  return html`<details class="earlier">
    <summary>${t.earlier(learnerName, sessions.length)}</summary>
    <ul>
      ${sessions.map(
        (s) => html`<li>
          <span class="meta">${when(s.start)}${s.requestTitle ? html` · ${s.requestTitle}` : nothing}</span>
          ${s.notes ? html`<p class="pre">${s.notes}</p>` : html`<p class="meta">${t.noNotes}</p>`}
        </li>`,
      )}
    </ul>
  </details>`;
}
