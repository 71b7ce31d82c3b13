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
