import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MmBookingCancelledEvent, MmBookingRescheduledEvent } from '../events/mm-booking-created.js';
import type { MmRequestCreatedEvent } from '../events/mm-request-created.js';
import type { MmThreadCreatedEvent } from '../events/mm-thread-created.js';
import { formatSession } from '../internal/time.js';
import { keepThenReopen } from '../test-support/confirm-step.js';
import {
  booking,
  fakeApi,
  helpRequest,
  json,
  match,
  problem,
  slot,
  threeMatches,
} from '../test-support/fake-api.js';
import { outline } from '../test-support/outline.js';
import type { MmAskExpert } from './ask-expert.js';
import './ask-expert.js';

// Guest form, "My help", the empty state and the offline state, driven through the panel.
// Assertions compare strings, never DOM nodes (see ask-expert.test.ts).

const me = (user: object | null, allowGuests = true, formats = ['video']) =>
  json(200, {
    tenant: { id: 't', name: 'Acme', settings: { allowGuests, formats, sessionLengths: [15] } },
    user,
    mentorProfile: null,
    keyKind: 'publishable',
  });

const learner = { id: 'u', externalId: 'x', name: 'Lin', email: null, roles: [], isGuest: false };

type Stepped = HTMLElement & { updateComplete: Promise<unknown> };
const STEPS = 'mm-guest-form, mm-request-form, mm-match-list, mm-confirmation, mm-my-help';

async function settle(el: MmAskExpert): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    // My help is a chunk of its own, loaded when it is first opened.
    if (el.shadowRoot!.querySelector('mm-my-help:not([hidden])'))
      await customElements.whenDefined('mm-my-help');
    for (const child of el.shadowRoot!.querySelectorAll<Stepped>(STEPS)) await child.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
  }
}

function visibleStep(el: MmAskExpert): string[] {
  return Array.from(el.shadowRoot!.querySelectorAll(STEPS))
    .filter((step) => !step.hasAttribute('hidden'))
    .map((step) => step.localName);
}

function inStep<T extends Element>(el: MmAskExpert, step: string, selector: string): T | null {
  return el.shadowRoot!.querySelector(step)!.shadowRoot!.querySelector<T>(selector);
}

function allText(el: MmAskExpert, step: string, selector: string): string[] {
  return Array.from(el.shadowRoot!.querySelector(step)!.shadowRoot!.querySelectorAll(selector)).map(
    (node) => node.textContent?.trim() ?? '',
  );
}

async function open(el: MmAskExpert): Promise<void> {
  const opened = oneEvent(el, 'mm-open');
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="launcher"]')!.click();
  await opened;
  await settle(el);
}

