import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmOfferDetail, MmThreadOpenDetail } from '../events/mm-mentor-console.js';
import { consoleApi } from '../internal/mentor-console-api.js';
import { fakeApi, json, offer, problem } from '../test-support/fake-api.js';
import type { MmOfferInbox } from './offer-inbox.js';
import './offer-inbox.js';

async function inbox(routes: Parameters<typeof fakeApi>[0]) {
  const { client, calls } = fakeApi(routes);
  const el = await fixture<MmOfferInbox>(
    html`<mm-offer-inbox locale="en" .api=${consoleApi(client)}></mm-offer-inbox>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('li:not(.skeleton)'), 'offers');
  return { el, calls };
}

const items = (el: MmOfferInbox) => Array.from(el.shadowRoot!.querySelectorAll('li'));
const status = (el: MmOfferInbox) => el.shadowRoot!.querySelector('[role=status]')!.textContent!;

describe('<mm-offer-inbox>', () => {
  it('lists offers, accepts one, and explains when another mentor was first', async () => {
    let offers = [offer('req_1', 'LEFT JOIN duplicates'), offer('req_2', 'Index not used')];
    const { el, calls } = await inbox({
      'GET /v1/me/offers': () => json(200, { data: offers, nextCursor: null }),
      'POST /v1/requests/req_1/accept': () => {
        offers = offers.map((o) => (o.requestId === 'req_1' ? { ...o, status: 'accepted' } : o));
        return json(200, {});
      },
      'POST /v1/requests/req_2/accept': () =>
        problem(409, 'already_taken', 'Conflict', 'Another mentor accepted this request.'),
    });
    expect(items(el).map((li) => li.querySelector('h4')!.textContent)).to.deep.equal([
      'LEFT JOIN duplicates',
      'Index not used',
    ]);
    expect(calls.find((c) => c.path === '/v1/me/offers')!.query).to.deep.equal({ limit: '50' });
    await expect(el).to.be.accessible();
    const accepted: MmOfferDetail[] = [];
    el.addEventListener('mm-offer-accepted', (e) => accepted.push(e.detail));

    items(el)[0]!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => status(el).includes('Accepted'));
    expect(calls.some((c) => c.method === 'POST' && c.path === '/v1/requests/req_1/accept')).to.be.true;
    expect(accepted).to.deep.equal([{ requestId: 'req_1' }]);
    // Accepted offers have no buttons any more.
    await waitUntil(() => items(el)[0]!.querySelector('button') === null);

    items(el)[1]!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => status(el).includes('Another mentor accepted'));
    expect(accepted).to.have.length(1);
  });

  it('declines an offer, and asks the learner for more detail in the request’s thread', async () => {
    const { el, calls } = await inbox({
      'GET /v1/me/offers': () => json(200, { data: [offer('req_1', 'Deadlock')], nextCursor: null }),
      'POST /v1/requests/req_1/decline': () => json(200, offer('req_1', 'Deadlock', 'declined')),
      'POST /v1/requests/req_1/threads': () => json(201, { id: 'thr_1' }),
      'POST /v1/threads/thr_1/messages': (call) => json(201, { id: 'msg_1', ...(call.body as object) }),
    });
    const opened: MmThreadOpenDetail[] = [];
    el.addEventListener('mm-thread-open', (e) => opened.push(e.detail));
    const button = (text: string) =>
      Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.trim() === text)!;

    button('Ask for more detail').click();
    await waitUntil(() => el.shadowRoot!.querySelector('textarea'), 'question form');
    expect(button('Ask for more detail').getAttribute('aria-expanded')).to.equal('true');
    el.shadowRoot!.querySelector('textarea')!.value = '  Which PostgreSQL version?  ';
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button.primary')!.click();
    await waitUntil(() => opened.length === 1, 'thread opened');
    expect(opened[0]).to.deep.equal({ threadId: 'thr_1' });
    expect(calls.find((c) => c.path === '/v1/threads/thr_1/messages')!.body).to.deep.equal({
      body: 'Which PostgreSQL version?',
    });

    const declined: MmOfferDetail[] = [];
    el.addEventListener('mm-offer-declined', (e) => declined.push(e.detail));
    button('Decline').click();
    await waitUntil(() => declined.length === 1, 'declined');
    expect(declined[0]).to.deep.equal({ requestId: 'req_1' });
    expect(calls.some((c) => c.method === 'POST' && c.path === '/v1/requests/req_1/decline')).to.be.true;
    await waitUntil(() => status(el).includes('Declined'));
  });

  it('shows where the question came from, the selection and earlier sessions with the learner', async () => {
    const withContext = {
      ...offer('req_1', 'LEFT JOIN duplicates'),
      request: {
        title: 'LEFT JOIN duplicates',
        details: 'Orders appear twice.',
        urgency: 'now',
        context: {
          pageTitle: 'Lesson 4: Joins',
          url: 'https://lms.example/lessons/4',
          courseId: 'sql-101',
          selection: 'LEFT JOIN customers',
        },
      },
      previousSessions: [
        {
          id: 'bkg_old',
          start: '2026-11-26T09:00:00.000Z',
          end: '2026-11-26T09:30:00.000Z',
          format: 'video',
          status: 'completed',
          requestTitle: null,
          notes: 'Practise GROUP BY.',
        },
      ],
    };
    const { el } = await inbox({
      'GET /v1/me/offers': () => json(200, { data: [withContext], nextCursor: null }),
    });
    const li = items(el)[0]!;
    expect(li.querySelector('h4')!.textContent).to.equal('LEFT JOIN duplicates');
    expect(li.querySelector('.meta')!.textContent).to.include('From Lena');
    expect(li.querySelector('.q-title')).to.be.null; // the heading is the title already
    expect(li.querySelector('.q-details')!.textContent).to.equal('Orders appear twice.');
    expect(li.querySelector('.q-source a')!.textContent).to.equal('Lesson 4: Joins');
    expect(li.textContent).not.to.include('sql-101');
    expect(li.querySelector('blockquote')!.textContent).to.equal('LEFT JOIN customers');
    expect(li.querySelector('details.earlier summary')!.textContent).to.equal('1 earlier session with Lena');
    expect(li.querySelector('details.earlier li p')!.textContent).to.equal('Practise GROUP BY.');
    expect(status(el)).to.equal('1 request');
    await expect(el).to.be.accessible();
  });

  it('does not count "0 requests" above a request already accepted', async () => {
    const { el } = await inbox({
      'GET /v1/me/offers': () =>
        json(200, { data: [offer('req_1', 'LEFT JOIN duplicates', 'accepted')], nextCursor: null }),
    });
    expect(status(el)).to.equal('');
    expect(el.shadowRoot!.textContent).not.to.include('0 requests');
    expect(items(el)[0]!.querySelector('.meta')!.textContent).to.include('Accepted');
  });

  it('shows what earlier mentors advised on the question (shared by the learner), as text, in light and dark', async () => {
    const shared = {
      ...offer('req_1', 'LEFT JOIN duplicates'),
      request: {
        ...offer('req_1', 'LEFT JOIN duplicates').request,
        earlierAdvice: [
          {
            mentorName: 'Grace',
            actionItems: ['Add a DISTINCT', 'Check the <b>join key</b>'],
            notes: 'We looked at the orders table. <img src=x onerror=alert(1)>',
          },
          { mentorName: 'Alan', actionItems: [], notes: 'Use EXISTS instead.' },
        ],
        learnerDecision: { text: 'DISTINCT <u>for now</u>', decidedAt: '2026-12-01T10:00:00.000Z' },
      },
    };
    const { el } = await inbox({
      'GET /v1/me/offers': () => json(200, { data: [shared], nextCursor: null }),
    });
    const advice = items(el)[0]!.querySelector('.advice')!;
    expect(advice.querySelector('.advice-head')!.textContent).to.equal(
      'What earlier mentors advised on this question',
    );
    const mentors = Array.from(advice.querySelectorAll(':scope > ul > li'));
    expect(mentors.map((li) => li.querySelector('.meta')!.textContent)).to.deep.equal([
      'Grace advised:',
      'Alan advised:',
    ]);
    expect(
      Array.from(mentors[0]!.querySelectorAll('.advice-items li')).map((li) => li.textContent),
    ).to.deep.equal(['Add a DISTINCT', 'Check the <b>join key</b>']);
    // The learner's and mentors' words are text, never markup.
    expect(advice.querySelector('b, img')).to.be.null;
    expect(mentors[0]!.querySelector('p.pre')!.textContent).to.equal(
      'We looked at the orders table. <img src=x onerror=alert(1)>',
    );
    expect(mentors[1]!.querySelector('.advice-items')).to.be.null;
    // What the learner decided after that advice, as text too.
    expect(advice.querySelector('.advice-decision')!.previousElementSibling!.textContent).to.equal(
      'What the learner decided:',
    );
    expect(advice.querySelector('.advice-decision')!.textContent).to.equal('DISTINCT <u>for now</u>');
    expect(advice.querySelector('u')).to.be.null;
    await expect(el).to.be.accessible();
    // Dark, on the page background the dark theme paints.
    el.theme = 'dark';
    el.style.background = 'var(--_bg)';
    await el.updateComplete;
    await expect(el).to.be.accessible();

    // Nothing when the learner does not share it.
    const { el: plain } = await inbox({
      'GET /v1/me/offers': () => json(200, { data: [offer('req_2', 'Index not used')], nextCursor: null }),
    });
    expect(plain.shadowRoot!.querySelector('.advice')).to.be.null;
  });

  it('shows earlier advice in Spanish', async () => {
    const shared = {
      ...offer('req_1', 'Duplicados'),
      request: {
        ...offer('req_1', 'Duplicados').request,
        earlierAdvice: [{ mentorName: 'Grace', actionItems: ['Añade DISTINCT'], notes: '' }],
      },
    };
    const { client } = fakeApi({
      'GET /v1/me/offers': () => json(200, { data: [shared], nextCursor: null }),
    });
    const el = await fixture<MmOfferInbox>(
      html`<mm-offer-inbox locale="es" .api=${consoleApi(client)}></mm-offer-inbox>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.advice'), 'advice');
    expect(el.shadowRoot!.querySelector('.advice-head')!.textContent).to.equal(
      'Lo que aconsejaron antes otros mentores sobre esta pregunta',
    );
    expect(el.shadowRoot!.querySelector('.advice .meta')!.textContent).to.equal('Grace aconsejó:');
    expect(el.shadowRoot!.querySelector('.advice p.pre')).to.be.null;
    expect(el.shadowRoot!.querySelector('.advice-decision')).to.be.null;
  });
});
