import type { Booking, TimeRange } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { consoleApi } from '../internal/mentor-console-api.js';
import { booking, fakeApi, json, problem, slot } from '../test-support/fake-api.js';
import type { MmSessionList } from './session-list.component.js';
import './session-list.js';

const soon = Math.ceil(Date.now() / 60_000) * 60_000 + 60 * 60_000;
const upcoming = booking({
  id: 'bkg_up',
  mentorId: 'mnt_ada',
  start: new Date(soon).toISOString(),
  end: new Date(soon + 30 * 60_000).toISOString(),
});
const freeTimes: TimeRange[] = [{ start: upcoming.start, end: upcoming.end }, slot(120), slot(180)];

async function open(routes: Parameters<typeof fakeApi>[0], locale = 'en') {
  const api = fakeApi({
    'GET /v1/bookings': () => json(200, { data: [upcoming], nextCursor: null }),
    ...routes,
  });
  const el = await fixture<MmSessionList>(
    html`<mm-session-list locale=${locale} .api=${consoleApi(api.client)}></mm-session-list>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('li.card'), 'sessions');
  return { el, ...api };
}

const button = (el: Element, text: string) =>
  Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.trim() === text);

describe('<mm-session-list>', () => {
  it('moves an upcoming session to one of the mentor’s free times, and says so', async () => {
    let moved: Booking | undefined;
    const { el, calls } = await open({
      'GET /v1/mentors/mnt_ada/slots': () => json(200, { data: freeTimes }),
      'POST /v1/bookings/bkg_up/reschedule': (call) => {
        moved = { ...upcoming, start: (call.body as { start: string }).start, sequence: 1 };
        return json(200, moved);
      },
    });
    let event: CustomEvent | undefined;
    el.addEventListener('mm-booking-rescheduled', (e) => (event = e as CustomEvent));
    const toggle = button(el, 'Move to another time')!;
    toggle.click();
    await waitUntil(() => el.shadowRoot!.querySelector('fieldset button'), 'free times');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const query = calls.find((c) => c.path === '/v1/mentors/mnt_ada/slots')!.query;
    expect(query.duration).to.equal('30');
    // The session's own time is not offered as a new one.
    const offered = Array.from(el.shadowRoot!.querySelectorAll('fieldset button'));
    expect(offered).to.have.length(2);
    await expect(el).to.be.accessible();

    (offered[0] as HTMLButtonElement).click();
    await waitUntil(() => event, 'mm-booking-rescheduled');
    expect(calls.find((c) => c.path === '/v1/bookings/bkg_up/reschedule')!.body).to.deep.equal({
      start: freeTimes[1]!.start,
    });
    expect(event!.detail.booking.start).to.equal(freeTimes[1]!.start);
    expect(event!.bubbles && event!.composed).to.equal(true);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=status]')!.textContent!.startsWith('Moved to'));
    expect(el.shadowRoot!.querySelector('fieldset')).to.be.null;
  });

  it('says in plain words when the new time was just taken, and speaks Spanish', async () => {
    const { el } = await open(
      {
        'GET /v1/mentors/mnt_ada/slots': () => json(200, { data: freeTimes }),
        'POST /v1/bookings/bkg_up/reschedule': () =>
          problem(409, 'slot_unavailable', 'Conflict', 'La persona ya tiene una sesión a esa hora.'),
      },
      'es',
    );
    button(el, 'Cambiar de hora')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('fieldset button'), 'free times');
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal(
      'Elige otra hora (se avisa a la persona)',
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('fieldset button')!.click();
    await waitUntil(
      () =>
        el.shadowRoot!.querySelector('[role=status]')!.textContent ===
        'La persona ya tiene una sesión a esa hora.',
      'problem detail shown',
    );
    expect(el.shadowRoot!.querySelector('fieldset')).to.exist;
  });
});
