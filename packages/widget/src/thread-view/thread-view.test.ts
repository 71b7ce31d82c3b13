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
});
