import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeApi, json, problem } from '../test-support/fake-api.js';
import { leaderboardApi, type MmLeaderboard } from './leaderboard.component.js';
import './leaderboard.js';

const entry = (rank: number, name: string, sessions: number, minutes: number, headline = '') => ({
  rank,
  mentor: { id: `mnt_${rank}`, name, headline, badges: [] },
  sessions,
  minutes,
});

const board = (by: 'sessions' | 'minutes', entries: ReturnType<typeof entry>[]) => ({
  month: '2026-12',
  from: '2026-12-01T00:00:00.000Z',
  to: '2027-01-01T00:00:00.000Z',
  by,
  entries,
});

async function leaderboard(
  routes: Parameters<typeof fakeApi>[0],
  attrs: { locale?: string; by?: string } = {},
) {
  const { client, calls } = fakeApi(routes);
  const el = await fixture<MmLeaderboard>(
    html`<mm-leaderboard locale=${attrs.locale ?? 'en'} by=${attrs.by ?? 'sessions'} .api=${leaderboardApi(client)}></mm-leaderboard>`,
  );
  await waitUntil(() => !el.shadowRoot!.querySelector('.skeleton'), 'loaded');
  return { el, calls, root: el.shadowRoot! };
}

const rows = (root: ShadowRoot) =>
  Array.from(root.querySelectorAll('li')).map((li) =>
    Array.from(li.querySelectorAll('span'))
      .map((s) => s.textContent!.trim())
      .join(' | '),
  );

describe('<mm-leaderboard>', () => {
  it("ranks this month's mentors with their figures, as text, and is accessible", async () => {
    const { el, root, calls } = await leaderboard({
      'GET /v1/leaderboard': () =>
        json(
          200,
          board('sessions', [
            entry(1, 'Ada <b>Lovelace</b>', 3, 45, 'SQL and data modelling'),
            entry(2, 'Grace Hopper', 1, 15),
          ]),
        ),
    });
    expect(calls[0]!.query).to.deep.equal({ by: 'sessions', limit: '5' });
    expect(root.querySelector('h3')!.textContent).to.equal('Top mentors');
    expect(root.querySelector('.meta')!.textContent).to.equal('December 2026, by sessions held');
    expect(rows(root)).to.deep.equal([
      '1 | Ada <b>Lovelace</b> | 3 sessions | SQL and data modelling',
      '2 | Grace Hopper | 1 session',
    ]);
    expect(root.querySelector('b'), 'names are text, not HTML').to.equal(null);
    expect(el.hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('ranks by minutes in Spanish, plurals by the language’s rules', async () => {
    const { root, calls } = await leaderboard(
      {
        'GET /v1/leaderboard': () =>
          json(200, board('minutes', [entry(1, 'Ada', 2, 1), entry(2, 'Grace', 1, 30)])),
      },
      { locale: 'es', by: 'minutes' },
    );
    expect(calls[0]!.query.by).to.equal('minutes');
    expect(root.querySelector('.meta')!.textContent).to.equal('diciembre de 2026, por minutos de mentoría');
    expect(rows(root)).to.deep.equal(['1 | Ada | 1 minuto', '2 | Grace | 30 minutos']);
  });

  it('shows nothing at all where the program keeps the leaderboard off', async () => {
    const { el, root } = await leaderboard({
      'GET /v1/leaderboard': () =>
        problem(404, 'leaderboard_disabled', 'Not found', 'This program has not turned the leaderboard on.'),
    });
    expect(el.hidden).to.equal(true);
    expect(getComputedStyle(el).display).to.equal('none');
    expect(root.querySelector('h3')).to.equal(null);
  });

  it('says when nobody has held a session yet, and offers a retry when loading fails', async () => {
    let fail = true;
    const { root } = await leaderboard({
      'GET /v1/leaderboard': () =>
        fail ? problem(500, 'internal', 'Internal', 'Boom') : json(200, board('sessions', [])),
    });
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      'Something went wrong. Please try again.',
    );
    fail = false;
    root.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => root.querySelector('h3 + .meta + p'), 'empty state');
    expect(root.querySelector('h3 + .meta + p')!.textContent).to.equal('No sessions yet this month.');
    expect(root.querySelector('[role=alert]')).to.equal(null);
  });

  it('paints its own theme background on the host page, so dark text never lands on a light page', async () => {
    const { client } = fakeApi({ 'GET /v1/leaderboard': () => json(200, board('sessions', [])) });
    const page = await fixture<HTMLDivElement>(
      html`<div style="background: #fff">
        <mm-leaderboard theme="dark" locale="en" .api=${leaderboardApi(client)}></mm-leaderboard>
      </div>`,
    );
    const el = page.querySelector('mm-leaderboard')!;
    await waitUntil(() => el.shadowRoot!.querySelector('h3 + .meta'), 'loaded');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(17, 24, 39)');
    expect(getComputedStyle(el).color).to.equal('rgb(243, 244, 246)');
    expect(getComputedStyle(el).paddingTop).to.equal('16px');
    await expect(el).to.be.accessible();
  });
});