describe('<mm-ask-expert> guest form', () => {
  it('asks a guest for name and email first, with the keyboard, then asks with the guest token (help now follows as the guest)', async () => {
    const { client, calls } = fakeApi(
      {
        'GET /v1/me': () => me(null),
        'POST /v1/guest-sessions': () =>
          json(201, { userToken: 'jwt.guest', expiresAt: new Date().toISOString(), externalId: 'guest_1' }),
        'POST /v1/requests': () =>
          json(201, { request: helpRequest({ id: 'req_now', urgency: 'now' }), matches: threeMatches() }),
      },
      { userToken: '' },
    );
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${client}></mm-ask-expert>`,
    );
    await open(el);
    expect(visibleStep(el)).to.deep.equal(['mm-guest-form']);
    expect(el.shadowRoot!.querySelector('[part~="my-help-button"]')).to.be.null;
    await expect(el).to.be.accessible();

    // Empty: both fields explain themselves, and nothing is sent.
    inStep<HTMLButtonElement>(el, 'mm-guest-form', '[part~="submit-button"]')!.click();
    await settle(el);
    expect(allText(el, 'mm-guest-form', '.error')).to.deep.equal([
      'Enter your name.',
      'Enter a valid email.',
    ]);
    expect(inStep(el, 'mm-guest-form', 'mm-guest-form, #name') === null).to.be.false;
    expect(el.shadowRoot!.querySelector('mm-guest-form')!.shadowRoot!.activeElement?.id).to.equal('name');
    expect(calls.filter((c) => c.path === '/v1/guest-sessions')).to.have.length(0);

    await sendKeys({ type: 'Lin Guest' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'lin@example.com' });
    const ready = oneEvent(el, 'mm-guest-ready');
    await sendKeys({ press: 'Enter' });
    await ready;
    await settle(el);
    expect(calls.at(-1)!.body).to.deep.equal({ name: 'Lin Guest', email: 'lin@example.com' });
    expect(visibleStep(el)).to.deep.equal(['mm-request-form']);
    expect(el.shadowRoot!.querySelector('[part~="my-help-button"]')?.textContent?.trim()).to.equal('My help');

    inStep<HTMLInputElement>(el, 'mm-request-form', '#title')!.value = 'Joins';
    const created = oneEvent(el, 'mm-request-created');
    inStep<HTMLButtonElement>(el, 'mm-request-form', '[part~="submit-button"]')!.click();
    await created;
    expect(calls.at(-1)!.headers['X-User-Token']).to.equal('jwt.guest');
    // The follow-up bundle builds its own client: it gets the guest's token, held nowhere else.
    const followUp = el.querySelector('mm-follow-up') as (HTMLElement & { userToken?: string }) | null;
    expect(followUp?.userToken).to.equal('jwt.guest');
  });

  it('speaks Spanish, and is skipped when the program allows no guests', async () => {
    const { client } = fakeApi({ 'GET /v1/me': () => me(null) }, { userToken: '' });
    const es = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="es" .client=${client}></mm-ask-expert>`,
    );
    await open(es);
    expect(inStep(es, 'mm-guest-form', 'h3')?.textContent).to.equal('¿Quién pregunta?');
    expect(allText(es, 'mm-guest-form', 'label')).to.deep.equal(['Tu nombre', 'Correo electrónico']);
    await expect(es).to.be.accessible();

    const closed = fakeApi({ 'GET /v1/me': () => me(null, false) }, { userToken: '' });
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert .client=${closed.client}></mm-ask-expert>`);
    await open(el);
    expect(visibleStep(el)).to.deep.equal(['mm-request-form']);
  });
});

describe('<mm-ask-expert> My help', () => {
  it('lists upcoming and past sessions, reschedules with the keyboard and cancels', async () => {
    const upcoming = booking({ id: 'bkg_up' });
    const past = booking({
      id: 'bkg_past',
      mentorId: 'mnt_grace',
      mentorName: 'Grace Hopper',
      start: new Date(Date.now() - 86_400_000).toISOString(),
      end: new Date(Date.now() - 86_400_000 + 900_000).toISOString(),
      status: 'completed',
    });
    const newSlot = slot(300);
    let listed = [upcoming, past];
    const { client, calls } = fakeApi({
      'GET /v1/me': () => me(learner),
      'GET /v1/bookings': () => json(200, { data: listed, nextCursor: null }),
      [`GET /v1/mentors/${upcoming.mentorId}/slots`]: () => json(200, { data: [slot(120), newSlot] }),
      'POST /v1/bookings/bkg_up/reschedule': (call) => {
        const moved = { ...upcoming, start: (call.body as { start: string }).start, sequence: 1 };
        listed = [moved, past];
        return json(200, moved);
      },
      'POST /v1/bookings/bkg_up/cancel': () => {
        listed = [{ ...upcoming, status: 'cancelled' }, past];
        return json(200, listed[0]);
      },
    });
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${client}></mm-ask-expert>`,
    );
    await open(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="my-help-button"]')!.click();
    await settle(el);
    expect(visibleStep(el)).to.deep.equal(['mm-my-help']);
    const list = calls.find((c) => c.path === '/v1/bookings');
    expect([list?.method, list?.query]).to.deep.equal(['GET', { as: 'learner', limit: '100' }]);
    expect(allText(el, 'mm-my-help', 'h3:not(#heading)')).to.deep.equal(['Upcoming', 'Past']);
    // One heading hierarchy in the panel: its h2, then My help's sections (h3), sessions (h4).
    const headings = outline(el.shadowRoot!);
    expect(headings.map((h) => (h.startsWith('h4 ') ? 'h4' : h))).to.deep.equal([
      'h2 Ask an expert',
      'h3 My help',
      'h3 Upcoming',
      'h4',
      'h3 Past',
      'h4',
    ]);
    expect(headings[3]).to.contain(formatSession(upcoming, 'en'));
    const items = allText(el, 'mm-my-help', 'li');
    expect(items).to.have.length(2);
    expect(items[0]).to.contain('Session with Ada Lovelace · Video call · Booked');
    expect(items[1]).to.contain('Session with Grace Hopper');
    expect(items[1]).to.contain('Completed');
    // Feedback, action items and the board come from the follow-up bundle, slotted in as the same user.
    const followUps = () => Array.from(el.querySelectorAll('mm-follow-up'));
    type FollowUp = HTMLElement & { userToken?: string; locale?: string };
    expect(followUps().map((f) => [f.slot, (f as FollowUp).userToken, (f as FollowUp).locale])).to.deep.equal(
      [['mine', 'jwt.learner', 'en']],
    );
    expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=mine]')!.hidden).to.be.false;
    await expect(el).to.be.accessible();

    inStep<HTMLButtonElement>(el, 'mm-my-help', '[part~="reschedule-button"]')!.click();
    await settle(el);
    const help = el.shadowRoot!.querySelector('mm-my-help')!;
    expect(help.shadowRoot!.activeElement?.getAttribute('part')).to.equal('button slot-button');
    expect(allText(el, 'mm-my-help', '[part~="slot-button"]')).to.have.length(2);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    const moved = oneEvent(el, 'mm-booking-rescheduled') as Promise<MmBookingRescheduledEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await moved).detail.booking.start).to.equal(newSlot.start);
    await settle(el);
    expect(inStep(el, 'mm-my-help', '[role="status"]')?.textContent).to.equal('Your session has moved.');

    // "Cancel session" asks first: a dialog says what will happen; Escape keeps the session.
    const cancels = () => calls.filter((c) => c.path === '/v1/bookings/bkg_up/cancel');
    const trigger = inStep<HTMLButtonElement>(el, 'mm-my-help', '[part~="cancel-button"]')!;
    const confirm = await keepThenReopen(help.shadowRoot!, trigger, () => settle(el), cancels, {
      async opened(open) {
        expect(open.textContent!.replace(/\s+/g, ' ')).to.contain(
          'Cancel your session with Ada Lovelace on ',
        );
        expect(help.shadowRoot!.activeElement?.textContent).to.equal('Keep the session');
        await expect(el).to.be.accessible();
      },
      kept() {
        expect(el.open).to.be.true; // the panel itself stays open
      },
    });
    const cancelled = oneEvent(el, 'mm-booking-cancelled') as Promise<MmBookingCancelledEvent>;
    confirm.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    expect((await cancelled).detail.booking.status).to.equal('cancelled');
    expect(cancels()).to.have.length(1);
    await settle(el);
    expect(inStep(el, 'mm-my-help', '[role="status"]')?.textContent).to.equal('Your session is cancelled.');
    expect(allText(el, 'mm-my-help', 'ul')).to.have.length(1); // upcoming is empty now
    expect(allText(el, 'mm-my-help', '.hint')).to.deep.equal(['Nothing here yet.']);

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="ask-button"]')!.click();
    await settle(el);
    expect(visibleStep(el)).to.deep.equal(['mm-request-form']);
    expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=mine]')!.hidden).to.be.true;
    // Back in My help: the same follow-up, not a second one.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="my-help-button"]')!.click();
    await settle(el);
    expect(followUps()).to.have.length(1);
  });

  it('speaks Spanish', async () => {
    const { client } = fakeApi({
      'GET /v1/me': () => me(learner),
      'GET /v1/bookings': () => json(200, { data: [booking()], nextCursor: null }),
    });
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="es" .client=${client}></mm-ask-expert>`,
    );
    await open(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="my-help-button"]')!.click();
    await settle(el);
    expect(allText(el, 'mm-my-help', 'h3:not(#heading)')).to.deep.equal(['Próximas', 'Anteriores']);
    expect(allText(el, 'mm-my-help', 'li')[0]).to.contain('Sesión con Ada Lovelace');
    expect(allText(el, 'mm-my-help', 'button')).to.deep.equal(['Cambiar hora', 'Cancelar sesión']);
    // The follow-up below speaks the widget's language, whatever the page's.
    expect((el.querySelector('mm-follow-up') as HTMLElement & { locale?: string }).locale).to.equal('es');
    await expect(el).to.be.accessible();
  });
});

describe('<mm-ask-expert> empty and offline states', () => {
  it('says nobody matched and broadens to any format with no rush', async () => {
    const bodies: unknown[] = [];
    const { client } = fakeApi({
      'POST /v1/requests': (call) => {
        bodies.push(call.body);
        return bodies.length === 1
          ? json(201, { request: helpRequest({ format: 'call', urgency: 'now' }), matches: [] })
          : json(201, {
              request: helpRequest({ format: null, urgency: 'flexible' }),
              matches: threeMatches(),
            });
      },
    });
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${client}></mm-ask-expert>`,
    );
    await open(el);
    inStep<HTMLInputElement>(el, 'mm-request-form', '#title')!.value = 'Recursive CTEs';
    let created = oneEvent(el, 'mm-request-created');
    inStep<HTMLButtonElement>(el, 'mm-request-form', '[part~="submit-button"]')!.click();
    await created;
    await settle(el);
    expect(inStep(el, 'mm-match-list', '[role="status"]')?.textContent).to.equal(
      'No mentor here knows this well yet.',
    );
    const broaden = inStep<HTMLButtonElement>(el, 'mm-match-list', '[part~="broaden-button"]')!;
    expect(broaden.textContent).to.equal('Search any format, no rush');
    await expect(el).to.be.accessible();
    created = oneEvent(el, 'mm-request-created') as Promise<MmRequestCreatedEvent>;
    broaden.focus();
    await sendKeys({ press: 'Enter' });
    expect(((await created) as MmRequestCreatedEvent).detail.matches).to.have.length(3);
    expect(bodies[1]).to.deep.include({ title: 'LEFT JOIN returns duplicate rows', urgency: 'flexible' });
    expect(bodies[1]).not.to.have.property('format');
    await settle(el);
    expect(inStep(el, 'mm-match-list', '[role="status"]')?.textContent).to.equal('3 mentors found');
    expect(inStep(el, 'mm-match-list', '[part~="broaden-button"]')).to.be.null;
  });

  it('says so in plain words when the browser goes offline, in English and Spanish', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert locale="es"></mm-ask-expert>`);
    await open(el);
    expect(el.shadowRoot!.querySelector('.offline')).to.be.null;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.offline')?.textContent).to.equal(
        'Sin conexión. Vuelve a conectarte para preguntar o reservar.',
      );
      await expect(el).to.be.accessible();
      el.locale = 'en';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.offline')?.textContent).to.contain("You're offline.");
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.offline')).to.be.null;
  });
});

describe('<mm-ask-expert> message instead', () => {
  const matches = () => [match('Ada Lovelace'), match('Grace Hopper', { formats: ['video'] })];

  async function toMatches(el: MmAskExpert): Promise<void> {
    await open(el);
    inStep<HTMLInputElement>(el, 'mm-request-form', '#title')!.value = 'Window functions';
    const created = oneEvent(el, 'mm-request-created');
    inStep<HTMLButtonElement>(el, 'mm-request-form', '[part~="submit-button"]')!.click();
    await created;
    await settle(el);
  }

  it('opens a thread with a mentor who chats, when the program offers chat, and says where replies come', async () => {
    const request = helpRequest();
    const { client, calls } = fakeApi({
      'GET /v1/me': () => me(learner, false, ['video', 'chat']),
      'POST /v1/requests': () => json(201, { request, matches: matches() }),
      [`POST /v1/requests/${request.id}/threads`]: (call) =>
        json(201, {
          id: 'thr_1',
          requestId: request.id,
          bookingId: null,
          learner: { id: learner.id, name: learner.name },
          mentor: { id: (call.body as { mentorId: string }).mentorId, name: 'Ada Lovelace' },
          role: 'learner',
          createdAt: new Date().toISOString(),
          lastMessageAt: null,
          lastMessage: null,
          unreadCount: 0,
          lastReadMessageId: null,
        }),
    });
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${client}></mm-ask-expert>`,
    );
    await toMatches(el);
    // Only Ada offers chat: one button, named after her.
    expect(allText(el, 'mm-match-list', '[part~="message-button"]')).to.deep.equal([
      'Message Ada Lovelace instead',
    ]);
    await expect(el).to.be.accessible();
    const opened = oneEvent(el, 'mm-thread-created') as Promise<MmThreadCreatedEvent>;
    inStep<HTMLButtonElement>(el, 'mm-match-list', '[part~="message-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = await opened;
    expect([detail.thread.id, detail.mentor.name]).to.deep.equal(['thr_1', 'Ada Lovelace']);
    const start = calls.find((c) => c.path.endsWith('/threads'));
    // The thread opens with the question in it: something for the mentor to answer.
    expect([start?.method, start?.body]).to.deep.equal([
      'POST',
      { mentorId: 'mnt_adalovelace', message: request.title },
    ]);
    expect(start?.headers['Idempotency-Key']).to.be.a('string');
    await settle(el);
    // The conversation opens in My help (the follow-up there shows it, composer focused).
    expect(visibleStep(el)).to.deep.equal(['mm-my-help']);
    await waitUntil(() => el.querySelector('[slot=mine]'), 'the follow-up in My help');
    expect((el.querySelector('[slot=mine]') as HTMLElement & { openThread: string }).openThread).to.equal(
      'thr_1',
    );
    expect(inStep(el, 'mm-match-list', '[role="status"]')?.textContent).to.equal(
      'Message thread with Ada Lovelace open: they will reply there.',
    );
    await expect(el).to.be.accessible();

    el.locale = 'es';
    await settle(el);
    expect(inStep(el, 'mm-match-list', '[role="status"]')?.textContent).to.equal(
      'Hilo de mensajes con Ada Lovelace abierto: te responderá allí.',
    );
    expect(allText(el, 'mm-match-list', '[part~="message-button"]')).to.deep.equal([
      'Escribir a Ada Lovelace',
    ]);
  });

  it('offers no thread when the program has no chat, and explains a refused one', async () => {
    const request = helpRequest();
    const noChat = fakeApi({
      'GET /v1/me': () => me(learner, false, ['video', 'call']),
      'POST /v1/requests': () => json(201, { request, matches: matches() }),
    });
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${noChat.client}></mm-ask-expert>`,
    );
    await toMatches(el);
    expect(allText(el, 'mm-match-list', '[part~="message-button"]')).to.deep.equal([]);

    const refused = fakeApi({
      'GET /v1/me': () => me(learner, false, ['chat']),
      'POST /v1/requests': () => json(201, { request, matches: matches() }),
      [`POST /v1/requests/${request.id}/threads`]: () =>
        problem(409, 'request_closed', 'Conflict', 'This request is expired; start a new one.'),
    });
    const other = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${refused.client}></mm-ask-expert>`,
    );
    await toMatches(other);
    const failed = oneEvent(other, 'mm-error');
    inStep<HTMLButtonElement>(other, 'mm-match-list', '[part~="message-button"]')!.click();
    expect((await failed).detail).to.include({ step: 'message', code: 'request_closed' });
    await settle(other);
    expect(inStep(other, 'mm-match-list', '[role="alert"]')?.textContent).to.equal(
      'Something went wrong. Please try again.',
    );
  });
});
