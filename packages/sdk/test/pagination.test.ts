import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Mentor, Micromentor, NotFoundError, Page } from '../src/index.js';
import { sendJson, sendProblem, startServer, type TestServer } from './helpers/http-server.js';

/** Seven mentors served three to a page, the cursor being the next index. */
const mentors: Mentor[] = Array.from({ length: 7 }, (_, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  externalId: null,
  name: `Mentor ${i}`,
  headline: '',
  bio: '',
  skills: ['sql'],
  yearsExperience: i,
  languages: ['en'],
  timeZone: 'UTC',
  formats: ['chat'],
  status: 'approved',
  stats: { sessions: 0, rating: null, ratingCount: 0, medianResponseMinutes: null },
  badges: [],
  hasCallBridge: false,
}));

let server: TestServer;
let mm: Micromentor;

beforeAll(async () => {
  server = await startServer({
    'GET /v1/mentors': (req, res) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      const start = Number(query.get('cursor') ?? 0);
      const end = start + 3;
      sendJson(res, 200, {
        data: mentors.slice(start, end),
        nextCursor: end < mentors.length ? String(end) : null,
      });
    },
    'GET /v1/requests': (_req, res) =>
      sendProblem(res, 404, { title: 'Not Found', detail: 'gone', code: 'not_found', requestId: 'req_p' }),
  });
  mm = new Micromentor({ baseUrl: server.baseUrl, secretKey: 'sk_test', maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const urls = () => server.requests.map((r) => r.url);

describe('lists', () => {
  it('awaits to the first page, which leads to the next one', async () => {
    const page = await mm.mentors.list({ skills: ['sql'] });
    expect(page).toBeInstanceOf(Page);
    expect(page.data.map((m) => m.name)).toEqual(['Mentor 0', 'Mentor 1', 'Mentor 2']);
    expect(page.nextCursor).toBe('3');
    expect(page.hasNextPage()).toBe(true);
    const second = await page.nextPage();
    expect(second?.data.map((m) => m.name)).toEqual(['Mentor 3', 'Mentor 4', 'Mentor 5']);
    const last = await (await second?.nextPage())?.nextPage();
    expect(last).toBeNull();
    expect(urls()).toEqual([
      '/v1/mentors?skills=sql',
      '/v1/mentors?skills=sql&cursor=3',
      '/v1/mentors?skills=sql&cursor=6',
    ]);
  });

  it('iterates every item across pages with for await, keeping the filters', async () => {
    const names: string[] = [];
    for await (const mentor of mm.mentors.list({ skills: ['sql'], format: 'chat' })) names.push(mentor.name);
    expect(names).toEqual(mentors.map((m) => m.name));
    expect(urls()).toHaveLength(3);
    expect(urls().every((u) => u.startsWith('/v1/mentors?skills=sql&format=chat'))).toBe(true);
  });

  it('collects with toArray, fetching no page beyond the limit', async () => {
    expect((await mm.mentors.list().toArray({ limit: 4 })).map((m) => m.name)).toEqual([
      'Mentor 0',
      'Mentor 1',
      'Mentor 2',
      'Mentor 3',
    ]);
    expect(urls()).toEqual(['/v1/mentors', '/v1/mentors?cursor=3']);
    expect(await mm.mentors.list().toArray()).toHaveLength(7);
    expect(await mm.mentors.list().toArray({ limit: 0 })).toEqual([]);
  });

  it('walks whole pages with pages()', async () => {
    const sizes: number[] = [];
    for await (const page of mm.mentors.list().pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('sends nothing until awaited or iterated, and fetches the first page once', async () => {
    const list = mm.mentors.list();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(urls()).toEqual([]);
    const first = await list;
    const again = await list;
    expect(again).toBe(first);
    const all = await list.toArray();
    expect(all).toHaveLength(7);
    expect(urls()).toEqual(['/v1/mentors', '/v1/mentors?cursor=3', '/v1/mentors?cursor=6']);
  });

  it('rejects like a promise: await, catch and finally all see the error', async () => {
    await expect(mm.requests.list()).rejects.toBeInstanceOf(NotFoundError);
    const caught = await mm.requests.list().catch((error: unknown) => error);
    expect(caught).toMatchObject({ code: 'not_found', requestId: 'req_p' });
    let settled = false;
    await mm.requests
      .list()
      .finally(() => {
        settled = true;
      })
      .catch(() => {});
    expect(settled).toBe(true);
    await expect(
      (async () => {
        for await (const _ of mm.requests.list()) {
          // never reached
        }
      })(),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
