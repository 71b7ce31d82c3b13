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
  it('asks a mentor again: their next free times for its session length, booked in their preferred format', async () => {
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
    root.querySelector<HTMLButtonElement>('[role=group] button')!.click();
    await waitUntil(() => booked.length === 1, 'booked');
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      mentorId: 'mnt_ada',
      start: times[0]!.start,
      durationMinutes: 30,
      format: 'video',
    });
    expect(booked[0]!.mentor.id).to.equal('mnt_ada');
    expect(root.querySelector('.ok')!.textContent).to.match(/^Booked: /);
    expect(root.querySelector('[role=group]')).to.be.null;
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
