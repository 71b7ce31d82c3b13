import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { followUpApi, type LiveEvent, type Subscribe } from '../internal/follow-up-api.js';
import { booking, fakeApi, helpRequest, json, match, slot } from '../test-support/fake-api.js';
import type { MmInstantHelp } from './instant-help.js';
import './instant-help.js';

const ada = { ...match('Ada Lovelace').mentor, id: 'mnt_ada', formats: ['chat' as const, 'video' as const] };
const request = helpRequest({ id: 'req_now', urgency: 'now', format: 'chat' });
const session = booking({
  id: 'bkg_now',
  mentorId: 'mnt_ada',
  requestId: 'req_now',
  format: 'chat',
  joinUrl: null,
  threadId: 'thr_now',
  start: new Date().toISOString(),
});
const message = (id: string, authorId: string, body: string) => ({
  id,
  threadId: 'thr_now',
  authorId,
  body,
  createdAt: new Date().toISOString(),
});

/** A live stream the test drives: `emit` delivers an event as `events.subscribe` would. */
function liveStream() {
  const live = { emit: (_event: LiveEvent) => {}, subscribed: 0 };
  const subscribe: Subscribe = (handlers) => {
    live.subscribed++;
    live.emit = handlers.onEvent;
    handlers.onOpen?.();
  };
  return { live, subscribe };
}

const event = (type: string, data: Record<string, unknown>, id = '1'): LiveEvent =>
  ({ id, type, data, createdAt: new Date().toISOString() }) as LiveEvent;

