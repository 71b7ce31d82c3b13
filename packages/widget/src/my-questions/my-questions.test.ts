import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmAnotherMentorDetail } from '../events/mm-follow-up.js';
import { followUpApi } from '../internal/follow-up-api.js';
import { fakeApi, helpRequest, json, match, problem } from '../test-support/fake-api.js';
import type { MmMyQuestions } from './my-questions.js';
import './my-questions.js';

const ada = { id: 'mnt_ada', name: 'Ada Lovelace' };
const grace = { id: 'mnt_grace', name: 'Grace Hopper' };
const question = {
  id: 'req_q1',
  title: 'LEFT JOIN returns duplicate rows',
  requestIds: ['req_q1', 'req_q2'],
  createdAt: '2026-11-20T10:00:00.000Z',
};

function advice(decision: { text: string; decidedAt: string } | null = null, share = false) {
  return {
    question,
    mentors: [
      {
        mentor: ada,
        items: [
          { id: 'ai_a1', bookingId: 'bkg_a', text: 'Add DISTINCT ON customer id', done: false },
          { id: 'ai_a2', bookingId: 'bkg_a', text: 'Draw the join on paper', done: true },
        ],
        notes: [{ id: 'bkg_a', source: 'session', text: 'Duplicates come from the addresses join.' }],
      },
      {
        mentor: grace,
        items: [{ id: 'ai_g1', bookingId: 'bkg_g', text: 'Use DISTINCT ON the customer id', done: false }],
        notes: [{ id: 'msg_g', source: 'thread', text: 'Aggregate addresses first with a subquery.' }],
      },
    ],
    agreements: [
      {
        pieces: [
          { mentorId: 'mnt_ada', kind: 'action_item', id: 'ai_a1', text: 'Add DISTINCT ON customer id' },
          {
            mentorId: 'mnt_grace',
            kind: 'action_item',
            id: 'ai_g1',
            text: 'Use DISTINCT ON the customer id',
          },
        ],
        explanation: {
          code: 'agree',
          text: 'Ada Lovelace and Grace Hopper both advise on: distinct, customer.',
          params: { shared: ['distinct', 'customer'], similarity: 0.6 },
        },
      },
    ],
    differences: [
      {
        piece: { mentorId: 'mnt_ada', kind: 'action_item', id: 'ai_a2', text: 'Draw the join on paper' },
        explanation: {
          code: 'only_one_mentor',
          text: 'Only Ada Lovelace advised this.',
          params: { mentorName: 'Ada Lovelace' },
        },
      },
      {
        piece: {
          mentorId: 'mnt_grace',
          kind: 'note',
          id: 'msg_g#0',
          text: 'Aggregate addresses first with a subquery.',
        },
        explanation: {
          code: 'differs',
          text: 'Ada Lovelace also spoke of addresses but advised: “Duplicates come from the addresses join.”.',
          params: {
            shared: ['addresses'],
            similarity: 0.2,
            closestMentorId: 'mnt_ada',
            closest: 'Duplicates come from the addresses join.',
          },
        },
      },
    ],
    decision,
    shareEarlierAdvice: share,
  };
}

async function myQuestions(routes: Parameters<typeof fakeApi>[0], locale = 'en', theme = 'light') {
  const { client, calls } = fakeApi(routes);
  const page = await fixture<HTMLDivElement>(
    html`<div style="background: ${theme === 'dark' ? '#111827' : '#fff'}">
      <mm-my-questions locale=${locale} theme=${theme} .api=${followUpApi(client)}></mm-my-questions>
    </div>`,
  );
  const el = page.querySelector<MmMyQuestions>('mm-my-questions')!;
  await waitUntil(() => el.shadowRoot!.querySelector('h3'), 'drawn');
  return { el, calls, root: el.shadowRoot! };
}

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const questionList = (decided = false, share = false) =>
  json(200, {
    questions: [{ question, mentors: [ada, grace], decided, shareEarlierAdvice: share }],
  });

