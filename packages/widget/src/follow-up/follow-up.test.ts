import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MmInstantHelp } from '../instant-help/instant-help.js';
import type { LiveEvent } from '../internal/follow-up-api.js';
import type { Subscribe } from '../internal/subscribe.js';
import { booking, fakeApi, helpRequest, json, match, problem, slot } from '../test-support/fake-api.js';
import { gap, outline } from '../test-support/outline.js';
import type { MmFollowUp } from './follow-up.js';
import './follow-up.js';

const ada = { ...match('Ada Lovelace').mentor, id: 'mnt_ada' };
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const past = booking({
  id: 'bkg_past',
  mentorId: 'mnt_ada',
  start: hourAgo(),
  end: hourAgo(),
  status: 'completed',
});
const future = booking({ id: 'bkg_future', mentorId: 'mnt_ada' });

function notes(done = false) {
  return {
    bookingId: 'bkg_past',
    summary: 'Duplicates came from a one-to-many join.',
    actionItems: [
      { id: 'ai_1', bookingId: 'bkg_past', text: 'Add DISTINCT ON', position: 0, done, doneAt: null },
      {
        id: 'ai_2',
        bookingId: 'bkg_past',
        text: 'Read about join cardinality',
        position: 1,
        done: false,
        doneAt: null,
      },
    ],
    updatedAt: new Date().toISOString(),
  };
}

const thread = {
  id: 'thr_1',
  requestId: 'req_1',
  bookingId: null,
  learner: { id: 'usr_lin', name: 'Lin' },
  mentor: { id: 'usr_ada', name: 'Ada Lovelace' },
  unreadCount: 1,
  lastMessageAt: hourAgo(),
};

/** A learner with one conversation, `thr_1`, whose one message (an hour old) is `message`. */
function oneConversation(message: { id: string; authorId: string; body: string }) {
  return fakeApi({
    'GET /v1/me': () => json(200, { user: { id: 'usr_lin' } }),
    'GET /v1/bookings': () => json(200, { data: [], nextCursor: null }),
    'GET /v1/me/board': () => json(200, { data: [] }),
    'GET /v1/threads': () => json(200, { data: [thread], nextCursor: null }),
    'GET /v1/threads/thr_1/messages': () =>
      json(200, { data: [{ ...message, threadId: 'thr_1', createdAt: hourAgo() }], nextCursor: null }),
    'POST /v1/threads/thr_1/read': () => json(200, { ...thread, unreadCount: 0 }),
  });
}

/** A stand-in for the live stream: `send` delivers an event as the server would. */
function liveStream() {
  let deliver: ((event: LiveEvent) => void) | null = null;
  let id = 0;
  const subscribe: Subscribe = (handlers) => {
    deliver = handlers.onEvent;
  };
  const send = (type: LiveEvent['type'], data: Record<string, unknown>) =>
    deliver?.({ id: String(++id), type, data, createdAt: new Date().toISOString() });
  return { subscribe, send, listening: () => deliver !== null };
}

