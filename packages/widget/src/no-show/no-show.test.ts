import type { Booking, RequestBrief } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmNoShowRecordedDetail } from '../events/mm-mentor-console.js';
import { consoleApi } from '../internal/mentor-console-api.js';
import type { MmSessionList } from '../session-list/session-list.component.js';
import '../session-list/session-list.js';
import { booking, fakeApi, json, problem } from '../test-support/fake-api.js';
import type { MmNoShow } from './no-show.component.js';
import './no-show.js';

const MIN = 60_000;
const now = Math.floor(Date.now() / MIN) * MIN;
/** Started 10 minutes ago, ends in 20: still an upcoming session on the mentor's list. */
const started = booking({
  id: 'bkg_now',
  learnerName: 'Lena Park',
  start: new Date(now - 10 * MIN).toISOString(),
  end: new Date(now + 20 * MIN).toISOString(),
});
/** Starts in an hour: nobody can have missed it yet. */
const later = booking({
  id: 'bkg_later',
  learnerName: 'Omar',
  start: new Date(now + 60 * MIN).toISOString(),
  end: new Date(now + 90 * MIN).toISOString(),
});
const request: RequestBrief = {
  id: 'req_1',
  title: 'LEFT JOIN duplicates rows',
  details: '',
  context: {},
  createdAt: new Date(now - 86_400_000).toISOString(),
  earlierAdvice: [
    { mentorName: 'Grace', actionItems: ['Add a DISTINCT'], notes: 'Check the <i>join</i> key.' },
  ],
};

/** The mentor's sessions tab (the real `<mm-session-list>`, which renders `<mm-no-show>` on each card). */
async function sessions(routes: Parameters<typeof fakeApi>[0], locale = 'en', theme = '') {
  const api = fakeApi(routes);
  const el = await fixture<MmSessionList>(
    html`<mm-session-list locale=${locale} theme=${theme} .api=${consoleApi(api.client)}></mm-session-list>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('li.card:not(.skeleton)'), 'sessions');
  return { el, ...api };
}

const cards = (el: MmSessionList) => Array.from(el.shadowRoot!.querySelectorAll<HTMLLIElement>('li.card'));
const control = (card: Element) => card.querySelector<MmNoShow>('mm-no-show')!;
const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();

async function record(noShow: MmNoShow): Promise<void> {
  await noShow.updateComplete;
  noShow.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-haspopup=dialog]')!.click();
  await waitUntil(
    () => noShow.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm')?.open,
    'confirm step',
  );
  noShow.shadowRoot!.querySelector<HTMLButtonElement>('dialog button[value=ok]')!.click();
}

describe('<mm-no-show>', () => {
  it('records that the learner did not come once the session started, after a confirm step; the card then says so', async () => {
    let list: Booking[] = [{ ...started, request }, later];
    const recordedAt = new Date(now).toISOString();
    const { el, calls } = await sessions({
      'GET /v1/bookings': () => json(200, { data: list, nextCursor: null }),
      'POST /v1/bookings/bkg_now/no-show': () => {
        const updated: Booking = {
          ...started,
          request,
          status: 'no_show',
          noShow: { who: 'learner', recordedAt },
        };
        list = [updated, later];
        return json(200, updated);
      },
    });
    const [current, upcoming] = cards(el);
    // What earlier mentors advised, on the session's card too (as text).
    expect(text(current!.querySelector('.advice')!)).to.equal(
      'What earlier mentors advised on this question Grace advised: Add a DISTINCT Check the <i>join</i> key.',
    );
    const noShow = control(current!);
    await noShow.updateComplete;
    expect(text(noShow.shadowRoot!.querySelector('button')!)).to.equal('The learner didn’t come');
    // Not before the session's start.
    await control(upcoming!).updateComplete;
    expect(control(upcoming!).shadowRoot!.querySelector('button')).to.be.null;
    await expect(el).to.be.accessible();

    // The confirm step says what happens; keeping the session sends nothing.
    noShow.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(
      () => noShow.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm')?.open,
      'confirm',
    );
    expect(text(noShow.shadowRoot!.querySelector('dialog p')!)).to.equal(
      'Record that Lena Park did not come? The program sees it; it cannot be undone.',
    );
    await expect(noShow).to.be.accessible();
    noShow.shadowRoot!.querySelector<HTMLButtonElement>('dialog button:not([value=ok])')!.click();
    await waitUntil(() => !noShow.shadowRoot!.querySelector('dialog'), 'closed');
    expect(calls.some((c) => c.method === 'POST')).to.be.false;

    const recorded: MmNoShowRecordedDetail[] = [];
    el.addEventListener('mm-no-show-recorded', (e) => recorded.push(e.detail));
    await record(noShow);
    await waitUntil(() => recorded.length === 1, 'recorded');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).to.equal('/v1/bookings/bkg_now/no-show');
    expect(post.body).to.deep.equal({ who: 'learner' });
    expect(recorded[0]!.booking.status).to.equal('no_show');

    // The list reloads: the session is past now, marked as a no-show, with no button left.
    await waitUntil(() => calls.filter((c) => c.path === '/v1/bookings').length === 2, 'reloaded');
    await waitUntil(() => cards(el).length === 2 && el.shadowRoot!.querySelectorAll('h3')[1], 'past');
    await el.updateComplete;
    const pastCard = cards(el).find((c) => c.querySelector('h4')!.textContent === 'Lena Park')!;
    expect(text(pastCard.querySelector('p.meta')!)).to.include('No-show');
    const after = control(pastCard);
    await after.updateComplete;
    expect(after.shadowRoot!.querySelector('button')).to.be.null;
    expect(text(after.shadowRoot!.querySelector('p:not([role])')!)).to.match(
      /^Lena Park did not come \(recorded .+\)\.$/,
    );
  });

  it('shows the server’s reason when it refuses, in Spanish, readable in the dark theme', async () => {
    const { el } = await sessions(
      {
        'GET /v1/bookings': () => json(200, { data: [started], nextCursor: null }),
        'POST /v1/bookings/bkg_now/no-show': () =>
          problem(409, 'no_show_recorded', 'Conflict', 'A no-show is already recorded for this session.'),
      },
      'es',
      'dark',
    );
    el.style.background = 'var(--_bg)';
    const noShow = control(cards(el)[0]!);
    await noShow.updateComplete;
    expect(text(noShow.shadowRoot!.querySelector('button')!)).to.equal('La persona no se presentó');
    await record(noShow);
    await waitUntil(() => noShow.shadowRoot!.querySelector('[role=alert]'), 'refused');
    expect(text(noShow.shadowRoot!.querySelector('[role=alert]')!)).to.equal(
      'A no-show is already recorded for this session.',
    );
    expect(noShow.getAttribute('theme')).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('says when the learner recorded the mentor as absent, and offers nothing for cancelled or long-past sessions', async () => {
    const el = await fixture<MmNoShow>(
      html`<mm-no-show
        locale="fr"
        .booking=${{ ...started, status: 'no_show', noShow: { who: 'mentor', recordedAt: started.start } }}
      ></mm-no-show>`,
    );
    expect(text(el.shadowRoot!.querySelector('p:not([role])')!)).to.match(
      /^L’apprenant a enregistré votre absence \(.+\)\.$/,
    );
    el.booking = { ...started, status: 'cancelled' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')).to.be.null;
    el.booking = {
      ...started,
      start: new Date(now - 9 * 86_400_000).toISOString(),
      end: new Date(now - 9 * 86_400_000 + 30 * MIN).toISOString(),
    };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')).to.be.null;
    el.booking = { ...started, status: 'completed' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')).not.to.be.null;
  });
});
