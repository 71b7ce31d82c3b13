import { html, nothing, type TemplateResult } from 'lit';

/**
 * Under a field with a limit: nothing while it is far; "3,980 / 4,000" from 90 % of it; past it,
 * also by how much, as an alert (`over(n)`: the catalogue's words). The field names it in its
 * `aria-describedby` (`id`) and is `aria-invalid` while it is over.
 */
function counter(
  id: string,
  length: number,
  max: number,
  over: (n: number) => string,
  locale: string,
): TemplateResult | typeof nothing {
  if (length < max * 0.9) return nothing;
  const n = new Intl.NumberFormat(locale || undefined);
  return html`<p id=${id} class="count ${length > max ? 'error' : 'hint'}">${n.format(length)} / ${n.format(max)}${
    length > max ? html` <span role="alert">${over(length - max)}</span>` : nothing
  }</p>`;
}

/** A field with a length limit, as `limitedField` draws it. */
export interface LimitedField {
  /** The label's text. */
  label: string;
  /** The field's `name` (a field outside a form may have none, but then an `id`). */
  name?: string;
  /**
   * The field's `id`, if it has one. Its length is `lengths[id ?? name]` (as `measure` keeps
   * them) and its counter is `<id ?? name>-count`.
   */
  id?: string;
  /** The server's limit (`data-max`). */
  max: number;
  /** A textarea of that many rows; without, a one-line text input. */
  rows?: number;
  /** The label on a line of its own, `for` the field's `id`, rather than around the field. */
  apart?: boolean;
  /** Its value (a property: what the user types stays until this changes). */
  value?: string;
  /** Text inputs only: `required`, `autocomplete` and `placeholder`. */
  required?: boolean;
  autocomplete?: string;
  placeholder?: string;
  /** A hint under the field (`<id>-hint`), which describes it too. */
  hint?: string;
  /** What is wrong with it, in the hint's place (`<id>-error`): it is invalid, and described by this alone. */
  error?: string;
}

/**
 * A field with a limit, its label, its hint or error and its `counter()`: `data-max` (for
 * `measure` and `overLimit`), `aria-invalid` while it is over, `aria-describedby` naming the
 * counter.
 */
export function limitedField(
  f: LimitedField,
  lengths: Record<string, number>,
  over: (n: number) => string,
  locale: string,
): TemplateResult {
  const key = f.id ?? f.name ?? '';
  const length = lengths[key] ?? 0;
  const count = `${key}-count`;
  const about = f.error ? 'error' : f.hint ? 'hint' : '';
  const invalid = f.error || length > f.max ? 'true' : 'false';
  const describedBy = f.error ? `${key}-error` : f.hint ? `${key}-hint ${count}` : count;
  const field = f.rows
    ? html`<textarea
        id=${f.id ?? nothing}
        name=${f.name ?? nothing}
        rows=${f.rows}
        data-max=${f.max}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        .value=${f.value ?? nothing}
      ></textarea>`
    : html`<input
        id=${f.id ?? nothing}
        name=${f.name ?? nothing}
        type="text"
        data-max=${f.max}
        ?required=${f.required}
        autocomplete=${f.autocomplete ?? nothing}
        placeholder=${f.placeholder ?? nothing}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        .value=${f.value ?? nothing}
      />`;
  return html`<label for=${f.apart ? key : nothing}>${f.label}${f.apart ? nothing : field}</label>${
    f.apart ? field : nothing
  }${about ? html`<p id="${key}-${about}" class=${about}>${f.error || f.hint}</p>` : nothing}${counter(
    count,
    length,
    f.max,
    over,
    locale,
  )}`;
}
