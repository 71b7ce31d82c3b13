import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmBookingCreatedDetail } from '../events/mm-booking-created.js';
import type { MmBoardChangedDetail } from '../events/mm-follow-up.js';
import { followUpApi } from '../internal/follow-up-api.js';
import { booking, fakeApi, json, match, problem, slot } from '../test-support/fake-api.js';
import type { MmAdvisorBoard } from './advisor-board.js';
import './advisor-board.js';

const ada = { ...match('Ada Lovelace').mentor, id: 'mnt_ada', formats: ['chat', 'video'] as const };
const grace = { ...match('Grace Hopper').mentor, id: 'mnt_grace' };
const entry = (mentor: typeof ada | typeof grace, label: string) => ({
  mentor,
  label,
  addedAt: '2026-11-20T10:00:00.000Z',
});

async function board(routes: Parameters<typeof fakeApi>[0]) {
  const { client, calls } = fakeApi(routes);
  const now = new Date('2026-12-01T09:00:00.000Z');
  const el = await fixture<MmAdvisorBoard>(
    html`<mm-advisor-board locale="en" duration="30" .now=${() => now} .api=${followUpApi(client)}></mm-advisor-board>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('h3'), 'board');
  return { el, calls, root: el.shadowRoot! };
}

describe('<mm-advisor-board>', () => {
  it('asks a mentor again: their next free times for its session length, the one picked reviewed, then booked in their first format', async () => {
    const times = [slot(60, 30), slot(120, 30)];
    const { el, calls, root } = await board({
      'GET /v1/me/board': () => json(200, { data: [entry(ada, 'SQL'), entry(grace, '')] }),
      'GET /v1/mentors/mnt_ada/slots': () => json(200, { data: times }),
      'POST /v1/bookings': (call) => json(201, booking({ id: 'bkg_new', ...(call.body as object) })),
    });
    expect(Array.from(root.querySelectorAll('li h4')).map((h) => h.textContent!.trim())).to.deep.equal([
      'Ada Lovelace · SQL',
      'Grace Hopper',
    ]);
    await expect(el).to.be.accessible();
    const booked: MmBookingCreatedDetail[] = [];
    el.addEventListener('mm-booking-created', (e) => booked.push(e.detail));
    root.querySelector<HTMLButtonElement>('li button.primary')!.click();
    await waitUntil(() => root.querySelector('[role=group] button'), 'free times');
    const query = calls.find((c) => c.path === '/v1/mentors/mnt_ada/slots')!.query;
    expect(query.duration).to.equal('30');
    expect(query.from).to.equal('2026-12-01T09:00:00.000Z');
    expect(Date.parse(query.to!) - Date.parse(query.from!)).to.equal(14 * 86_400_000);
    // A time is shown for review first: nothing is booked until "Book".
    root.querySelector<HTMLButtonElement>(`[data-start="${times[0]!.start}"]`)!.click();
    await waitUntil(() => root.querySelector('.review'), 'review');
    const review = root.querySelector('.review')!;
    expect(review.querySelector('h4')!.textContent).to.equal('Check your session');
    expect(review.textContent).to.include('Session with Ada Lovelace');
    expect(review.textContent).to.include('30 min');
    expect(review.textContent).to.include('Text chat');
    expect(review.textContent).to.include(`Time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}`);
    expect(root.activeElement).to.equal(review.querySelector('[part~="book-button"]'));
    expect(calls.some((c) => c.method === 'POST')).to.be.false;
    await expect(el).to.be.accessible();
    // Escape: back to the times, on the one picked.
    review.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => !root.querySelector('.review'), 'back to the times');
    expect(root.activeElement).to.equal(root.querySelector(`[data-start="${times[0]!.start}"]`));
    root.querySelector<HTMLButtonElement>(`[data-start="${times[1]!.start}"]`)!.click();
    await waitUntil(() => root.querySelector('[part~="book-button"]'), 'review again');
    root.querySelector<HTMLButtonElement>('[part~="book-button"]')!.click();
    await waitUntil(() => booked.length === 1, 'booked');
    // The mentor's first format (Ada lists chat, then video).
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      mentorId: 'mnt_ada',
      start: times[1]!.start,
      durationMinutes: 30,
      format: 'chat',
    });
    expect(booked[0]!.mentor.id).to.equal('mnt_ada');
    expect(root.querySelector('.ok')!.textContent).to.match(/^Booked: /);
    expect(root.querySelector('[role=group]')).to.be.null;
  });

  it('asks for the learner’s number before booking a call with a mentor who has no dial-in', async () => {
    const caller = { ...grace, formats: ['call' as const], hasCallBridge: false };
    const time = slot(60, 30);
    const { calls, root } = await board({
      'GET /v1/me/board': () => json(200, { data: [entry(caller, '')] }),
      'GET /v1/mentors/mnt_grace/slots': () => json(200, { data: [time] }),
      'POST /v1/bookings': (call) => json(201, booking({ id: 'bkg_call', ...(call.body as object) })),
    });
    root.querySelector<HTMLButtonElement>('li button.primary')!.click();
    await waitUntil(() => root.querySelector(`[data-start="${time.start}"]`), 'free times');
    root.querySelector<HTMLButtonElement>(`[data-start="${time.start}"]`)!.click();
    await waitUntil(() => root.querySelector<HTMLInputElement>('#phone'), 'phone field');
    const phone = root.querySelector<HTMLInputElement>('#phone')!;
    expect(root.activeElement).to.equal(phone);
    phone.value = '12345';
    root.querySelector<HTMLButtonElement>('[part~="book-button"]')!.click();
    await waitUntil(() => phone.getAttribute('aria-invalid') === 'true', 'refused number');
    expect(root.querySelector('#phone-hint')!.className).to.equal('error');
    expect(calls.some((c) => c.method === 'POST')).to.be.false;
    phone.value = '+34 600 111 222';
    phone.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await waitUntil(() => calls.some((c) => c.method === 'POST'), 'booked');
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      mentorId: 'mnt_grace',
      start: time.start,
      durationMinutes: 30,
      format: 'call',
      phone: '+34600111222',
    });
  });

  it('holds the cards’ place while the board loads: grey cards for the eye, "Loading…" for screen readers', async () => {
    let release = () => {};
    const { client } = fakeApi({
      'GET /v1/me/board': () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(json(200, { data: [entry(ada, 'SQL')] }));
        }),
    });
    const el = await fixture<MmAdvisorBoard>(
      html`<mm-advisor-board locale="en" .api=${followUpApi(client)}></mm-advisor-board>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('ul[aria-hidden="true"] li.card.skeleton')).to.have.length(3);
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Loading…');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => root.querySelector('li h4'), 'loaded');
    expect(root.querySelector('.skeleton')).to.be.null;
  });

  it('says when the board failed to load, with "Try again" that loads it (no page reload)', async () => {
    let fail = true;
    const { el, root } = await board({
      'GET /v1/me/board': () =>
        fail
          ? problem(503, 'unavailable', 'Service Unavailable', 'Down for a moment.')
          : json(200, { data: [entry(ada, 'SQL')] }),
    });
    await waitUntil(() => root.querySelector('[role=alert]'), 'failure shown');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      'Something went wrong. Please try again.',
    );
    const retry = root.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(retry.textContent).to.equal('Try again');
    await expect(el).to.be.accessible();
    fail = false;
    retry.click();
    await waitUntil(() => root.querySelector('li h4'), 'loaded on retry');
    expect(root.querySelector('[role=alert]')).to.be.null;
    expect(root.querySelector('[part~="retry-button"]')).to.be.null;
  });

  it('offers no "Try again" after a failed action: the list is there, only the action failed', async () => {
    const { root } = await board({
      'GET /v1/me/board': () => json(200, { data: [entry(ada, 'SQL')] }),
      'DELETE /v1/me/board/mnt_ada': () =>
        problem(404, 'not_found', 'Not Found', 'Ada is not on your board.'),
    });
    root
      .querySelector<HTMLButtonElement>('button[aria-label="Remove Ada Lovelace from your board"]')!
      .click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'refused');
    expect(root.querySelector('[part~="retry-button"]')).to.be.null;
  });

  it('removes a mentor and says so to the page; a refused removal keeps them, in the server’s words', async () => {
    let entries = [entry(ada, 'SQL'), entry(grace, '')];
    let refuse = true;
    const { el, root } = await board({
      'GET /v1/me/board': () => json(200, { data: entries }),
      'DELETE /v1/me/board/mnt_grace': () => {
        if (refuse) return problem(404, 'not_found', 'Not Found', 'Grace is not on your board.');
        entries = [entries[0]!];
        return new Response(null, { status: 204 });
      },
    });
    const changed: MmBoardChangedDetail[] = [];
    el.addEventListener('mm-board-changed', (e) => changed.push(e.detail));
    root
      .querySelector<HTMLButtonElement>('button[aria-label="Remove Grace Hopper from your board"]')!
      .click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'refused');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('Grace is not on your board.');
    expect(root.querySelectorAll('li')).to.have.length(2);
    expect(changed).to.have.length(0);
    refuse = false;
    root
      .querySelector<HTMLButtonElement>('button[aria-label="Remove Grace Hopper from your board"]')!
      .click();
    await waitUntil(() => root.querySelectorAll('li').length === 1, 'removed');
    expect(changed).to.deep.equal([{ mentorId: 'mnt_grace' }]);
    expect(root.querySelector('[role=alert]')).to.be.null;
  });
});
