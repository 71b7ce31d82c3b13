import { html, nothing, type TemplateResult } from 'lit';
import { type AdminMessages, adminMessages } from '../i18n/admin-console.js';
import { type AdminApi, PAGE_SIZE } from './admin-console-api.js';
import { ApiElement } from './api-element.js';

/**
 * Where a cursor-paged list is: the cursors of the pages seen so far (the first page has none),
 * so Previous goes back without the API having to page backwards.
 */
export class CursorPages {
  #cursors: (string | undefined)[] = [undefined];
  #index = 0;
  /** The cursor of the page after the current one (from the last answer); null on the last page. */
  next: string | null = null;

  /** The cursor to load the current page with. */
  get cursor(): string | undefined {
    return this.#cursors[this.#index];
  }

  /** The current page, from 0. */
  get index(): number {
    return this.#index;
  }

  /** Back to the first page (new filters). */
  reset(): void {
    this.#cursors = [undefined];
    this.#index = 0;
    this.next = null;
  }

  forward(): void {
    if (this.next === null) return;
    this.#cursors[this.#index + 1] = this.next;
    this.#index++;
  }

  back(): void {
    if (this.#index > 0) this.#index--;
  }

  /** Previous (-1) or next (1). */
  turn(step: -1 | 1): void {
    if (step === 1) this.forward();
    else this.back();
  }
}

/** A copy of `open` with `id` added, or taken out when it was in (a row's detail shown or hidden). */
export function toggled(open: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(open);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** A panel of the admin console. */
export class AdminElement extends ApiElement<AdminApi, AdminMessages> {
  get t(): AdminMessages {
    return adminMessages(this.locale, this);
  }

  /** Previous / Next and which rows these are, when there is more than one page. */
  protected pager(
    pages: CursorPages,
    rows: number,
    go: (step: -1 | 1) => void,
  ): TemplateResult | typeof nothing {
    if (pages.index === 0 && pages.next === null) return nothing;
    const t = this.t.paging;
    const first = pages.index * PAGE_SIZE + 1;
    return html`<nav class="pager" aria-label=${t.nav}>
      <button part="button" type="button" ?disabled=${pages.index === 0} @click=${() => go(-1)}>${t.previous}</button>
      <span class="muted">${rows ? t.showing(first, first + rows - 1) : ''}</span>
      <button part="button" type="button" ?disabled=${pages.next === null} @click=${() => go(1)}>${t.next}</button>
    </nav>`;
  }
}