async function instant(
  routes: Parameters<typeof fakeApi>[0] = {},
  locale = 'en',
  status = 'open',
  liveOffers: number | undefined = undefined,
) {
  let messages = [message('msg_1', 'usr_ada', 'Hi! Can you paste the query?')];
  const { client, calls } = fakeApi({
    'GET /v1/requests/req_now': () => json(200, { ...request, status, liveOffers }),
    'GET /v1/bookings': () => json(200, { data: status === 'matched' ? [session] : [], nextCursor: null }),
    'GET /v1/bookings/bkg_now': () => json(200, session),
    'GET /v1/mentors/mnt_ada': () => json(200, ada),
    'GET /v1/threads/thr_now/messages': () => json(200, { data: messages, nextCursor: null }),
    'POST /v1/threads/thr_now/read': () => json(200, {}),
    'POST /v1/threads/thr_now/messages': (call) => {
      const posted = message('msg_2', request.learnerId, (call.body as { body: string }).body);
      messages = [...messages, posted];
      return json(201, posted);
    },
    ...routes,
  });
  const { live, subscribe } = liveStream();
  const el = await fixture<MmInstantHelp>(
    html`<mm-instant-help
      locale=${locale}
      request-id="req_now"
      offers="3"
      .subscribe=${subscribe}
      .api=${followUpApi(client)}
    ></mm-instant-help>`,
  );
  return {
    el,
    calls,
    live,
    addMessage: (m: ReturnType<typeof message>) => {
      messages = [...messages, m];
    },
  };
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<mm-instant-help>', () => {
  it('waits while online mentors are asked, shows the winner live, and chats in the session’s thread', async () => {
    const { el, live, calls, addMessage } = await instant();
    await waitUntil(() => text(el).includes('Asking 3 mentors who are online…'), 'waiting');
    await expect(el).to.be.accessible();
    // Another request's events change nothing.
    live.emit(event('request.accepted', { requestId: 'req_other', bookingId: 'bkg_x', mentorName: 'Bo' }));
    live.emit(
      event('request.accepted', {
        requestId: 'req_now',
        mentorId: 'mnt_ada',
        mentorName: 'Ada Lovelace',
        bookingId: 'bkg_now',
        threadId: 'thr_now',
      }),
    );
    await waitUntil(() => text(el).includes('Ada Lovelace accepted and is helping you now.'), 'winner');
    expect(calls.some((c) => c.path === '/v1/bookings/bkg_x')).to.be.false;
    const thread = el.shadowRoot!.querySelector('mm-thread-view')!;
    await waitUntil(() => thread.shadowRoot?.querySelector('.messages li'), 'messages');
    expect(thread.shadowRoot!.querySelector('.messages')!.textContent).to.include('Can you paste the query?');
    // Only the session's chat: no way back to a list of conversations.
    expect(thread.shadowRoot!.textContent).not.to.include('All conversations');
    // The learner answers in the thread.
    const textarea = thread.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'SELECT * FROM orders LEFT JOIN customers …';
    textarea.dispatchEvent(new InputEvent('input'));
    await (thread as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    thread.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => thread.shadowRoot!.querySelectorAll('.messages li').length === 2, 'sent');
    expect(
      calls.find((c) => c.method === 'POST' && c.path === '/v1/threads/thr_now/messages')!.body,
    ).to.deep.equal({
      body: 'SELECT * FROM orders LEFT JOIN customers …',
    });
    // The mentor's reply arrives live.
    addMessage(message('msg_3', 'usr_ada', 'Got it: the join fans out.'));
    live.emit(event('message.created', { threadId: 'thr_now', requestId: 'req_now' }, '5'));
    await waitUntil(() => thread.shadowRoot!.querySelectorAll('.messages li').length === 3, 'live reply');
    await expect(el).to.be.accessible();
  });

  it('offers scheduled times when nobody accepts within the window, and books one after its review', async () => {
    const next = slot(90, 15);
    const { el, live, calls } = await instant({
      'POST /v1/bookings': (call) =>
        json(201, booking({ id: 'bkg_later', start: (call.body as { start: string }).start })),
    });
    await waitUntil(() => text(el).includes('Asking 3'), 'waiting');
    live.emit(
      event('request.offers_expired', {
        requestId: 'req_now',
        reason: 'window',
        matches: [
          { mentorId: 'mnt_ada', name: 'Ada Lovelace', nextSlots: [next] },
          { mentorId: 'mnt_none', name: 'Nobody Free', nextSlots: [] },
        ],
      }),
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role=group] button'), 'slots');
    expect(text(el)).to.include('Nobody could take it right now. Book one of these times instead:');
    expect(text(el)).not.to.include('Nobody Free');
    expect(el.shadowRoot!.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal(
      'Free times with Ada Lovelace',
    );
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=group] button')!.click();
    // Reviewed first: the mentor, the time and the format, nothing booked yet.
    await waitUntil(() => el.shadowRoot!.querySelector('.review'), 'review');
    expect(el.shadowRoot!.querySelector('.review')!.textContent).to.include('Session with Ada Lovelace');
    expect(calls.some((c) => c.method === 'POST')).to.be.false;
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="book-button"]')!.click();
    await waitUntil(() => text(el).includes('Booked:'), 'booked');
    const created = calls.find((c) => c.method === 'POST' && c.path === '/v1/bookings')!;
    expect(created.body).to.deep.equal({
      mentorId: 'mnt_ada',
      start: next.start,
      durationMinutes: 15,
      format: 'chat',
    });
  });

  it('shows the session at once when the request was already accepted (a reload)', async () => {
    const { el, calls } = await instant({}, 'en', 'matched');
    await waitUntil(() => text(el).includes('Ada Lovelace accepted'), 'session');
    expect(calls.some((c) => c.path === '/v1/bookings')).to.be.true;
    expect(el.shadowRoot!.querySelector('mm-thread-view')!.getAttribute('thread-id')).to.equal('thr_now');
  });

  it('counts the mentors asked from the request, and says so at once when nobody is online', async () => {
    const asked = await instant({}, 'en', 'open', 2);
    await waitUntil(() => text(asked.el).includes('Asking 2 mentors who are online…'), 'count from the API');
    const nobody = await instant({}, 'en', 'open', 0);
    await waitUntil(
      () => text(nobody.el).includes('No mentor who fits is online right now.'),
      'nobody online',
    );
    await expect(nobody.el).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const { el } = await instant({}, 'es');
    await waitUntil(() => text(el).includes('Preguntando a 3 mentores conectados…'), 'waiting es');
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('Ayuda ahora mismo');
  });
});
