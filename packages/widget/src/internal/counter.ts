import { html, nothing, type TemplateResult } from 'lit';

/**
 * Under a field with a limit: nothing while it is far; "3,980 / 4,000" from 90 % of it; past it,
 * also by how much, as an alert (`over(n)`: the catalogue's words). The field names it in its
 * `aria-describedby` (`id`) and is `aria-invalid` while it is over.
 */
export function counter(
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
  name: string;
  /**
   * The field's `id`, if it has one. Its length is `lengths[id ?? name]` (as `measure` keeps
   * them) and its counter is `<id ?? name>-count`.
   */
  id?: string;
  /** The server's limit (`data-max`). */
  max: number;
  /** A textarea of that many rows; without, a one-line text input. */
  rows?: number;
  /** Its value (a property: what the user types stays until this changes). */
  value?: string;
  /** A text input only: `required`. */
  required?: boolean;
}

/**
 * A field with a limit in its label, then its `counter()`: `data-max` (for `measure` and
 * `overLimit`), `aria-invalid` while it is over, `aria-describedby` naming the counter.
 */
export function limitedField(
  f: LimitedField,
  lengths: Record<string, number>,
  over: (n: number) => string,
  locale: string,
): TemplateResult {
  const key = f.id ?? f.name;
  const length = lengths[key] ?? 0;
  const count = `${key}-count`;
  const invalid = length > f.max ? 'true' : 'false';
  const field = f.rows
    ? html`<textarea
        id=${f.id ?? nothing}
        name=${f.name}
        rows=${f.rows}
        data-max=${f.max}
        aria-invalid=${invalid}
        aria-describedby=${count}
        .value=${f.value ?? nothing}
      ></textarea>`
    : html`<input
        id=${f.id ?? nothing}
        name=${f.name}
        type="text"
        data-max=${f.max}
        ?required=${f.required}
        aria-invalid=${invalid}
        aria-describedby=${count}
        .value=${f.value ?? nothing}
      />`;
  return html`<label>${f.label}${field}</label>${counter(count, length, f.max, over, locale)}`;
}
