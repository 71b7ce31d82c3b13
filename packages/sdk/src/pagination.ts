/** One page of a list, as the API sends it, plus the way to the next one. */
export class Page<T> {
  declare readonly data: T[];
  /** Opaque; null on the last page. */
  declare readonly nextCursor: string | null;
  readonly #load: (cursor: string) => Promise<Page<T>>;

  constructor(body: { data: T[]; nextCursor: string | null }, load: (cursor: string) => Promise<Page<T>>) {
    this.data = body.data;
    this.nextCursor = body.nextCursor;
    this.#load = load;
  }

  hasNextPage(): boolean {
    return this.nextCursor !== null;
  }

  /** The following page, or null after the last one. */
  nextPage(): Promise<Page<T> | null> {
    return this.nextCursor === null ? Promise.resolve(null) : this.#load(this.nextCursor);
  }
}

/**
 * What a `list` method returns. Await it for the first page; iterate it with `for await` for
 * every item across all pages (each page is fetched when the previous one runs out); or
 * collect with `toArray({ limit })`. Nothing is sent until it is awaited or iterated.
 */
export class PageList<T> implements Promise<Page<T>>, AsyncIterable<T> {
  readonly #load: (cursor?: string) => Promise<Page<T>>;
  #first: Promise<Page<T>> | undefined;

  /** @internal */
  constructor(fetchPage: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>) {
    this.#load = async (cursor) => new Page(await fetchPage(cursor), this.#load);
  }

  /** So a list passes where a `Promise<Page<T>>` is expected. */
  get [Symbol.toStringTag](): string {
    return 'PageList';
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#load();
    return this.#first;
  }

  // biome-ignore lint/suspicious/noThenProperty: a list is awaitable for its first page, like a promise.
  then<A = Page<T>, B = never>(
    onfulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.#firstPage().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onfinally);
  }

  /** Every page in turn, the first one included. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> | null = await this.#firstPage();
    while (page) {
      yield page;
      page = await page.nextPage();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Every item across pages, stopping (and fetching no further page) at `limit` items. */
  async toArray(options: { limit?: number } = {}): Promise<T[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const items: T[] = [];
    if (limit <= 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) break;
    }
    return items;
  }
}
