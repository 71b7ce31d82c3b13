import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MmChatOpenEvent } from '../events/mm-chat-open.js';
import { formatSession } from '../internal/time.js';
import { keepThenReopen } from '../test-support/confirm-step.js';
import { booking, fakeApi, json, problem, slot } from '../test-support/fake-api.js';
import { gap, outline } from '../test-support/outline.js';
import type { MmMyHelp } from './my-help.js';
import './my-help.js';

const MIN = 60_000;
const at = (minutes: number) => new Date(Date.now() + minutes * MIN).toISOString();

const live = booking({ id: 'bkg_live', start: at(-10), end: at(5), threadId: 'thr_live', format: 'video' });
const upcoming = booking({ id: 'bkg_up', mentorName: 'Grace Hopper', start: at(115), end: at(145) });
const held = booking({ id: 'bkg_held', mentorName: 'Linus', start: at(-90), end: at(-75) });
const cancelled = booking({
  id: 'bkg_cancel',
  mentorName: 'Grace Hopper',
  start: at(-300),
  end: at(-285),
  status: 'cancelled',
});
const completed = booking({ id: 'bkg_done', start: at(-3000), end: at(-2985), status: 'completed' });

async function myHelp(list: () => unknown[], routes: Parameters<typeof fakeApi>[0] = {}, locale = 'en') {
  const api = fakeApi({ 'GET /v1/bookings': () => json(200, { data: list(), nextCursor: null }), ...routes });
  const el = await fixture<MmMyHelp>(html`<mm-my-help locale=${locale} .client=${api.client}></mm-my-help>`);
  await el.refresh();
  await el.updateComplete;
  return { el, ...api };
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Each list under its heading: the heading, then its items' text. */
function lists(el: MmMyHelp): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const h of el.shadowRoot!.querySelectorAll('h3:not(#heading)')) {
    const next = h.nextElementSibling;
    out[text(h)] = next?.tagName === 'UL' ? Array.from(next.children).map((li) => text(li)) : [];
  }
  return out;
}