async function followUp(
  routes: Parameters<typeof fakeApi>[0] = {},
  locale = 'en',
  subscribe: Subscribe | null = null,
) {
  let board: unknown[] = [];
  const api = fakeApi({
    'GET /v1/me': () =>
      json(200, {
        tenant: {
          id: 't',
          name: 'Acme',
          settings: { allowGuests: false, formats: ['video'], sessionLengths: [15] },
        },
        user: { id: 'usr_lin', externalId: 'lin', name: 'Lin', email: null, roles: [], isGuest: false },
        mentorProfile: null,
        keyKind: 'publishable',
      }),
    'GET /v1/threads': () => json(200, { data: [thread], nextCursor: null }),
    'GET /v1/bookings': () => json(200, { data: [past, future], nextCursor: null }),
    'GET /v1/mentors/mnt_ada': () => json(200, ada),
    'GET /v1/bookings/bkg_past/feedback': () => problem(404, 'not_found', 'Not Found', 'No feedback yet.'),
    'GET /v1/bookings/bkg_past/notes': () => json(200, notes()),
    'GET /v1/me/board': () => json(200, { data: board }),
    'GET /v1/me/recommendations': () => json(200, { topics: [] }),
    'GET /v1/me/questions': () => json(200, { questions: [] }),
    'GET /v1/requests': () => json(200, { data: [], nextCursor: null }),
    'GET /v1/me/calendar-feed': () => json(200, { enabled: false, url: null, createdAt: null }),
    'GET /v1/me/email-preferences': () =>
      json(200, {
        learner: {
          address: 'lin@example.org',
          kinds: {
            bookings: true,
            reminders: true,
            requests: true,
            messages: true,
            feedback: true,
            account: true,
          },
        },
        mentor: null,
      }),
    'PUT /v1/me/board/mnt_ada': (call) => {
      board = [
        { mentor: ada, label: (call.body as { label: string }).label, addedAt: new Date().toISOString() },
      ];
      return json(200, board[0]);
    },
    ...routes,
  });
  const el = await fixture<MmFollowUp>(
    html`<mm-follow-up locale=${locale} .client=${api.client} .subscribe=${subscribe}></mm-follow-up>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('mm-advisor-board'), 'loaded');
  return { el, ...api };
}

const inner = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)!;

describe('<mm-follow-up>', () => {
  it('asks for feedback on a past session only, with stars and "solved", and sends it once', async () => {
    const { el, calls } = await followUp({
      'POST /v1/bookings/bkg_past/feedback': (call) => json(201, { id: 'fb_1', ...(call.body as object) }),
    });
    const forms = el.shadowRoot!.querySelectorAll('mm-session-feedback');
    expect(forms).to.have.length(1);
    expect(forms[0]!.getAttribute('booking-id')).to.equal('bkg_past');
    await expect(el).to.be.accessible();
    const form = forms[0]!;
    await (form as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    const root = form.shadowRoot!;
    // Nothing chosen: explained, not sent.
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'));
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('Choose a rating from 1 to 5 stars.');
    // Keyboard: focus the first star, arrow to the fourth.
    root.querySelector<HTMLInputElement>('input[name=rating]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    root.querySelector<HTMLInputElement>('input[name=solved][value=partly]')!.click();
    root.querySelector('textarea')!.value = '  Clear and quick  ';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('.ok'), 'thanks');
    const sent = calls.filter((c) => c.method === 'POST' && c.path.endsWith('/feedback'));
    expect(sent.map((c) => c.body)).to.deep.equal([
      { rating: 4, solved: 'partly', comment: 'Clear and quick' },
    ]);
  });

  it('shows the mentor’s action items and ticks one off', async () => {
    const { el, calls } = await followUp({
      'POST /v1/action-items/ai_1/done': () => json(200, { ...notes(true).actionItems[0], done: true }),
    });
    const items = inner(el, 'mm-action-items');
    await (items as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(items.shadowRoot!.textContent).to.include('Duplicates came from a one-to-many join.');
    expect(items.shadowRoot!.querySelector('[aria-live]')!.textContent).to.equal('0 of 2 done');
    // The checkbox sits beside its text, on one line (not stretched like a text field).
    const box = items.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    const label = box.closest('label')!;
    expect(box.getBoundingClientRect().width).to.be.below(40);
    expect(label.getBoundingClientRect().height).to.be.below(2 * box.getBoundingClientRect().height + 16);
    items.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await waitUntil(() => items.shadowRoot!.querySelector('[aria-live]')!.textContent === '1 of 2 done');
    expect(calls.some((c) => c.method === 'POST' && c.path === '/v1/action-items/ai_1/done')).to.be.true;
    // Adding the mentor to the board re-renders the follow-up: the ticked item stays ticked.
    Array.from(el.shadowRoot!.querySelectorAll('button'))
      .find((b) => b.textContent!.trim() === 'Add to my board')!
      .click();
    await waitUntil(() =>
      el.shadowRoot!.querySelector('mm-advisor-board')!.shadowRoot!.querySelector('li h4'),
    );
    await (items as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(items.shadowRoot!.querySelector('[aria-live]')!.textContent).to.equal('1 of 2 done');
  });

  it('adds the mentor to the board and asks again: a free time, its review, booked', async () => {
    const next = slot(24 * 60);
    const { el, calls } = await followUp({
      'GET /v1/mentors/mnt_ada/slots': () => json(200, { data: [next] }),
      'POST /v1/bookings': (call) =>
        json(201, booking({ id: 'bkg_new', start: (call.body as { start: string }).start })),
    });
    const add = Array.from(el.shadowRoot!.querySelectorAll('button')).find(
      (b) => b.textContent!.trim() === 'Add to my board',
    )!;
    add.click();
    const board = inner(el, 'mm-advisor-board');
    await waitUntil(() => board.shadowRoot!.querySelector('li h4'), 'board entry');
    expect(board.shadowRoot!.querySelector('li h4')!.textContent).to.include('Ada Lovelace');
    // The button is gone once the mentor is on the board.
    await waitUntil(
      () =>
        !Array.from(el.shadowRoot!.querySelectorAll('button')).some(
          (b) => b.textContent!.trim() === 'Add to my board',
        ),
    );
    board.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => board.shadowRoot!.querySelector('[role=group] button'), 'slots');
    board.shadowRoot!.querySelector<HTMLButtonElement>('[role=group] button')!.click();
    await waitUntil(() => board.shadowRoot!.querySelector('[part~="book-button"]'), 'review');
    board.shadowRoot!.querySelector<HTMLButtonElement>('[part~="book-button"]')!.click();
    await waitUntil(() => board.shadowRoot!.querySelector('.ok')!.textContent!.startsWith('Booked:'));
    const created = calls.find((c) => c.method === 'POST' && c.path === '/v1/bookings')!;
    expect(created.body).to.deep.equal({
      mentorId: 'mnt_ada',
      start: next.start,
      durationMinutes: 15,
      format: 'video',
    });
    const slotsCall = calls.find((c) => c.path === '/v1/mentors/mnt_ada/slots')!;
    expect(slotsCall.query.duration).to.equal('15');
    await expect(el).to.be.accessible();
  });

  it('offers to report the session next to the feedback', async () => {
    const { el } = await followUp();
    const report = el.shadowRoot!.querySelector('mm-session-report')!;
    expect(report.getAttribute('mentor-id')).to.equal('mnt_ada');
    expect(report.getAttribute('booking-id')).to.equal('bkg_past');
    await (report as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(report.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Report a problem');
    await expect(el).to.be.accessible();
  });

  it('keeps one heading hierarchy (sections h3, sessions h4, a form inside one h5) and one rhythm', async () => {
    const { el } = await followUp();
    const board = inner(el, 'mm-advisor-board') as HTMLElement & { updateComplete: Promise<boolean> };
    const view = inner(el, 'mm-thread-view');
    const calendar = inner(el, 'mm-calendar-feed');
    await waitUntil(
      () =>
        board.shadowRoot!.querySelector('h3') &&
        view.shadowRoot!.querySelector('h3') &&
        calendar.shadowRoot?.querySelector('button'),
      'drawn',
    );
    const report = el.shadowRoot!.querySelector('mm-session-report')!;
    report.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => report.shadowRoot!.querySelector('form'), 'report form');
    expect(outline(el.shadowRoot!).map((h) => (h.startsWith('h4 ') ? 'h4' : h))).to.deep.equal([
      'h3 Sessions to review',
      'h4',
      'h5 Report this session or mentor',
      'h3 Action items',
      'h4',
      'h3 Messages',
      'h3 Advice side by side',
      'h3 Next topics to ask about',
      'h3 Your board of advisors',
      'h3 Your calendar',
      'h3 Email',
      'h3 Your data',
    ]);
    // The calendar keeps the sections' 24px from the board, and the email preferences, last, from it.
    expect(gap(board, calendar)).to.be.at.least(24);
    const email = inner(el, 'mm-email-preferences');
    await waitUntil(() => email.shadowRoot?.querySelector('h3'), 'email drawn');
    expect(gap(calendar, email)).to.be.at.least(24);
    // Data rights come last, a section of their own.
    expect(gap(email, inner(el, 'mm-data-rights'))).to.be.at.least(24);
    // No button touches the heading after it: "Add to my board" ends its section, "Messages" follows.
    const add = Array.from(el.shadowRoot!.querySelectorAll('button')).find(
      (b) => b.textContent!.trim() === 'Add to my board',
    )!;
    expect(gap(add, view.shadowRoot!.querySelector('h3')!)).to.be.at.least(16);
    // Each section keeps 24px from the one before: the review card (its report button last)
    // does not touch "Action items".
    const reviewCards = el.shadowRoot!.querySelector('section ul.cards')!;
    expect(gap(reviewCards, el.shadowRoot!.querySelector('#items')!)).to.be.at.least(24);
    // Inside a card, the parts keep apart: the feedback form's button and the report link.
    const feedback = el.shadowRoot!.querySelector('mm-session-feedback')!;
    expect(gap(feedback, report)).to.be.at.least(8);
    // In My help (slotted as "mine"), which names the time zone already, it is not said twice.
    expect(el.shadowRoot!.querySelector('.zone')!.checkVisibility()).to.equal(true);
    el.slot = 'mine';
    expect(el.shadowRoot!.querySelector('.zone')!.checkVisibility()).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const { el } = await followUp({}, 'es');
    const headings = Array.from(el.shadowRoot!.querySelectorAll('h3')).map((h) => h.textContent);
    expect(headings).to.deep.equal(['Sesiones por valorar', 'Tareas']);
  });

  it("lists the learner's conversations with mentors, named by the mentor, and opens one", async () => {
    const { el } = await followUp({
      'GET /v1/threads/thr_1/messages': () =>
        json(200, {
          data: [
            {
              id: 'msg_1',
              threadId: 'thr_1',
              authorId: 'usr_ada',
              body: 'Send me the query?',
              createdAt: hourAgo(),
            },
          ],
          nextCursor: null,
        }),
      'POST /v1/threads/thr_1/read': () => json(200, { ...thread, unreadCount: 0 }),
    });
    const threads = inner(el, 'mm-thread-view');
    await waitUntil(() => threads.shadowRoot?.querySelector('button.thread'), 'threads');
    const item = threads.shadowRoot!.querySelector<HTMLButtonElement>('button.thread')!;
    expect(item.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Ada Lovelace 1 unread');
    item.click();
    await waitUntil(() => threads.shadowRoot!.querySelector('.messages li'), 'messages');
    expect(threads.shadowRoot!.querySelector('.messages li.theirs')!.textContent).to.include(
      'Send me the query?',
    );
    await expect(el).to.be.accessible();
  });

  it('asks feedback only on sessions that have ended and have none, knowing it from the list (no 404 per session)', async () => {
    const live = booking({
      id: 'bkg_live',
      mentorId: 'mnt_ada',
      start: new Date(Date.now() - 600_000).toISOString(),
      end: new Date(Date.now() + 300_000).toISOString(),
    });
    const rated = booking({
      id: 'bkg_rated',
      mentorId: 'mnt_ada',
      start: hourAgo(),
      end: hourAgo(),
      feedbackGiven: true,
    });
    // The server marked this one completed although this browser's clock says it has not ended
    // (the server's clock is the one that counts: an e2e moves it ahead).
    const completed = booking({
      id: 'bkg_done',
      mentorId: 'mnt_ada',
      start: new Date(Date.now() + 3600_000).toISOString(),
      end: new Date(Date.now() + 4500_000).toISOString(),
      status: 'completed',
    });
    const { el, calls } = await followUp({
      'GET /v1/bookings': () => json(200, { data: [past, live, rated, future, completed], nextCursor: null }),
    });
    const forms = Array.from(el.shadowRoot!.querySelectorAll('mm-session-feedback'));
    expect(forms.map((f) => f.getAttribute('booking-id'))).to.deep.equal(['bkg_done', 'bkg_past']);
    expect(calls.filter((c) => c.path.endsWith('/feedback'))).to.deep.equal([]);
    // Times: the session's day, start–end and length, and the viewer's zone named once.
    const heading = el.shadowRoot!.querySelector('ul.cards h4')!.textContent!;
    expect(heading).to.match(/^Ada Lovelace, \w{3}, \w{3} \d+ · .+ \(\d+ min\)$/);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(el.shadowRoot!.textContent!.split(`Times in ${zone}`)).to.have.length(2);
  });

  it('follows the learner’s conversations live: new messages, unread counts, read when opened', async () => {
    const stream = liveStream();
    let unread = 1;
    let messages = [
      {
        id: 'msg_1',
        threadId: 'thr_1',
        authorId: 'usr_ada',
        body: 'Send me the query?',
        createdAt: hourAgo(),
      },
    ];
    const second = { ...thread, id: 'thr_2', mentor: { id: 'usr_bob', name: 'Bob' }, unreadCount: 0 };
    const { el, calls } = await followUp(
      {
        'GET /v1/threads': () =>
          json(200, { data: [{ ...thread, unreadCount: unread }, second], nextCursor: null }),
        'GET /v1/threads/thr_1/messages': () => json(200, { data: messages, nextCursor: null }),
        'POST /v1/threads/thr_1/read': () => {
          unread = 0;
          return json(200, { ...thread, unreadCount: 0 });
        },
      },
      'en',
      stream.subscribe,
    );
    const counts: number[] = [];
    el.addEventListener('mm-unread-changed', (e) => counts.push(e.detail.count));
    await waitUntil(() => stream.listening(), 'subscribed');
    const view = inner(el, 'mm-thread-view');
    const items = () =>
      Array.from(view.shadowRoot!.querySelectorAll('button.thread')).map((b) =>
        b.textContent!.replace(/\s+/g, ' ').trim(),
      );
    const total = () => el.shadowRoot!.querySelector('mm-thread-view')!.previousElementSibling!.textContent;
    await waitUntil(() => items().length === 2, 'threads');
    expect(total()).to.equal('1 unread message');

    // A new message from the mentor: the list reloads with the server's counts, the total follows.
    unread = 2;
    const lists = () => calls.filter((c) => c.path === '/v1/threads').length;
    const before = lists();
    stream.send('message.created', { threadId: 'thr_1', message: { authorId: 'usr_ada' } });
    await waitUntil(() => items()[0] === 'Ada Lovelace 2 unread', 'live unread count');
    expect(lists()).to.equal(before + 1);
    await waitUntil(() => total() === '2 unread messages', 'total');

    // Opened: read up to its last message, the total drops to none.
    view.shadowRoot!.querySelector<HTMLButtonElement>('button.thread')!.click();
    await waitUntil(() => view.shadowRoot!.querySelector('.messages li'), 'messages');
    await waitUntil(() => total() === '', 'read');
    // While it is open, a new message in it appears at once (and is marked read again).
    messages = [...messages, { ...messages[0]!, id: 'msg_2', body: 'Any luck?' }];
    stream.send('message.created', { threadId: 'thr_1', message: { authorId: 'usr_ada' } });
    await waitUntil(() => view.shadowRoot!.querySelectorAll('.messages li').length === 2, 'live message');
    // One in another conversation meanwhile counts as unread there.
    stream.send('message.created', { threadId: 'thr_2', message: { authorId: 'usr_bob' } });
    await waitUntil(() => total() === '1 unread message', 'other thread');
    expect(counts).to.deep.equal([2, 0, 1]); // the first 1 came with the load, before this listener
  });

  it('says live that a question went to another mentor (request.reassigned on the learner’s stream)', async () => {
    const stream = liveStream();
    const waiting = helpRequest({ id: 'req_1', title: 'Joins' });
    let requests = [waiting];
    const { el, calls } = await followUp(
      { 'GET /v1/requests': () => json(200, { data: requests, nextCursor: null }) },
      'en',
      stream.subscribe,
    );
    await waitUntil(() => stream.listening(), 'subscribed');
    const questions = inner(el, 'mm-my-questions').shadowRoot!;
    await waitUntil(() => questions.querySelector('.card'), 'question');
    expect(questions.querySelector('.handover')).to.equal(null);
    const lists = () => calls.filter((c) => c.path === '/v1/requests').length;
    const before = lists();
    requests = [
      {
        ...waiting,
        handover: {
          reason: 'no_reply',
          at: new Date().toISOString(),
          from: [{ mentorId: 'mnt_maria', name: 'Maria Lopez' }],
          to: [{ mentorId: 'mnt_jon', name: 'Jon Park' }],
          unanswered: false,
          windowMinutes: 1440,
        },
      },
    ];
    stream.send('request.reassigned', { requestId: 'req_1', reason: 'no_reply' });
    await waitUntil(() => questions.querySelector('.handover'), 'hand-over line');
    expect(questions.querySelector('.handover')!.textContent).to.equal(
      'Maria Lopez didn’t reply within 24 hours — we offered your question to Jon Park.',
    );
    expect(lists()).to.equal(before + 1);
    await expect(el).to.be.accessible();
  });

  it('opens a session’s conversation when My help’s "Chat" asks (mm-chat-open from its parent)', async () => {
    const { client } = oneConversation({ id: 'msg_1', authorId: 'usr_ada', body: 'Hi' });
    const parent = await fixture(
      html`<div><mm-follow-up locale="en" .client=${client} .subscribe=${liveStream().subscribe}></mm-follow-up></div>`,
    );
    const el = parent.querySelector('mm-follow-up')!;
    await waitUntil(() => el.shadowRoot!.querySelector('mm-thread-view'), 'loaded');
    parent.dispatchEvent(new CustomEvent('mm-chat-open', { detail: { threadId: 'thr_1' } }));
    const view = inner(el, 'mm-thread-view');
    await waitUntil(() => view.shadowRoot!.querySelector('.messages li'), 'the conversation');
    expect(view.shadowRoot!.querySelector('.messages li')!.textContent).to.include('Hi');
  });

  it('opens the conversation set as open-thread once drawn, composer focused (after "Message … instead")', async () => {
    const { client } = oneConversation({ id: 'msg_q', authorId: 'usr_lin', body: 'LEFT JOIN duplicates' });
    // Set before the conversations are drawn, as the learner widget does.
    const el = await fixture<MmFollowUp>(
      html`<mm-follow-up locale="en" open-thread="thr_1" .client=${client} .subscribe=${liveStream().subscribe}></mm-follow-up>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('mm-thread-view'), 'loaded');
    const view = inner(el, 'mm-thread-view');
    await waitUntil(() => view.shadowRoot!.querySelector('.messages li'), 'the conversation');
    expect(view.shadowRoot!.querySelector('.messages li')!.textContent).to.include('LEFT JOIN duplicates');
    await waitUntil(() => view.shadowRoot!.activeElement?.localName === 'textarea', 'the composer focused');
    expect(el.openThread, 'opened once').to.equal('');
  });

  it('reloads when shown again after being hidden (My help closed and reopened), not before', async () => {
    const { el, calls } = await followUp();
    const loads = () => calls.filter((c) => c.method === 'GET' && c.path === '/v1/bookings').length;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    await frame();
    expect(loads()).to.equal(1);
    el.hidden = true;
    await frame();
    expect(loads()).to.equal(1);
    el.hidden = false;
    await waitUntil(() => loads() === 2, 'reloaded when shown');
    await frame();
    expect(loads()).to.equal(2);
  });

  it('is what <mm-follow-up request-id> shows', async () => {
    const { client } = fakeApi({
      'GET /v1/requests/req_now': () =>
        json(200, helpRequest({ id: 'req_now', urgency: 'now', format: 'chat' })),
    });
    const el = await fixture(
      html`<mm-follow-up locale="en" request-id="req_now" offers="2" .client=${client}></mm-follow-up>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('mm-instant-help'), 'instant help');
    const inner = el.shadowRoot!.querySelector('mm-instant-help')!;
    expect(inner.getAttribute('request-id')).to.equal('req_now');
    expect((inner as MmInstantHelp).offers).to.equal(2);
  });
});