describe('<mm-my-questions>', () => {
  it('shows advice side by side per mentor, marked where they agree or differ, and keeps the decision and consent', async () => {
    let current = advice();
    const { el, calls, root } = await myQuestions({
      'GET /v1/requests': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/me/questions': () => questionList(),
      'GET /v1/me/questions/req_q1/advice': () => json(200, current),
      'POST /v1/me/questions/req_q1/decision': (call) => {
        current = advice({ text: (call.body as { text: string }).text, decidedAt: new Date().toISOString() });
        return json(200, current.decision);
      },
      'POST /v1/me/questions/req_q1/share': (call) =>
        json(200, { shareEarlierAdvice: (call.body as { shareEarlierAdvice: boolean }).shareEarlierAdvice }),
    });
    expect(root.querySelector('#open')).to.equal(null);
    expect(text(root.querySelector('#advice'))).to.equal('Advice side by side');
    const card = root.querySelector('ul.cards > li')!;
    expect(text(card.querySelector('h4'))).to.equal('LEFT JOIN returns duplicate rows');
    const columns = Array.from(card.querySelectorAll('.side > div'));
    expect(columns.map((c) => text(c.querySelector('h5')))).to.deep.equal(['Ada Lovelace', 'Grace Hopper']);
    // Side by side: one row, two columns, when there is room.
    expect(columns[0]!.getBoundingClientRect().top).to.equal(columns[1]!.getBoundingClientRect().top);
    // Each piece, then its marks (paragraphs of their own).
    const item = (col: number, i: number) =>
      Array.from(columns[col]!.querySelectorAll('ul.plain > li')[i]!.children).map(text).join(' ');
    expect(item(0, 0)).to.equal(
      'Add DISTINCT ON customer id Agrees: Ada Lovelace and Grace Hopper both advise on: distinct, customer.',
    );
    expect(item(0, 1)).to.equal('Draw the join on paper One mentor: Only Ada Lovelace advised this.');
    expect(item(1, 0)).to.contain(
      'Agrees: Ada Lovelace and Grace Hopper both advise on: distinct, customer.',
    );
    expect(item(1, 1)).to.equal(
      'Aggregate addresses first with a subquery. Differs: Ada Lovelace also spoke of addresses but advised: “Duplicates come from the addresses join.”. Read both before deciding.',
    );
    await expect(el).to.be.accessible();

    // The decision: saved, shown, kept after a reload.
    const field = card.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(text(root.querySelector(`label[for="${field.id}"]`))).to.equal('What I decided');
    field.value = '  Aggregate addresses first, then DISTINCT ON if still needed.  ';
    card.querySelector<HTMLButtonElement>('[part~="decide-button"]')!.click();
    await waitUntil(() => text(root.querySelector('[role=status]')) === 'Your decision is saved.', 'decided');
    expect(calls.find((c) => c.path.endsWith('/decision'))!.body).to.deep.equal({
      text: 'Aggregate addresses first, then DISTINCT ON if still needed.',
    });
    await el.refresh();
    expect(root.querySelector('textarea')!.value).to.equal(
      'Aggregate addresses first, then DISTINCT ON if still needed.',
    );

    // Consent: off until the learner ticks it; the answer is what the box shows.
    const box = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(box.checked).to.equal(false);
    expect(text(box.closest('label'))).to.equal('Let my next mentor on this question see this advice');
    box.click();
    await waitUntil(
      () => text(root.querySelector('[role=status]')) === 'Your next mentor will see this advice.',
      'shared',
    );
    expect(calls.find((c) => c.path.endsWith('/share'))!.body).to.deep.equal({ shareEarlierAdvice: true });
    expect(root.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).to.equal(true);
  });

  it('puts a refused consent back as it is recorded', async () => {
    const { root } = await myQuestions({
      'GET /v1/requests': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/me/questions': () => questionList(),
      'GET /v1/me/questions/req_q1/advice': () => json(200, advice()),
      'POST /v1/me/questions/req_q1/share': () =>
        problem(404, 'not_found', 'Not Found', 'Help request not found.'),
    });
    const box = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    box.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'refused');
    expect(text(root.querySelector('[role=alert]'))).to.equal('Help request not found.');
    expect(box.checked).to.equal(false);
  });

  it('requests another mentor after a confirm step, then says who it went to, or that it waits for the program', async () => {
    const open = helpRequest({
      id: 'req_open',
      title: 'My useEffect fires twice',
      status: 'matched',
      matchedMentorId: 'mnt_ada',
    });
    const closed = helpRequest({ id: 'req_old', title: 'Old question', status: 'resolved' });
    let answers = [match('Grace Hopper'), match('Linus Torvalds')];
    const { el, calls, root } = await myQuestions({
      'GET /v1/requests': () => json(200, { data: [open, closed], nextCursor: null }),
      'GET /v1/me/questions': () => json(200, { questions: [] }),
      'POST /v1/requests/req_open/another-mentor': () =>
        json(200, {
          request: { ...open, status: 'open', matchedMentorId: null },
          releasedMentorIds: ['mnt_ada'],
          matches: answers,
        }),
    });
    expect(text(root.querySelector('#open'))).to.equal('Your open questions');
    const cards = () => Array.from(root.querySelectorAll('section:first-of-type ul.cards > li'));
    expect(cards().map((c) => text(c.querySelector('h4')))).to.deep.equal(['My useEffect fires twice']);
    expect(text(cards()[0]!.querySelector('.meta'))).to.equal('With a mentor');
    expect(text(root.querySelector('#advice + p'))).to.equal(
      'When two or more mentors advise on the same question, their advice shows here side by side.',
    );
    await expect(el).to.be.accessible();

    const events: MmAnotherMentorDetail[] = [];
    el.addEventListener('mm-another-mentor', (e) => events.push(e.detail));
    root.querySelector<HTMLButtonElement>('[part~="another-button"]')!.click();
    await waitUntil(() => root.querySelector('input[name=reason]'), 'confirm step');
    expect(root.activeElement).to.equal(root.querySelector('input[name=reason]'));
    expect(calls.some((c) => c.method === 'POST')).to.equal(false);
    await expect(el).to.be.accessible();
    root.querySelector<HTMLInputElement>('input[name=reason]')!.value = 'No reply for two days';
    root.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => text(root.querySelector('[role=status]')) !== '', 'asked');
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ reason: 'No reply for two days' });
    expect(text(root.querySelector('[role=status]'))).to.equal(
      'Your question is open again. Mentors who can help next: Grace Hopper, Linus Torvalds.',
    );
    expect(events).to.deep.equal([{ requestId: 'req_open', releasedMentorIds: ['mnt_ada'], offeredTo: [] }]);
    expect(root.activeElement).to.equal(root.querySelector('#open'));
    expect(text(cards()[0]!.querySelector('.meta'))).to.equal('Waiting for a mentor');

    // Nobody left: it waits for the program.
    answers = [];
    root.querySelector<HTMLButtonElement>('[part~="another-button"]')!.click();
    await waitUntil(() => root.querySelector('[part~="confirm-button"]'), 'confirm step');
    root.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => text(root.querySelector('[role=status]')).startsWith('Nobody else'), 'waits');
    expect(calls.filter((c) => c.method === 'POST')[1]!.body).to.deep.equal({});
  });

  it('says in words what to do when no mentor is on the question yet', async () => {
    const open = helpRequest({ id: 'req_new', title: 'Nobody yet', status: 'open' });
    const { el, root } = await myQuestions({
      'GET /v1/requests': () => json(200, { data: [open], nextCursor: null }),
      'GET /v1/me/questions': () => json(200, { questions: [] }),
      'POST /v1/requests/req_new/another-mentor': () =>
        problem(409, 'no_current_mentor', 'Conflict', 'No mentor is on this request yet.'),
    });
    root.querySelector<HTMLButtonElement>('[part~="another-button"]')!.click();
    await waitUntil(() => root.querySelector('[part~="confirm-button"]'), 'confirm step');
    root.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'refused');
    expect(text(root.querySelector('[role=alert]'))).to.equal(
      'No mentor is on this question yet: book or message one of its mentors first.',
    );
    expect(text(root.querySelector('[role=status]'))).to.equal('');
    // Refused: the form stays, for another try.
    expect(root.querySelector('[part~="confirm-button"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says a question is with the program, or waiting for a mentor who fits, and offers no other mentor there', async () => {
    const queued = helpRequest({
      id: 'req_q',
      title: 'Dragons',
      status: 'open',
      queuedAt: new Date().toISOString(),
    });
    const waiting = helpRequest({
      id: 'req_w',
      title: 'Griffins',
      status: 'open',
      waitingSince: new Date().toISOString(),
    });
    const { el, root } = await myQuestions({
      'GET /v1/requests': () => json(200, { data: [queued, waiting], nextCursor: null }),
      'GET /v1/me/questions': () => json(200, { questions: [] }),
    });
    await waitUntil(() => root.querySelectorAll('#open ~ ul .card, .card').length > 0, 'cards');
    expect(text(root)).to.contain('With the program: a mentor will take it and write to you');
    expect(text(root)).to.contain('We will tell you when a mentor who knows this is here');
    expect(root.querySelector('[part~="another-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names whom an instant request was offered to, in Spanish, readable in the dark theme', async () => {
    const open = helpRequest({ id: 'req_now', title: 'Ayuda ya', status: 'open', urgency: 'now' });
    const grace = match('Grace Hopper');
    const { el, root } = await myQuestions(
      {
        'GET /v1/requests': () => json(200, { data: [open], nextCursor: null }),
        'GET /v1/me/questions': () => questionList(),
        'GET /v1/me/questions/req_q1/advice': () => json(200, advice()),
        'POST /v1/requests/req_now/another-mentor': () =>
          json(200, {
            request: open,
            releasedMentorIds: ['mnt_ada'],
            matches: [grace, match('Linus Torvalds')],
            offers: [{ mentorId: grace.mentor.id, expiresAt: new Date(Date.now() + 300_000).toISOString() }],
          }),
      },
      'es',
      'dark',
    );
    await waitUntil(() => text(root.querySelector('#open')) === 'Tus preguntas abiertas', 'es');
    expect(text(root.querySelector('#advice'))).to.equal('Consejos lado a lado');
    expect(text(root)).to.contain(
      'Coincide: Ada Lovelace y Grace Hopper aconsejan sobre: distinct, customer.',
    );
    expect(text(root)).to.contain('Difiere: Ada Lovelace también habló de addresses');
    expect(getComputedStyle(el).color).to.equal('rgb(243, 244, 246)');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('[part~="another-button"]')!.click();
    await waitUntil(() => root.querySelector('[part~="confirm-button"]'), 'confirm step');
    expect(text(root.querySelector('[part~="confirm-button"]'))).to.equal('Pedir otro mentor');
    root.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => text(root.querySelector('[role=status]')) !== '', 'offered');
    expect(text(root.querySelector('[role=status]'))).to.equal(
      'Ofrecida a Grace Hopper. Te ayudará quien acepte primero.',
    );
  });

  it('says plainly when a question was handed to another mentor, or to the program; names as text', async () => {
    const at = new Date().toISOString();
    const maria = { mentorId: 'mnt_maria', name: 'Maria Lopez' };
    const jon = { mentorId: 'mnt_jon', name: 'Jon Park' };
    const moved = helpRequest({
      id: 'req_moved',
      title: 'Joins',
      handover: { reason: 'no_reply', at, from: [maria], to: [jon], unanswered: false, windowMinutes: 1440 },
    });
    const left = helpRequest({
      id: 'req_left',
      title: 'Indexes',
      handover: { reason: 'no_reply', at, from: [maria], to: [], unanswered: true, windowMinutes: 120 },
    });
    const instant = helpRequest({
      id: 'req_now',
      title: 'Now',
      urgency: 'now',
      handover: {
        reason: 'no_reply',
        at,
        from: [],
        to: [jon, { mentorId: 'mnt_x', name: '<img src=x onerror=alert(1)>' }],
        unanswered: false,
        windowMinutes: 10,
      },
    });
    const asked = helpRequest({
      id: 'req_asked',
      title: 'Asked',
      handover: {
        reason: 'learner_asked',
        at,
        from: [maria],
        to: [],
        unanswered: false,
        windowMinutes: null,
      },
    });
    const plain = helpRequest({ id: 'req_plain', title: 'Plain' });
    const routes = {
      'GET /v1/requests': () => json(200, { data: [moved, left, instant, asked, plain], nextCursor: null }),
      'GET /v1/me/questions': () => json(200, { questions: [] }),
    };
    const lines = (root: ShadowRoot) =>
      Array.from(root.querySelectorAll('.card')).map((c) => text(c.querySelector('.handover')));
    const { el, root } = await myQuestions(routes);
    await waitUntil(() => root.querySelectorAll('.card').length === 5, 'cards');
    expect(lines(root)).to.deep.equal([
      'Maria Lopez didn’t reply within 24 hours — we offered your question to Jon Park.',
      'No mentor replied in time — the program has your question.',
      'No mentor answered within 10 minutes — we offered your question to Jon Park, <img src=x onerror=alert(1)>.',
      'You asked for another mentor instead of Maria Lopez.',
      '',
    ]);
    expect(root.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();

    const es = await myQuestions(routes, 'es', 'dark');
    await waitUntil(() => es.root.querySelectorAll('.card').length === 5, 'cards es');
    expect(lines(es.root).slice(0, 2)).to.deep.equal([
      'Maria Lopez no respondió en 24 horas: ofrecimos tu pregunta a Jon Park.',
      'Ningún mentor respondió a tiempo: tu pregunta está en manos del programa.',
    ]);
    await expect(es.el).to.be.accessible();

    const fr = await myQuestions(routes, 'fr');
    await waitUntil(() => fr.root.querySelectorAll('.card').length === 5, 'cards fr');
    expect(lines(fr.root)[0]).to.equal(
      'Maria Lopez n’a pas répondu sous 24 heures : nous avons proposé votre question à Jon Park.',
    );
    expect(lines(fr.root)[2]).to.contain('Aucun mentor n’a répondu sous 10 minutes');
  });
});
