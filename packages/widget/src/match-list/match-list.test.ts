import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MmBookingCreatedEvent } from '../events/mm-booking-created.js';
import type { MmErrorEvent } from '../events/mm-error.js';
import type { MmRequestCreatedEvent } from '../events/mm-request-created.js';
import { formatDateTime } from '../internal/time.js';
import {
  booking,
  fakeApi,
  helpRequest,
  json,
  match,
  problem,
  threeMatches,
} from '../test-support/fake-api.js';
import type { MmMatchList } from './match-list.js';
import './match-list.js';

function cards(el: MmMatchList) {
  return Array.from(el.shadowRoot!.querySelectorAll('mm-mentor-card'));
}

function status(el: MmMatchList): string | undefined {
  return el.shadowRoot!.querySelector('[role="status"]')?.textContent ?? undefined;
}

/** Picks the card's first free time, then books it from the review. */
async function pickAndBook(el: MmMatchList, card: Element): Promise<void> {
  card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="slot-button"]')!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="book-button"]')!.click();
}

describe('<mm-match-list>', () => {
  it('renders one card per match and announces the count in a live region', async () => {
    const el = await fixture<MmMatchList>(
      html`<mm-match-list locale="en" .request=${helpRequest()} .results=${threeMatches()}></mm-match-list>`,
    );
    expect(cards(el)).to.have.length(3);
    expect(status(el)).to.equal('3 mentors found');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    const first = cards(el)[0]!;
    await first.updateComplete;
    expect(first.shadowRoot!.querySelector('h4')?.textContent).to.equal('Ada Lovelace');
    await expect(el).to.be.accessible();
  });

  it('renders a headline with markup as literal text', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const el = await fixture<MmMatchList>(
      html`<mm-match-list .results=${[match('Mallory', { headline: payload })]}></mm-match-list>`,
    );
    const card = cards(el)[0]!;
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('img')).to.be.null;
    expect(card.shadowRoot!.querySelector('.headline')?.textContent).to.equal(payload);
  });

  it('shows a busy state while loading', async () => {
    const el = await fixture<MmMatchList>(html`<mm-match-list locale="en" loading></mm-match-list>`);
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
    expect(status(el)).to.equal('Finding mentors…');
    expect(cards(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the empty state', async () => {
    const el = await fixture<MmMatchList>(html`<mm-match-list locale="en" .results=${[]}></mm-match-list>`);
    expect(status(el)).to.equal('No mentor here knows this well yet.');
    await expect(el).to.be.accessible();
  });

  it('books the slot chosen with the keyboard only after its review, and emits mm-booking-created', async () => {
    const results = threeMatches();
    const made = booking();
    const { client, calls } = fakeApi({ 'POST /v1/bookings': () => json(201, made) });
    const el = await fixture<MmMatchList>(
      html`<mm-match-list locale="en" .client=${client} .request=${helpRequest({ format: 'call' })} .results=${results}></mm-match-list>`,
    );
    const card = cards(el)[1]!;
    await card.updateComplete;
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="slot-button"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // Picking a time books nothing yet: the review shows what would be booked, "Book" focused.
    expect(calls).to.have.length(0);
    const wanted = results[1]!.nextSlots[2]!;
    const review = el.shadowRoot!.querySelector('.review')!;
    const text = review.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Check your session');
    expect(text).to.contain('Session with Grace Hopper');
    expect(review.querySelector('time')!.getAttribute('datetime')).to.equal(wanted.start);
    expect(review.querySelector('time')!.textContent).to.equal(formatDateTime(wanted.start, 'en'));
    expect(text).to.contain(`Time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}`);
    expect(text).to.contain('30 min · Phone call');
    expect(el.shadowRoot!.querySelector('ul.cards')!.checkVisibility()).to.be.false;
    // A call with a mentor who has no dial-in: the number they call is asked for, focused first.
    const phone = el.shadowRoot!.querySelector<HTMLInputElement>('#phone')!;
    expect(el.shadowRoot!.activeElement).to.equal(phone);
    expect(phone.type).to.equal('tel');
    expect(phone.autocomplete).to.equal('tel');
    expect(phone.labels?.[0]?.textContent).to.equal('Your phone number');
    const hint = el.shadowRoot!.getElementById(phone.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.contain('Only your mentor sees it');
    await expect(el).to.be.accessible();

    // Not an international number: said next to the field, as the server would; nothing is sent.
    await sendKeys({ type: '600 123 456' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(calls).to.have.length(0);
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(hint.className).to.equal('error');
    expect(hint.textContent).to.contain('+ and the country code');
    expect(el.shadowRoot!.activeElement).to.equal(phone);
    await expect(el).to.be.accessible();
    phone.value = '';
    await sendKeys({ type: '+34 (600) 123-456' });
    await el.updateComplete;
    expect(phone.getAttribute('aria-invalid')).to.equal('false');
    expect(hint.textContent).to.contain('Only your mentor sees it');

    const booked = oneEvent(document, 'mm-booking-created') as Promise<MmBookingCreatedEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await booked;
    expect(event.detail.booking.id).to.equal(made.id);
    expect(event.detail.mentor.name).to.equal('Grace Hopper');
    expect(calls).to.have.length(1);
    expect(calls[0]!.body).to.deep.equal({
      mentorId: results[1]!.mentor.id,
      start: wanted.start,
      durationMinutes: 30,
      format: 'call',
      requestId: 'req_01JD8K3Z9Q',
      phone: '+34600123456',
    });
  });

  it('asks no number for a call with a mentor who has a dial-in, nor for video', async () => {
    const { client, calls } = fakeApi({ 'POST /v1/bookings': () => json(201, booking()) });
    const results = [match('Ada Lovelace', { hasCallBridge: true })];
    const el = await fixture<MmMatchList>(
      html`<mm-match-list locale="en" .client=${client} .request=${helpRequest({ format: 'call' })} .results=${results}></mm-match-list>`,
    );
    const card = cards(el)[0]!;
    await card.updateComplete;
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="slot-button"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#phone')).to.be.null;
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('button book-button');
    const booked = oneEvent(document, 'mm-booking-created');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="book-button"]')!.click();
    await booked;
    expect(calls[0]!.body).to.include({ format: 'call' }).and.not.have.property('phone');

    el.request = helpRequest({ format: 'video' });
    el.results = [match('Grace Hopper')];
    await el.updateComplete;
    const video = cards(el)[0]!;
    await video.updateComplete;
    video.shadowRoot!.querySelector<HTMLButtonElement>('[part~="slot-button"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#phone')).to.be.null;
  });

  it('goes back from the review with Escape or "Change time" to the time picked, booking nothing', async () => {
    const { client, calls } = fakeApi({ 'POST /v1/bookings': () => json(201, booking()) });
    // Inside a modal dialog, as in the panel: Escape goes back a step and leaves the dialog open.
    const dialog = await fixture<HTMLDialogElement>(
      html`<dialog><mm-match-list locale="es" .client=${client} .request=${helpRequest()} .results=${threeMatches()}></mm-match-list></dialog>`,
    );
    dialog.showModal();
    const el = dialog.querySelector('mm-match-list')!;
    await el.updateComplete;
    const card = cards(el)[0]!;
    await card.updateComplete;
    const slotButton = card.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="slot-button"]')[1]!;
    slotButton.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Reservar');
    expect(el.shadowRoot!.querySelector('.review')!.textContent).to.contain('Revisa tu sesión');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.be.true;
    expect(el.shadowRoot!.querySelector('.review')).to.be.null;
    expect(el.shadowRoot!.querySelector('ul.cards')!.checkVisibility()).to.be.true;
    expect(card.shadowRoot!.activeElement).to.equal(slotButton);

    slotButton.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="change-button"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.review')).to.be.null;
    expect(card.shadowRoot!.activeElement).to.equal(slotButton);
    expect(calls).to.have.length(0);
    dialog.close();
  });

  it('says in plain words when the slot was just taken', async () => {
    const { client } = fakeApi({
      'POST /v1/bookings': () => problem(409, 'slot_unavailable', 'Conflict', 'That slot is no longer free.'),
    });
    const el = await fixture<MmMatchList>(
      html`<mm-match-list locale="en" .client=${client} .request=${helpRequest()} .results=${threeMatches()}></mm-match-list>`,
    );
    const card = cards(el)[0]!;
    await card.updateComplete;
    const failed = oneEvent(el, 'mm-error') as Promise<MmErrorEvent>;
    await pickAndBook(el, card);
    const event = await failed;
    expect(event.detail).to.include({ step: 'booking', code: 'slot_unavailable' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.equal(
      'That time was just taken. Please pick another one.',
    );
    await expect(el).to.be.accessible();
  });

  it('says so when the service cannot be reached', async () => {
    const { client } = fakeApi({
      'POST /v1/bookings': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const el = await fixture<MmMatchList>(
      html`<mm-match-list locale="es" .client=${client} .results=${threeMatches()}></mm-match-list>`,
    );
    const card = cards(el)[0]!;
    await card.updateComplete;
    const failed = oneEvent(el, 'mm-error') as Promise<MmErrorEvent>;
    await pickAndBook(el, card);
    expect((await failed).detail.code).to.equal('connection_failed');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.equal(
      'No se pudo conectar. Revisa tu conexión e inténtalo de nuevo.',
    );
    expect(status(el)).to.equal('3 mentores encontrados');
  });

  describe('when nobody fits', () => {
    const ways = (el: MmMatchList) =>
      Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.ways button')).map(
        (b) => b.textContent,
      );

    it('offers to ask the program and to wait for a match; instant help only when someone is available', async () => {
      const request = helpRequest({ format: null, urgency: 'flexible' });
      const { client, calls } = fakeApi({
        [`POST /v1/requests/${request.id}/ask-program`]: () =>
          json(200, { ...request, queuedAt: new Date().toISOString() }),
        [`POST /v1/requests/${request.id}/wait-for-match`]: () =>
          json(200, { ...request, waitingSince: new Date().toISOString() }),
      });
      const el = await fixture<MmMatchList>(
        html`<mm-match-list locale="en" .client=${client} .request=${request} .results=${[]}></mm-match-list>`,
      );
      expect(status(el)).to.equal('No mentor here knows this well yet.');
      // Not "Mentors who can help" over an empty list.
      expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('No match yet');
      expect(ways(el)).to.deep.equal(['Ask the program', 'Tell me when a mentor is here']);
      await expect(el).to.be.accessible();

      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="ask-program-button"]')!.click();
      await waitUntil(
        () => calls.length === 1 && !el.shadowRoot!.querySelector('[part~="ask-program-button"]'),
      );
      expect(calls[0]).to.include({ method: 'POST', path: `/v1/requests/${request.id}/ask-program` });
      expect(el.shadowRoot!.querySelector('.ways')!.textContent).to.contain(
        'Your question is with the program: a mentor will take it and write to you.',
      );
      expect(ways(el)).to.deep.equal(['Tell me when a mentor is here']);

      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="wait-button"]')!.click();
      await waitUntil(() => calls.length === 2 && !el.shadowRoot!.querySelector('[part~="wait-button"]'));
      expect(calls[1]).to.include({ method: 'POST', path: `/v1/requests/${request.id}/wait-for-match` });
      expect(el.shadowRoot!.querySelector('.ways')!.textContent).to.contain(
        'We will tell you when a mentor who knows this is here.',
      );
      await expect(el).to.be.accessible();
    });

    it('gets instant help now by asking again as an instant request, in Spanish, dark', async () => {
      const request = helpRequest({ format: 'video', urgency: 'flexible', instantHelpAvailable: true });
      const instant = helpRequest({ id: 'req_instant', urgency: 'now' });
      const { client, calls } = fakeApi({
        'POST /v1/requests': () => json(201, { request: instant, matches: [], offers: [] }),
      });
      // Dark, on the panel's dark background (the step itself paints none).
      const panel = await fixture<HTMLDivElement>(
        html`<div style="background: rgb(17, 24, 39)">
          <mm-match-list locale="es" theme="dark" .client=${client} .request=${request} .results=${[]}></mm-match-list>
        </div>`,
      );
      const el = panel.querySelector('mm-match-list')!;
      await el.updateComplete;
      expect(status(el)).to.equal('Aún no hay aquí ningún mentor que sepa bien de esto.');
      expect(ways(el)).to.deep.equal([
        'Preguntar al programa',
        'Avísame cuando haya un mentor',
        'Obtener ayuda inmediata',
      ]);
      await expect(el).to.be.accessible();
      const created = oneEvent(el, 'mm-request-created') as Promise<MmRequestCreatedEvent>;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="instant-button"]')!.click();
      expect((await created).detail.request.id).to.equal('req_instant');
      expect(calls[0]!.body).to.deep.include({ title: request.title, urgency: 'now', format: 'video' });
    });

    it('says in plain words when asking the program failed', async () => {
      const request = helpRequest({ urgency: 'flexible', format: null });
      const { client } = fakeApi({
        [`POST /v1/requests/${request.id}/ask-program`]: () =>
          problem(409, 'request_not_open', 'Conflict', 'This request is cancelled.'),
      });
      const el = await fixture<MmMatchList>(
        html`<mm-match-list locale="fr" .client=${client} .request=${request} .results=${[]}></mm-match-list>`,
      );
      const failed = oneEvent(el, 'mm-error') as Promise<MmErrorEvent>;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="ask-program-button"]')!.click();
      expect((await failed).detail).to.include({ step: 'ask-program', code: 'request_not_open' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      expect(ways(el)).to.include('Demander au programme');
    });
  });
});
