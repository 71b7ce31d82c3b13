import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { conversationApi } from '../internal/conversation-api.js';
import { fakeApi, json } from '../test-support/fake-api.js';
import type { MmThreadView } from './thread-view.js';
import './thread-view.js';

describe('<mm-thread-view>', () => {
  it('renders messages as text with only http(s) links clickable, and sends a reply', async () => {
    const messages = [
      {
        id: 'msg_1',
        threadId: 'thr_1',
        authorId: 'usr_lena',
        body: 'See https://example.com/docs. <img src=x onerror=alert(1)> javascript:alert(1)',
        createdAt: new Date().toISOString(),
      },
    ];
    const { client, calls } = fakeApi({
      'GET /v1/threads/thr_1/messages': () => json(200, { data: messages, nextCursor: null }),
      'POST /v1/threads/thr_1/read': () => json(200, {}),
      'POST /v1/threads/thr_1/messages': (call) =>
        json(201, {
          id: 'msg_2',
          threadId: 'thr_1',
          authorId: 'usr_ada',
          body: (call.body as { body: string }).body,
          createdAt: new Date().toISOString(),
        }),
    });
    const el = await fixture<MmThreadView>(
      html`<mm-thread-view locale="en" thread-id="thr_1" .userId=${'usr_ada'} .api=${conversationApi(client)}></mm-thread-view>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.messages li'), 'messages');
    // Not `single`: the way back to the list is there.
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.include('All conversations');
    const links = Array.from(el.shadowRoot!.querySelectorAll('.messages a'));
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/docs']);
    expect(links[0]!.getAttribute('rel')).to.include('noopener');
    expect(el.shadowRoot!.querySelector('img')).to.be.null;
    expect(el.shadowRoot!.querySelector('.messages p')!.textContent).to.include(
      '<img src=x onerror=alert(1)>',
    );
    expect(calls.find((c) => c.path === '/v1/threads/thr_1/read')!.body).to.deep.equal({
      messageId: 'msg_1',
    });
    await expect(el).to.be.accessible();

    const box = el.shadowRoot!.querySelector('textarea')!;
    box.value = '  Try GROUP BY first  ';
    box.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.messages li').length === 2, 'sent');
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))!.body).to.deep.equal({
      body: 'Try GROUP BY first',
    });
    expect(el.shadowRoot!.querySelector('.messages li.mine')!.textContent).to.include('You');
  });

  it('refuses a message over 4,000 characters', async () => {
    const { client } = fakeApi({
      'GET /v1/threads/thr_1/messages': () => json(200, { data: [], nextCursor: null }),
    });
    const el = await fixture<MmThreadView>(
      html`<mm-thread-view locale="en" thread-id="thr_1" .api=${conversationApi(client)}></mm-thread-view>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('textarea'), 'composer');
    const box = el.shadowRoot!.querySelector('textarea')!;
    box.value = 'x'.repeat(4001);
    box.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(
      'Messages are limited to 4,000 characters.',
    );
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.disabled).to.be.true;
  });

  const thread = (role: 'learner' | 'mentor', extra: Record<string, unknown> = {}) => ({
    id: 'thr_1',
    requestId: 'req_1',
    bookingId: null,
    learner: { id: 'usr_lena', name: 'Lena Park' },
    mentor: { id: 'mnt_ada', name: 'Ada Lovelace' },
    role,
    createdAt: new Date().toISOString(),
    lastMessageAt: null,
    lastMessage: null,
    unreadCount: 0,
    lastReadMessageId: null,
    request: {
      id: 'req_1',
      title: 'Why does my join duplicate rows?',
      details: 'Orders <i>appear</i> twice.',
      context: { pageTitle: 'Lesson 4: Joins', selection: 'LEFT JOIN customers' },
      createdAt: new Date().toISOString(),
    },
    ...extra,
  });

  it('heads the mentor’s thread with the learner, the question, where it was asked and earlier sessions', async () => {
    const { client } = fakeApi({
      'GET /v1/threads/thr_1/messages': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/threads/thr_1': () =>
        json(
          200,
          thread('mentor', {
            previousSessions: [
              {
                id: 'bkg_old',
                start: '2026-11-26T09:00:00.000Z',
                end: '2026-11-26T09:30:00.000Z',
                format: 'chat',
                status: 'completed',
                requestTitle: 'Indexes',
                notes: null,
              },
            ],
          }),
        ),
    });
    const el = await fixture<MmThreadView>(
      html`<mm-thread-view locale="en" thread-id="thr_1" .userId=${'usr_ada'} .api=${conversationApi(client)}></mm-thread-view>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.thread-head'), 'header');
    const head = el.shadowRoot!.querySelector('.thread-head')!;
    expect(head.querySelector('h3')!.textContent).to.equal('Lena Park');
    expect(head.querySelector('.q-title')!.textContent).to.equal('Why does my join duplicate rows?');
    expect(head.querySelector('.q-details')!.textContent).to.equal('Orders <i>appear</i> twice.');
    expect(head.querySelector('i')).to.be.null;
    expect(head.querySelector('.q-source')!.textContent).to.include('Lesson 4: Joins');
    expect(head.querySelector('blockquote')!.textContent).to.equal('LEFT JOIN customers');
    expect(head.querySelector('details.earlier summary')!.textContent).to.equal(
      '1 earlier session with Lena Park',
    );
    expect(head.querySelector('details.earlier li .meta')!.textContent).to.include('Indexes');
    expect(head.querySelector('details.earlier li p')!.textContent).to.equal('No notes written.');
    await expect(el).to.be.accessible();
  });

  it('heads the mentor’s thread with what earlier mentors advised on the question, in French and dark', async () => {
    const base = thread('mentor');
    const shared = {
      ...base,
      request: {
        ...base.request,
        earlierAdvice: [{ mentorName: 'Grace', actionItems: ['Vérifier la <b>clé</b>'], notes: '' }],
        learnerDecision: { text: 'Ajouter DISTINCT', decidedAt: '2026-12-01T10:00:00.000Z' },
      },
    };
    const { client } = fakeApi({
      'GET /v1/threads/thr_1/messages': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/threads/thr_1': () => json(200, shared),
    });
    const el = await fixture<MmThreadView>(
      html`<mm-thread-view locale="fr" theme="dark" thread-id="thr_1" .userId=${'usr_ada'} .api=${conversationApi(client)}></mm-thread-view>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.thread-head .advice'), 'advice');
    const advice = el.shadowRoot!.querySelector('.thread-head .advice')!;
    expect(advice.querySelector('.advice-head')!.textContent).to.equal(
      'Ce que les mentors précédents ont conseillé sur cette question',
    );
    expect(advice.querySelector('li .meta')!.textContent).to.equal('Grace a conseillé :');
    expect(advice.querySelector('.advice-items li')!.textContent).to.equal('Vérifier la <b>clé</b>');
    expect(advice.querySelector('b')).to.be.null;
    expect(advice.querySelector('.advice-decision')!.textContent).to.equal('Ajouter DISTINCT');
    el.style.background = 'var(--_bg)';
    await expect(el).to.be.accessible();
  });

  it('heads the learner’s thread with the mentor and the request’s title only; lists say who and what about', async () => {
    const { client } = fakeApi({
      'GET /v1/threads': () => json(200, { data: [thread('learner')], nextCursor: null }),
      'GET /v1/threads/thr_1/messages': () => json(200, { data: [], nextCursor: null }),
      'POST /v1/threads/thr_1/read': () => json(200, {}),
      'GET /v1/threads/thr_1': () => json(200, thread('learner')),
    });
    const el = await fixture<MmThreadView>(
      html`<mm-thread-view locale="es" .userId=${'usr_lena'} .api=${conversationApi(client)}></mm-thread-view>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('button.thread'), 'list');
    const item = el.shadowRoot!.querySelector('button.thread')!;
    expect(item.querySelector('.who')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Ada Lovelace Why does my join duplicate rows?',
    );
    await expect(el).to.be.accessible();
    (item as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('.thread-head'), 'header');
    const head = el.shadowRoot!.querySelector('.thread-head')!;
    expect(head.querySelector('h3')!.textContent).to.equal('Ada Lovelace');
    expect(head.querySelector('.meta')!.textContent).to.equal('Sobre: Why does my join duplicate rows?');
    expect(head.querySelector('.question, details.earlier')).to.be.null;
  });

  it('keeps the unread count a one-line pill beside a long title on a phone', async () => {
    const long = { ...thread('mentor'), unreadCount: 3 };
    const { client } = fakeApi({ 'GET /v1/threads': () => json(200, { data: [long], nextCursor: null }) });
    const el = await fixture<MmThreadView>(
      html`<mm-thread-view style="display: block; width: 300px" locale="en" .userId=${'usr_ada'} .api=${conversationApi(client)}></mm-thread-view>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.badge'), 'badge');
    const badge = el.shadowRoot!.querySelector<HTMLElement>('.badge')!;
    const { height } = badge.getBoundingClientRect();
    const line = Number.parseFloat(getComputedStyle(badge).lineHeight) || 20;
    expect(height, 'one line').to.be.below(line * 1.6);
    expect(badge.textContent!.trim()).to.equal('3 unread');
  });
});
