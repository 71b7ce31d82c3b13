import type { Booking, PreviousSession, RequestBrief, TimeRange } from '@micromentor/sdk';
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
  await waitUntil(() => el.shadowRoot!.querySelector('li.card:not(.skeleton)'), 'sessions');
  return { el, ...api };
}

const button = (el: Element, text: string) =>
  Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.trim() === text);

describe('<mm-session-list>', () => {
  it('shows a call’s number as a tel: link, or says the learner dials in', async () => {
    const call = { ...upcoming, format: 'call' as const, joinUrl: null, learnerName: 'Lena Park' };
    const { el } = await open({
      'GET /v1/bookings': () =>
        json(200, {
          data: [
            { ...call, phone: '+34600123456' },
            { ...call, id: 'bkg_dial', dialIn: 'https://bridge.example.com/42' },
          ],
          nextCursor: null,
        }),
    });
    const lines = Array.from(el.shadowRoot!.querySelectorAll('.call'));
    expect(lines.map((p) => p.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Call Lena Park at +34600123456',
      'The learner dials in: https://bridge.example.com/42',
    ]);
    expect(lines[0]!.querySelector('a')!.getAttribute('href')).to.equal('tel:+34600123456');
    expect(lines[1]!.querySelector('a')!.getAttribute('target')).to.equal('_blank');
    await expect(el).to.be.accessible();
  });

  it('saves an upcoming session’s .ics, fetched with the client’s auth (no token in any URL)', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nUID:bkg_up@micromentor\r\nEND:VCALENDAR\r\n';
    const { el, calls } = await open({
      'GET /v1/bookings/bkg_up/calendar.ics': () =>
        new Response(ics, { status: 200, headers: { 'content-type': 'text/calendar; charset=utf-8' } }),
    });
    const saved: HTMLAnchorElement[] = [];
    el.shadowRoot!.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      if (target instanceof HTMLAnchorElement && target.download) {
        event.preventDefault(); // the test keeps the file instead of the browser
        saved.push(target);
      }
    });
    button(el, 'Add to calendar (.ics)')!.click();
    await waitUntil(() => saved.length === 1, 'saved');
    expect(saved[0]!.download).to.equal('micromentor-bkg_up.ics');
    expect(saved[0]!.href).to.match(/^blob:/);
    expect(await (await fetch(saved[0]!.href)).text()).to.equal(ics);
    const fetched = calls.find((c) => c.path === '/v1/bookings/bkg_up/calendar.ics')!;
    expect(fetched.headers['X-User-Token']).to.equal('jwt.learner');
    expect(el.shadowRoot!.querySelector('a[download]')).to.be.null;
  });

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

  it('says who booked and why: the learner, the question folded when long, its page and selection, earlier sessions with notes — all as text', async () => {
    const details = `${'The LEFT JOIN of orders and customers returns every order twice. '.repeat(5)}<img src=x onerror=alert(1)>`;
    const request: RequestBrief = {
      id: 'req_1',
      title: 'Why does my join duplicate rows?',
      details,
      context: {
        pageTitle: 'Lesson 4: Joins',
        url: 'https://lms.example/sql-101/lessons/4',
        lessonId: 'l4-internal',
        selection: 'SELECT * FROM orders <b>LEFT JOIN</b> customers',
      },
      createdAt: new Date().toISOString(),
    };
    const earlier: PreviousSession = {
      id: 'bkg_old',
      start: '2026-11-26T09:00:00.000Z',
      end: '2026-11-26T09:30:00.000Z',
      format: 'video',
      status: 'completed',
      requestTitle: 'Indexes',
      notes: 'Found the fan-out; aggregate first.',
    };
    const card = { ...upcoming, learnerName: 'Lena Park', request, previousSessions: [earlier] };
    const { el } = await open({ 'GET /v1/bookings': () => json(200, { data: [card], nextCursor: null }) });
    const root = el.shadowRoot!;
    const li = root.querySelector('li.card')!;
    expect(li.querySelector('h4')!.textContent).to.equal('Lena Park');
    expect(li.querySelector('.meta')!.textContent).to.match(/Video\s+·\s+Confirmed/);
    expect(li.querySelector('.q-title')!.textContent).to.equal('Why does my join duplicate rows?');
    // Long details are folded behind "Show more", and are text: no element is made from them.
    const more = li.querySelector<HTMLDetailsElement>('details.q-more')!;
    expect(more.open).to.be.false;
    expect(more.querySelector('summary')!.textContent).to.include('Show more');
    expect(li.querySelector('.q-details')!.textContent).to.equal(details);
    expect(li.querySelector('img, b')).to.be.null;
    // The page it came from, linked; the LMS id is not shown when the page has a title.
    const page = li.querySelector<HTMLAnchorElement>('.q-source a')!;
    expect(page.textContent).to.equal('Lesson 4: Joins');
    expect(page.getAttribute('href')).to.equal('https://lms.example/sql-101/lessons/4');
    expect(page.rel).to.include('noopener');
    expect(li.textContent).not.to.include('l4-internal');
    expect(li.querySelector('blockquote')!.textContent).to.equal(
      'SELECT * FROM orders <b>LEFT JOIN</b> customers',
    );
    const history = li.querySelector<HTMLDetailsElement>('details.earlier')!;
    expect(history.querySelector('summary')!.textContent).to.equal('1 earlier session with Lena Park');
    history.querySelector('summary')!.click();
    await waitUntil(() => history.open, 'earlier sessions open');
    expect(history.querySelector('li')!.textContent).to.include('Indexes');
    expect(history.querySelector('li p')!.textContent).to.equal('Found the fan-out; aggregate first.');
    more.querySelector('summary')!.click();
    await waitUntil(() => more.open, 'details open');
    expect(more.querySelector('summary')!.textContent).to.include('Show less');
    await expect(el).to.be.accessible();
  });

  it('names the lesson and course when the page has no title, in Spanish, and says when there is no history', async () => {
    const request: RequestBrief = {
      id: 'req_2',
      title: 'GROUP BY',
      details: 'Short.',
      context: { courseId: 'sql-101', lessonId: 'l4', topic: 'sql' },
      createdAt: new Date().toISOString(),
    };
    const card = { ...upcoming, learnerName: 'Lena Park', request, previousSessions: [] };
    const { el } = await open(
      { 'GET /v1/bookings': () => json(200, { data: [card], nextCursor: null }) },
      'es',
    );
    const li = el.shadowRoot!.querySelector('li.card')!;
    expect(li.querySelector('details.q-more')).to.be.null;
    expect(li.querySelector('.q-details')!.textContent).to.equal('Short.');
    expect(li.querySelector('.q-source')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Preguntado en lección l4 · curso sql-101 · tema: sql',
    );
    expect(li.querySelector('.earlier-none')!.textContent).to.equal(
      'No hay sesiones anteriores con Lena Park.',
    );
  });
});
