import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmAskAboutDetail, MmBoardChangedDetail } from '../events/mm-follow-up.js';
import { followUpApi } from '../internal/follow-up-api.js';
import { fakeApi, json, match, problem } from '../test-support/fake-api.js';
import type { MmNextTopics } from './next-topics.js';
import './next-topics.js';

const grace = { ...match('Grace Hopper').mentor, id: 'mnt_grace' };
const linus = { ...match('Linus Torvalds').mentor, id: 'mnt_linus' };

const topics = () => [
  {
    skill: 'window-functions',
    label: 'Window functions',
    reason: {
      code: 'next_after',
      text: 'People who asked about SQL joins next asked about Window functions (60%)',
      params: { from: 'SQL joins', fromSkill: 'sql-joins', share: 0.6, learners: 5 },
    },
    mentors: [
      {
        mentor: grace,
        reason: {
          code: 'knows_topic',
          text: 'Knows Window functions · 12 sessions · rated 4.8',
          params: { skill: 'Window functions', sessions: 12, rating: 4.8 },
        },
      },
    ],
  },
  {
    skill: 'indexing',
    label: 'Indexing',
    reason: {
      code: 'popular_in_program',
      text: 'Popular in your program: 7 learners asked about Indexing',
      params: { learners: 7 },
    },
    mentors: [
      {
        mentor: linus,
        reason: { code: 'knows_topic', text: 'Knows Indexing', params: { skill: 'Indexing', sessions: 0 } },
      },
    ],
  },
];

async function nextTopics(routes: Parameters<typeof fakeApi>[0], locale = 'en', theme = 'light') {
  const { client, calls } = fakeApi(routes);
  const page = await fixture<HTMLDivElement>(
    html`<div style="background: ${theme === 'dark' ? '#111827' : '#fff'}">
      <mm-next-topics locale=${locale} theme=${theme} .api=${followUpApi(client)}></mm-next-topics>
    </div>`,
  );
  const el = page.querySelector<MmNextTopics>('mm-next-topics')!;
  await waitUntil(() => el.shadowRoot!.querySelector('h3'), 'drawn');
  return { el, calls, root: el.shadowRoot! };
}

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<mm-next-topics>', () => {
  it('suggests what to ask next, explained, with mentors to add to the board; dismissed topics go for good', async () => {
    let list = topics();
    const { el, calls, root } = await nextTopics({
      'GET /v1/me/recommendations': () => json(200, { topics: list }),
      'POST /v1/me/recommendations/dismiss': (call) => {
        list = list.filter((t) => t.skill !== (call.body as { skill: string }).skill);
        return new Response(null, { status: 204 });
      },
      'PUT /v1/me/board/mnt_grace': (call) =>
        json(200, {
          mentor: grace,
          label: (call.body as { label: string }).label,
          addedAt: new Date().toISOString(),
        }),
    });
    expect(text(root.querySelector('h3'))).to.equal('Next topics to ask about');
    const cards = Array.from(root.querySelectorAll('ul.cards > li'));
    expect(cards.map((c) => text(c.querySelector('h4')))).to.deep.equal(['Window functions', 'Indexing']);
    expect(text(cards[0]!.querySelector('p.meta'))).to.equal(
      'People who asked about SQL joins next asked about this (60% of 5).',
    );
    expect(text(cards[0])).to.contain('Grace Hopper · Knows Window functions · 12 sessions · rated 4.8');
    expect(text(cards[1]!.querySelector('p.meta'))).to.equal(
      'Popular in your program: 7 learners asked about it.',
    );
    expect(text(cards[1])).to.contain('Linus Torvalds · Knows Indexing');
    expect(text(cards[1])).not.to.contain('0 sessions');
    await expect(el).to.be.accessible();

    // A suggested mentor onto the board, labelled with the topic.
    const changed: MmBoardChangedDetail[] = [];
    el.addEventListener('mm-board-changed', (e) => changed.push(e.detail));
    const add = cards[0]!.querySelector<HTMLButtonElement>('[part~="add-button"]')!;
    expect(text(add)).to.equal('Add Grace Hopper to my board');
    add.click();
    await waitUntil(() => text(root.querySelector('[role=status]')) !== '', 'added');
    expect(text(root.querySelector('[role=status]'))).to.equal('Grace Hopper is on your board.');
    expect(calls.find((c) => c.method === 'PUT')!.body).to.deep.equal({ label: 'Window functions' });
    expect(changed).to.deep.equal([{ mentorId: 'mnt_grace' }]);
    expect(text(root)).not.to.contain('Grace Hopper ·');

    // "Ask about this" says which topic.
    const asked: MmAskAboutDetail[] = [];
    el.addEventListener('mm-ask-about', (e) => asked.push(e.detail));
    root.querySelector<HTMLButtonElement>('[part~="ask-button"]')!.click();
    expect(asked).to.deep.equal([{ skill: 'window-functions', label: 'Window functions' }]);

    // Dismissed: the server is told the skill, the card goes, focus stays on the list.
    const dismiss = root.querySelector<HTMLButtonElement>('[part~="dismiss-button"]')!;
    expect(text(dismiss)).to.equal('Not interested in Window functions');
    dismiss.click();
    await waitUntil(() => root.querySelectorAll('ul.cards > li').length === 1, 'dismissed');
    expect(calls.find((c) => c.path === '/v1/me/recommendations/dismiss')!.body).to.deep.equal({
      skill: 'window-functions',
    });
    expect(text(root.querySelector('[role=status]'))).to.equal(
      'Window functions will not be suggested again.',
    );
    expect(root.activeElement).to.equal(root.querySelector('[part~="dismiss-button"]'));
    // Loaded again (My help opened later): still gone.
    await el.refresh();
    expect(Array.from(root.querySelectorAll('li h4')).map(text)).to.deep.equal(['Indexing']);
  });

  it('says so when there is nothing to suggest yet, and offers to try again when loading failed', async () => {
    let fail = true;
    const { el, root } = await nextTopics({
      'GET /v1/me/recommendations': () =>
        fail ? problem(503, 'unavailable', 'Unavailable', 'Try later.') : json(200, { topics: [] }),
    });
    expect(text(root.querySelector('[role=alert]'))).to.equal('Something went wrong. Please try again.');
    expect(root.querySelector('ul.cards > li')).to.equal(null);
    fail = false;
    root.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => !root.querySelector('[role=alert]'), 'loaded again');
    expect(text(root)).to.contain('Suggestions appear here once you have asked a question or two.');
    await expect(el).to.be.accessible();
  });

  it('words the reasons in Spanish from their codes, readable in the dark theme', async () => {
    const { el, root } = await nextTopics(
      { 'GET /v1/me/recommendations': () => json(200, { topics: topics() }) },
      'es',
      'dark',
    );
    await waitUntil(() => text(root.querySelector('h3')) === 'Próximos temas sobre los que preguntar', 'es');
    expect(text(root.querySelector('li p.meta'))).to.equal(
      'Quienes preguntaron sobre SQL joins preguntaron después sobre esto (60 % de 5).',
    );
    expect(text(root)).to.contain('Sabe de Window functions · 12 sesiones · valoración 4.8');
    expect(text(root.querySelector('[part~="dismiss-button"]'))).to.equal('No me interesa Window functions');
    expect(getComputedStyle(el).color).to.equal('rgb(243, 244, 246)');
    await expect(el).to.be.accessible();
  });
});
