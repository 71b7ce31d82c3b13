import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { type AdminMessages, adminMessages } from '../i18n/admin-console.js';
import { type AdminApi, PAGE_SIZE } from './admin-console-api.js';
import { ApiElement } from './api-element.js';

/** A page of a list, as the API answers it. */
export interface Page<Row> {
  data: Row[];
  nextCursor: string | null;
}

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

/**
 * An admin list: a page of rows at a time through the API's cursors, each row's detail shown on
 * demand. The panel says how to fetch a page with its filters (`fetchPage`) and draws the rows.
 */
export abstract class AdminListElement<Row extends { id: string }> extends AdminElement {
  @state() protected rows: Row[] = [];
  /** The rows whose detail is shown. */
  @state() protected open = new Set<string>();
  protected override loading = true;
  protected readonly pages = new CursorPages();

  /** One page of the list with the panel's filters. */
  protected abstract fetchPage(api: AdminApi, cursor: string | undefined): Promise<Page<Row>>;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Loads the current page with the current filters. */
  refresh(): Promise<void> {
    this.loading = true;
    return this.load(async (api) => {
      const page = await this.fetchPage(api, this.pages.cursor);
      // The last rows of a later page were acted on: show the page before it instead.
      if (page.data.length === 0 && this.pages.index > 0) {
        this.pages.back();
        return this.refresh();
      }
      this.rows = page.data;
      this.pages.next = page.nextCursor;
      this.open = new Set([...this.open].filter((id) => page.data.some((row) => row.id === id)));
    });
  }

  /** New filters: back to the first page. */
  protected firstPage(): void {
    this.pages.reset();
    void this.refresh();
  }

  protected turnPage(step: -1 | 1): void {
    this.pages.turn(step);
    void this.refresh();
  }

  /**
   * The status line, the failure (with a retry when the page failed to load), and the page of rows: skeleton rows while the
   * first page loads, `empty` when there are none, Previous / Next under them.
   */
  protected listBody(
    notice: string,
    empty: string,
    row: (row: Row) => TemplateResult,
    skeleton: TemplateResult,
  ): TemplateResult {
    const body =
      this.loading && this.rows.length === 0
        ? html`<ul class="rows" aria-hidden="true">${[0, 1, 2].map(() => html`<li>${skeleton}</li>`)}</ul>`
        : this.rows.length === 0
          ? this.error
            ? nothing
            : html`<p>${empty}</p>`
          : html`<ul class="rows" aria-busy=${this.loading ? 'true' : 'false'}>${this.rows.map(row)}</ul>
              ${this.pager(this.pages, this.rows.length, (step) => this.turnPage(step))}`;
    return html`<p role="status" class="ok">${this.loading ? this.t.loading : notice}</p>
      ${this.alert()}
      ${body}`;
  }

  /** A row's name, as the button that shows or hides its detail (`detailId`). */
  protected disclosure(id: string, detailId: string, name: string): TemplateResult {
    return html`<h4>
      <button
        type="button"
        class="disclosure"
        aria-expanded=${this.open.has(id) ? 'true' : 'false'}
        aria-controls=${detailId}
        @click=${() => this.toggle(id)}
      >${name}</button>
    </h4>`;
  }

  /** Shows or hides a row's detail. */
  protected toggle(id: string): void {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.open = open;
  }
}
