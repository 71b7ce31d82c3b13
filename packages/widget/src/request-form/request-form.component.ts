import type { HelpRequest, RequestContext, SessionFormat } from '@micromentor/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { limitedField } from '../internal/counter.js';
import { DETAILS_MAX, measure, overLimit, SELECTION_MAX, TITLE_MAX } from '../internal/limits.js';
import { MmElement } from '../internal/mm-element.js';
import { requestFormStyles } from './request-form.styles.js';

/** How soon the learner needs help: the server's one definition, through the SDK. */
export type Urgency = HelpRequest['urgency'];

const FORMATS: readonly SessionFormat[] = ['video', 'call', 'chat'];
const URGENCIES: readonly Urgency[] = ['now', 'today', 'this_week', 'flexible'];

/**
 * @tagname mm-request-form
 * @summary Step 1: the learner describes the problem; the page context goes along. Near a
 * field's limit a counter shows; text past it is kept, said to be too long, and not sent.
 *
 * @event mm-request-submit - Sending started.
 * @event mm-request-created - `detail: { request, matches }`.
 * @event mm-error - The call failed; the message is shown in the form too.
 *
 * @csspart button - Every button.
 * @csspart submit-button - The submit button.
 * @csspart remove-selection-button - Removes the page selection from the question.
 */
export class MmRequestForm extends MmElement {
  static override styles = requestFormStyles;

  static override properties: PropertyDeclarations = {
    context: { attribute: false },
    selection: { attribute: false },
    titles: { attribute: false },
    titleError: { state: true },
    format: { state: true },
    urgency: { state: true },
    lengths: { state: true },
  };

  /** Captured where the learner asked (page, topic, course, lesson); sent as `context`. */
  context: RequestContext = {};

  /**
   * The text the learner had selected on the page when they opened the widget: shown, sent as
   * `context.selection` (its first SELECTION_MAX characters, saying so when it is longer) unless
   * the learner removes it.
   */
  selection = '';

  /**
   * What the learner reads for the context's topic, course and lesson: the summary shows these
   * titles, never the ids the context sends (an item without a title is left out).
   */
  titles: { topic?: string; course?: string; lesson?: string } = {};

  private titleError = '';
  /** The title's and details' lengths as typed or pasted, for their counters. */
  private lengths: Record<string, number> = {};
  format: SessionFormat = 'video';
  urgency: Urgency = 'flexible';

  private get titleInput(): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>('#title')!;
  }
  private get detailsInput(): HTMLTextAreaElement {
    return this.renderRoot.querySelector<HTMLTextAreaElement>('#details')!;
  }

  /** Moves focus to the first field (the panel does this when the step shows). */
  override focus(): void {
    this.titleInput?.focus();
  }

  /** Writes a title in (a suggested topic the learner chose to ask about) and focuses it. */
  async prefill(title: string): Promise<void> {
    await this.updateComplete;
    this.titleInput.value = title;
    this.focus();
  }

  #validate(title: string): boolean {
    this.titleError = title ? '' : this.t.form.titleRequired;
    return !this.titleError;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const title = this.titleInput.value.trim();
    if (!this.#validate(title)) {
      this.titleInput.focus();
      return;
    }
    // Too long: the counter says by how much; nothing is cut and nothing is sent.
    if (overLimit(this.renderRoot)) return;
    await this.attempt('request', async () => {
      this.emit('mm-request-submit', {});
      const { request, matches, instantHelpAvailable } = await this.api.requests.create({
        title,
        details: this.detailsInput.value.trim(),
        format: this.format,
        urgency: this.urgency,
        context: this.selection
          ? { ...this.context, selection: this.selection.slice(0, SELECTION_MAX) }
          : this.context,
      });
      // Nobody fits: whether instant help could reach someone now travels with the request.
      this.emit('mm-request-created', {
        request: instantHelpAvailable === undefined ? request : { ...request, instantHelpAvailable },
        matches,
      });
    });
  }

  #radios<V extends string>(name: string, values: readonly V[], labels: Record<V, string>, current: V) {
    return values.map(
      (value) => html`
        <label class="choice">
          <input
            type="radio"
            name=${name}
            .value=${value}
            .checked=${value === current}
            @change=${() => {
              if (name === 'format') this.format = value as SessionFormat;
              else this.urgency = value as Urgency;
            }}
          />
          ${labels[value]}
        </label>
      `,
    );
  }

  #selection(): TemplateResult | typeof nothing {
    const t = this.t.form;
    if (!this.selection) return nothing;
    const cut = this.selection.length > SELECTION_MAX;
    return html`
      <div class="selection">
        <p class="hint" id="selection-label">${t.selection}</p>
        <blockquote aria-labelledby="selection-label">${this.selection.slice(0, SELECTION_MAX)}</blockquote>
        ${cut ? html`<p class="hint">${t.selectionCut(SELECTION_MAX.toLocaleString(this.resolvedLocale))}</p>` : nothing}
        <button
          part="button remove-selection-button"
          type="button"
          @click=${() => {
            this.selection = '';
            this.detailsInput.focus();
          }}
        >
          ${t.removeSelection}
        </button>
      </div>
    `;
  }

  #contextSummary(): TemplateResult | typeof nothing {
    const t = this.t.form;
    const { pageTitle } = this.context;
    const { topic, course, lesson } = this.titles;
    const items = [
      pageTitle && t.contextPage(pageTitle),
      topic && this.t.topic(topic),
      course && t.contextCourse(course),
      lesson && t.contextLesson(lesson),
    ].filter((item): item is string => Boolean(item));
    if (!items.length) return nothing;
    return html`
      <div class="context">
        <p class="hint" id="context-label">${t.context}</p>
        <ul aria-labelledby="context-label">
          ${items.map((item) => html`<li>${item}</li>`)}
        </ul>
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const t = this.t.form;
    const locale = this.resolvedLocale;
    return html`
      <form
        novalidate
        aria-busy=${this.busy ? 'true' : 'false'}
        @submit=${this.#submit}
        @input=${(event: Event) => {
          this.lengths = measure(this.lengths, event);
          // A title said to be missing is checked again as it is typed.
          if (this.titleError && event.target === this.titleInput)
            this.#validate(this.titleInput.value.trim());
        }}
      >
        <div class="field">
          ${limitedField(
            {
              label: t.title,
              name: 'title',
              id: 'title',
              apart: true,
              max: TITLE_MAX,
              autocomplete: 'off',
              hint: t.titleHint,
              error: this.titleError,
            },
            this.lengths,
            this.t.over,
            locale,
          )}
        </div>
        <div class="field">
          ${limitedField(
            {
              label: t.details,
              name: 'details',
              id: 'details',
              apart: true,
              max: DETAILS_MAX,
              rows: 4,
              hint: t.detailsHint,
            },
            this.lengths,
            this.t.over,
            locale,
          )}
        </div>
        ${this.#selection()}
        <fieldset>
          <legend>${t.format}</legend>
          ${this.#radios('format', FORMATS, t.formats, this.format)}
        </fieldset>
        <fieldset>
          <legend>${t.urgency}</legend>
          ${this.#radios('urgency', URGENCIES, t.urgencies, this.urgency)}
        </fieldset>
        ${this.#contextSummary()}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button part="button submit-button" class="primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t.submitting : t.submit}
        </button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-request-form': MmRequestForm;
  }
}