describe('<mm-my-help>', () => {
  it('lists each session in one place: happening now, upcoming, past — worded as what happened', async () => {
    const { el } = await myHelp(() => [completed, cancelled, held, live, upcoming]);
    const found = lists(el);
    expect(Object.keys(found)).to.deep.equal(['Happening now', 'Upcoming', 'Past']);
    expect(found['Happening now']).to.have.length(1);
    expect(found['Happening now']![0]).to.contain('Session with Ada Lovelace · Video call · 10 minutes ago');
    expect(found.Upcoming).to.have.length(1);
    expect(found.Upcoming![0]).to.contain(`${formatSession(upcoming, 'en')} · in 2 hours`);
    expect(found.Upcoming![0]).to.contain('(30 min)');
    expect(found.Upcoming![0]).to.contain('Session with Grace Hopper · Video call · Booked');
    // Held in the last week: "They didn't come" may still be said; not of a cancelled one.
    expect(found.Past!.map((item) => item.split(' · ').at(-1))).to.deep.equal([
      'Held They didn’t come',
      'Cancelled',
      'Completed They didn’t come',
    ]);
    expect(found.Past!.join()).not.to.contain('Booked');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(el.shadowRoot!.textContent!.split(`Times in ${zone}`)).to.have.length(2);

    // Now: join and chat, never cancel or move; upcoming: those two only.
    const item = (id: string) =>
      Array.from(el.shadowRoot!.querySelectorAll('li')).find(
        (li) => li.querySelector('time')?.getAttribute('datetime') === id,
      )!;
    const nowItem = item(live.start);
    expect(nowItem.querySelector<HTMLAnchorElement>('[part~="join-link"]')!.href).to.equal(live.joinUrl);
    expect(nowItem.querySelector('[part~="cancel-button"], [part~="reschedule-button"]')).to.be.null;
    expect(
      Array.from(item(upcoming.start).querySelectorAll('button')).map((b) => b.textContent),
    ).to.deep.equal(['Reschedule', 'Cancel session']);
    expect(el.shadowRoot!.querySelectorAll('[part~="cancel-button"]')).to.have.length(1);
    await expect(el).to.be.accessible();

    // One hierarchy: the step's h3 and its sections' (as the follow-up below), a session's h4.
    expect(outline(el.shadowRoot!).map((h) => h.slice(0, 2))).to.deep.equal([
      'h3',
      'h3',
      'h4',
      'h3',
      'h4',
      'h3',
      'h4',
      'h4',
      'h4',
    ]);
    // A consistent rhythm: the upcoming session's buttons keep 16px or more from "Past".
    const past = Array.from(el.shadowRoot!.querySelectorAll('h3')).find((h) => text(h) === 'Past')!;
    const lastButton = Array.from(item(upcoming.start).querySelectorAll('button')).at(-1)!;
    expect(gap(lastButton, past)).to.be.at.least(16);

    // "Chat" asks the follow-up below for the session's conversation.
    const chat = oneEvent(el, 'mm-chat-open') as Promise<MmChatOpenEvent>;
    nowItem.querySelector<HTMLButtonElement>('[part~="chat-button"]')!.click();
    expect((await chat).detail).to.deep.equal({ threadId: 'thr_live' });
  });

  it('explains a refused cancel (the session started meanwhile) in words, and shows it where it is now', async () => {
    let listed = [booking({ id: 'bkg_up', start: at(1), end: at(16) })];
    const { el, calls } = await myHelp(() => listed, {
      'POST /v1/bookings/bkg_up/cancel': () => {
        listed = [{ ...listed[0]!, start: at(-1) }];
        return problem(409, 'booking_not_cancellable', 'Conflict', 'This session has already started.');
      },
    });
    const errors: string[] = [];
    el.addEventListener('mm-error', (e) => errors.push(e.detail.code));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'the refusal');
    await waitUntil(() => calls.filter((c) => c.path === '/v1/bookings').length === 2, 'reread');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[role=alert]'))).to.equal(
      'This session has already started or is no longer booked, so it cannot be cancelled or moved.',
    );
    expect(errors).to.deep.equal(['booking_not_cancellable']);
    expect(Object.keys(lists(el))).to.deep.equal(['Happening now', 'Upcoming', 'Past']);
    expect(el.shadowRoot!.querySelector('[part~="cancel-button"]')).to.be.null;
  });

  it('says when the sessions failed to load, with "Try again" that loads them', async () => {
    let fail = true;
    const { el } = await myHelp(() => [upcoming], {
      'GET /v1/bookings': () =>
        fail
          ? problem(503, 'unavailable', 'Service Unavailable', 'Down for a moment.')
          : json(200, { data: [upcoming], nextCursor: null }),
    });
    expect(text(el.shadowRoot!.querySelector('[role=alert]'))).to.equal(
      'Something went wrong. Please try again.',
    );
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(text(retry)).to.equal('Try again');
    await expect(el).to.be.accessible();
    fail = false;
    retry.click();
    await waitUntil(() => lists(el).Upcoming?.length === 1, 'loaded on retry');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.be.null;
    expect(el.shadowRoot!.querySelector('[part~="retry-button"]')).to.be.null;
  });

  it('"They didn\'t come": after a confirm step, recorded for the mentor, within a week of the session', async () => {
    const old = booking({
      id: 'bkg_old',
      mentorName: 'Linus',
      start: at(-8 * 1440),
      end: at(-8 * 1440 + 15),
    });
    let listed = [old, cancelled, held];
    const { el, calls } = await myHelp(() => listed, {
      'POST /v1/bookings/bkg_held/no-show': () => {
        const recorded = {
          ...held,
          status: 'no_show' as const,
          noShow: { who: 'mentor' as const, recordedAt: new Date().toISOString() },
        };
        listed = [old, cancelled, recorded];
        return json(200, recorded);
      },
    });
    const root = el.shadowRoot!;
    // Only the session held in the last week offers it (not the one 8 days ago, nor a cancelled one).
    const buttons = root.querySelectorAll<HTMLButtonElement>('[part~="no-show-button"]');
    expect(buttons).to.have.length(1);
    expect(text(buttons[0]!.closest('li'))).to.contain('Session with Linus');
    expect(text(buttons[0])).to.equal('They didn’t come');
    await expect(el).to.be.accessible();
    const recorded: string[] = [];
    el.addEventListener('mm-no-show-recorded', (e) => recorded.push(e.detail.booking.status));
    const posts = () => calls.filter((c) => c.method === 'POST');
    const dialog = await keepThenReopen(root, buttons[0]!, () => el.updateComplete, posts, {
      opened: async (d) => {
        expect(text(d.querySelector('p'))).to.match(
          /^Record that Linus did not come to your session on .+\? /,
        );
        await expect(el).to.be.accessible();
      },
    });
    dialog.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => text(root.querySelector('[role=status]')) !== '', 'recorded');
    expect(posts().map((c) => c.body)).to.deep.equal([{ who: 'mentor' }]);
    expect(recorded).to.deep.equal(['no_show']);
    expect(text(root.querySelector('[role=status]'))).to.equal(
      'Recorded: your mentor did not come. Ask again to find another mentor.',
    );
    expect(lists(el).Past![0]).to.contain('Session with Linus · Video call · Your mentor did not come');
    expect(root.querySelector('[part~="no-show-button"]')).to.be.null;
  });

  it('says plainly when a session was moved as often as the program allows', async () => {
    const { el } = await myHelp(() => [upcoming], {
      'GET /v1/mentors/mnt_adalovelace/slots': () => json(200, { data: [slot(200, 30)] }),
      'POST /v1/bookings/bkg_up/reschedule': () =>
        problem(409, 'reschedule_limit', 'Conflict', 'This session was already moved 2 times.'),
    });
    const errors: { code: string; message: string }[] = [];
    el.addEventListener('mm-error', (e) => errors.push({ code: e.detail.code, message: e.detail.message }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="reschedule-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="slot-button"]'), 'new times');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="slot-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'refused');
    const said =
      'This session has been moved as many times as the program allows. Cancel it and book a new time instead.';
    expect(text(el.shadowRoot!.querySelector('[role=alert]'))).to.equal(said);
    expect(errors).to.deep.equal([{ code: 'reschedule_limit', message: said }]);
    // As it says: the session is no longer offered to move, and can still be cancelled.
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="reschedule-button"]'), 'no more moves');
    expect(el.shadowRoot!.querySelector('[part~="cancel-button"]')).not.to.be.null;
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const { el } = await myHelp(() => [held, live, upcoming], {}, 'es');
    const found = lists(el);
    expect(Object.keys(found)).to.deep.equal(['En curso', 'Próximas', 'Anteriores']);
    expect(found.Anteriores![0]).to.contain('Realizada');
    expect(found.Próximas![0]).to.contain('dentro de 2 horas');
    expect(el.shadowRoot!.textContent).to.contain('Horas en ');
    expect(text(el.shadowRoot!.querySelector('[part~="no-show-button"]'))).to.equal('No se presentó');
  });
});
