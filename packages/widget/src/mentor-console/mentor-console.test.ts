import { type Me, MicromentorError } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MmErrorEvent } from '../events/mm-error.js';
import { fakeApi, json, match, offer, problem } from '../test-support/fake-api.js';
import type { LiveEvent, MmMentorConsole, Subscribe } from './mentor-console.js';
import './mentor-console.js';

const mentor = {
  ...match('Ada Lovelace').mentor,
  id: 'mnt_ada',
  externalId: 'ada',
  statusReason: null,
  callBridge: null,
  contactEmail: null,
};

function me(mentorProfile: Me['mentorProfile']): Me {
  return {
    tenant: {
      id: 'ten_1',
      name: 'Academy',
      settings: { allowGuests: false, formats: ['video', 'call', 'chat'], sessionLengths: [15, 30] },
    },
    user: {
      id: 'usr_ada',
      externalId: 'ada',
      name: 'Ada Lovelace',
      email: null,
      roles: ['mentor'],
      isGuest: false,
    },
    mentorProfile,
    keyKind: 'publishable',
  } as Me;
}

const stats = { sessions: 12, minutes: 240, rating: 4.75, ratingCount: 8, medianResponseMinutes: 4 };

function shadow(el: Element, selector: string): Element | null {
  return el.shadowRoot!.querySelector(selector);
}

/**
 * The console of an approved mentor: the profile, stats and an empty inbox, then `routes` (which
 * may answer these too); live events through `subscribe` when given.
 */
async function approvedConsole(
  routes: Parameters<typeof fakeApi>[0] = {},
  { locale = 'en', subscribe }: { locale?: string; subscribe?: Subscribe } = {},
) {
  const { client, calls } = fakeApi({
    'GET /v1/me': () => json(200, me({ ...mentor, status: 'approved' })),
    'GET /v1/me/stats': () => json(200, stats),
    'GET /v1/me/offers': () => json(200, { data: [], nextCursor: null }),
    'GET /v1/me/calendar-feed': () => json(200, { enabled: false, url: null, createdAt: null }),
    ...routes,
  });
  const el = await fixture<MmMentorConsole>(
    subscribe
      ? html`<mm-mentor-console locale=${locale} .client=${client} .subscribe=${subscribe}></mm-mentor-console>`
      : html`<mm-mentor-console locale=${locale} .client=${client}></mm-mentor-console>`,
  );
  return { el, calls };
}

/** A live connection the test drives: `subscribe` for the console (opened at once), `emit` an event on it. */
function liveFeed(): { subscribe: Subscribe; emit: (event: LiveEvent) => void } {
  let onEvent: (event: LiveEvent) => void = () => {};
  return {
    subscribe: (handlers) => {
      onEvent = handlers.onEvent;
      handlers.onOpen?.();
    },
    emit: (event) => onEvent(event),
  };
}

async function settle(el: MmMentorConsole): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

describe('<mm-mentor-console>', () => {
  it('shows the application form to a user who is not a mentor, then the pending state', async () => {
    let profile: Me['mentorProfile'] = null;
    const { client, calls } = fakeApi({
      'GET /v1/me': () => json(200, me(profile)),
      'POST /v1/me/mentor': (call) => {
        profile = { ...mentor, ...(call.body as object), status: 'pending' } as Me['mentorProfile'];
        return json(201, profile);
      },
    });
    const el = await fixture<MmMentorConsole>(
      html`<mm-mentor-console locale="en" .client=${client}></mm-mentor-console>`,
    );
    await waitUntil(() => shadow(el, 'mm-mentor-profile-form'), 'application form');
    const form = shadow(el, 'mm-mentor-profile-form')!;
    await (form as MmMentorConsole).updateComplete;
    expect(form.shadowRoot!.querySelector('h3')!.textContent).to.equal('Become a mentor');
    await expect(el).to.be.accessible();

    const root = form.shadowRoot!;
    (root.querySelector('input[name=headline]') as HTMLInputElement).value = 'SQL teacher';
    (root.querySelector('input[name=skills]') as HTMLInputElement).value = 'sql, postgresql';
    (root.querySelector('input[name=timeZone]') as HTMLInputElement).value = 'Europe/Madrid';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => shadow(el, '.notice'), 'pending notice');
    const apply = calls.find((c) => c.method === 'POST')!;
    expect(apply.body).to.deep.include({
      name: 'Ada Lovelace',
      headline: 'SQL teacher',
      skills: ['sql', 'postgresql'],
      timeZone: 'Europe/Madrid',
      formats: ['video', 'chat'],
    });
    expect(shadow(el, '.notice')!.textContent).to.equal('Your application is waiting for review.');
  });

  it('moves between tabs with the arrow keys and shows stats on the profile tab', async () => {
    const { el } = await approvedConsole({
      'GET /v1/bookings': () => json(200, { data: [], nextCursor: null }),
    });
    await waitUntil(() => shadow(el, '[role=tab]'), 'tabs');
    shadow(el, '#tab-inbox')!.closest<HTMLElement>('[role=tab]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(shadow(el, '[aria-selected=true]')!.id).to.equal('tab-sessions');
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-sessions');
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(shadow(el, '[aria-selected=true]')!.id).to.equal('tab-profile');
    const values = Array.from(el.shadowRoot!.querySelectorAll('.stats dd')).map((d) => d.textContent);
    expect(values).to.deep.equal(['12', '240', '4.8 (8)', '4 min']);
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(shadow(el, '[aria-selected=true]')!.id).to.equal('tab-inbox');
    await expect(el).to.be.accessible();
  });

  it('offers the mentor’s private calendar feed under their sessions', async () => {
    const url = `https://api.example.test/calendar/${'m'.repeat(40)}.ics`;
    const { el, calls } = await approvedConsole({
      'GET /v1/bookings': () => json(200, { data: [], nextCursor: null }),
      'POST /v1/me/calendar-feed': () =>
        json(201, { enabled: true, url, createdAt: new Date().toISOString() }),
    });
    await waitUntil(() => shadow(el, '[role=tab]'), 'tabs');
    shadow(el, '#tab-sessions')!.closest<HTMLElement>('[role=tab]')!.click();
    await settle(el);
    const calendar = shadow(el, 'mm-calendar-feed')!;
    const turnOn = () =>
      Array.from(calendar.shadowRoot?.querySelectorAll('button') ?? []).find(
        (b) => b.textContent!.trim() === 'Add my sessions to my calendar',
      );
    await waitUntil(turnOn, 'the calendar section');
    // After the sessions, in the same panel.
    expect(shadow(el, 'mm-session-list')!.nextElementSibling).to.equal(calendar);
    turnOn()!.click();
    await waitUntil(() => calendar.shadowRoot!.querySelector('input')?.value === url, 'the link');
    expect(calls.filter((c) => c.path === '/v1/me/calendar-feed').map((c) => c.method)).to.deep.equal([
      'GET',
      'POST',
    ]);
    el.theme = 'dark';
    await settle(el);
    await waitUntil(() => calendar.getAttribute('theme') === 'dark', 'dark');
    await expect(el).to.be.accessible();
  });

  it("shows the program's leaderboard on the profile tab, the mentor's own row marked — nothing where it is off", async () => {
    const entry = (rank: number, id: string, name: string, sessions: number) => ({
      rank,
      mentor: { id, name, headline: '', badges: [] },
      sessions,
      minutes: sessions * 15,
    });
    for (const enabled of [true, false]) {
      const { el, calls } = await approvedConsole({
        'GET /v1/leaderboard': () =>
          enabled
            ? json(200, {
                month: '2026-12',
                from: '2026-12-01T00:00:00.000Z',
                to: '2027-01-01T00:00:00.000Z',
                by: 'sessions',
                entries: [entry(1, 'mnt_grace', 'Grace Hopper', 5), entry(2, 'mnt_ada', 'Ada Lovelace', 3)],
              })
            : problem(
                404,
                'leaderboard_disabled',
                'Not found',
                'This program has not turned the leaderboard on.',
              ),
      });
      await waitUntil(() => shadow(el, '#tab-profile'), 'tabs');
      (shadow(el, '#tab-profile') as HTMLButtonElement).click();
      await waitUntil(() => calls.some((c) => c.path === '/v1/leaderboard'), 'leaderboard asked');
      const board = shadow(el, 'mm-leaderboard') as HTMLElement & { updateComplete: Promise<boolean> };
      // On the console's own client (its user token), not one of its own.
      expect(calls.find((c) => c.path === '/v1/leaderboard')!.headers['X-User-Token']).to.equal(
        'jwt.learner',
      );
      if (enabled) {
        await waitUntil(() => board.shadowRoot!.querySelector('ol li .name'), 'ranked');
        const rows = Array.from(board.shadowRoot!.querySelectorAll('li')).map((li) => [
          li.className,
          li.querySelector('.name')!.textContent,
        ]);
        expect(rows).to.deep.equal([
          ['', 'Grace Hopper'],
          ['you', 'Ada Lovelace (you)'],
        ]);
        expect(board.checkVisibility()).to.equal(true);
        await expect(el).to.be.accessible();
      } else {
        await waitUntil(() => board.hidden, 'hidden');
        expect(board.checkVisibility()).to.equal(false);
        expect(board.shadowRoot!.textContent!.trim()).to.equal('');
      }
    }
  });

  it('lets the mentor choose their email under their profile, after the contact address', async () => {
    const on = {
      bookings: true,
      reminders: true,
      requests: true,
      messages: true,
      feedback: true,
      account: true,
    };
    const { el, calls } = await approvedConsole({
      'GET /v1/me/email-preferences': () =>
        json(200, {
          learner: { address: 'ada@example.org', kinds: on },
          mentor: { address: 'ada@work.example', kinds: on },
        }),
      'PATCH /v1/me/email-preferences': (call) =>
        json(200, {
          learner: { address: 'ada@example.org', kinds: on },
          mentor: {
            address: 'ada@work.example',
            kinds: { ...on, ...(call.body as { kinds: object }).kinds },
          },
        }),
    });
    await waitUntil(() => shadow(el, '[role=tab]'), 'tabs');
    shadow(el, '#tab-profile')!.closest<HTMLElement>('[role=tab]')!.click();
    await settle(el);
    const prefs = shadow(el, 'mm-email-preferences')!;
    await waitUntil(() => prefs.shadowRoot?.querySelector('input[name=requests]'), 'the email section');
    expect(shadow(el, 'mm-mentor-profile-form')!.nextElementSibling).to.equal(prefs);
    expect(prefs.shadowRoot!.textContent).to.contain('We write to ada@work.example.');
    prefs.shadowRoot!.querySelector<HTMLInputElement>('input[name=requests]')!.click();
    await waitUntil(() => calls.some((c) => c.method === 'PATCH'), 'saved');
    expect(calls.find((c) => c.method === 'PATCH')!.body).to.deep.equal({
      as: 'mentor',
      kinds: { requests: false },
    });
    el.theme = 'dark';
    await settle(el);
    await waitUntil(() => prefs.getAttribute('theme') === 'dark', 'dark');
    await expect(el).to.be.accessible();
  });

  it('puts the "Available now" checkbox on one line before its words', async () => {
    const { el } = await approvedConsole();
    await waitUntil(() => shadow(el, 'label.switch'), 'switch');
    const box = shadow(el, 'label.switch input')!.getBoundingClientRect();
    const words = shadow(el, 'label.switch span')!.getBoundingClientRect();
    expect(words.width).to.be.greaterThan(0);
    // Beside it, not centred above it: the box ends before the words start, on the same line.
    expect(box.right).to.be.at.most(words.left);
    expect(box.top).to.be.lessThan(words.bottom);
    expect(box.bottom).to.be.greaterThan(words.top);
  });

  it('refreshes the inbox when a live request event arrives', async () => {
    let offers = [offer('req_1', 'First')];
    const { subscribe, emit } = liveFeed();
    const { el } = await approvedConsole(
      { 'GET /v1/me/offers': () => json(200, { data: offers, nextCursor: null }) },
      { subscribe },
    );
    await waitUntil(() => shadow(el, 'mm-offer-inbox')?.shadowRoot?.querySelector('li'), 'offers');
    expect(shadow(el, '.live')!.textContent).to.equal('Live updates on');
    offers = [offer('req_9', 'Urgent: deadlock'), ...offers];
    emit({
      id: '7',
      type: 'request.offered',
      data: { requestId: 'req_9' },
      createdAt: new Date().toISOString(),
    });
    const inbox = shadow(el, 'mm-offer-inbox')!;
    await waitUntil(() => inbox.shadowRoot!.querySelectorAll('li').length === 2, 'live refresh');
    expect(inbox.shadowRoot!.querySelector('h4')!.textContent).to.equal('Urgent: deadlock');
  });

  it('shows the badges on the profile tab and refreshes them when a session completes', async () => {
    let badges = [{ code: 'first_session', earnedAt: '2026-06-01T08:45:00.000Z' }];
    const { subscribe, emit } = liveFeed();
    const { el } = await approvedConsole(
      {
        'GET /v1/me/mentor/record': () =>
          json(200, {
            mentorId: 'mnt_ada',
            name: 'Ada',
            sessions: 10,
            minutes: 300,
            firstSessionAt: null,
            lastSessionAt: null,
            badges,
          }),
      },
      { subscribe },
    );
    await waitUntil(() => shadow(el, '#tab-profile'), 'tabs');
    (shadow(el, '#tab-profile') as HTMLButtonElement).click();
    await waitUntil(() => shadow(el, 'mm-mentor-record')?.shadowRoot?.querySelector('.badges li'), 'badges');
    const record = shadow(el, 'mm-mentor-record')!;
    badges = [...badges, { code: 'sessions_10', earnedAt: '2026-11-25T12:15:00.000Z' }];
    emit({
      id: '8',
      type: 'booking.completed',
      data: { bookingId: 'bkg_1' },
      createdAt: new Date().toISOString(),
    });
    await waitUntil(() => record.shadowRoot!.querySelectorAll('.badges li').length === 2, 'live refresh');
    expect(record.shadowRoot!.querySelectorAll('.badges li')[1]!.textContent).to.contain('10 sessions');
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const { el } = await approvedConsole({}, { locale: 'es' });
    await waitUntil(() => shadow(el, '[role=tab]'), 'tabs');
    const tabs = Array.from(el.shadowRoot!.querySelectorAll('[role=tab]')).map((t) => t.textContent!.trim());
    expect(tabs).to.deep.equal(['Solicitudes', 'Sesiones', 'Mensajes', 'Disponibilidad', 'Perfil']);
    await waitUntil(() => shadow(el, 'mm-offer-inbox')?.shadowRoot?.querySelector('p'), 'inbox');
    expect(shadow(el, 'mm-offer-inbox')!.shadowRoot!.textContent).to.include('No hay solicitudes ahora');
  });

  it('follows a new user token and a token provider on the client it uses (hours-long sessions)', async () => {
    const { client, calls } = fakeApi(
      {
        'GET /v1/me': (call) =>
          call.headers['X-User-Token'] === 'jwt.expired'
            ? problem(401, 'invalid_user_token', 'Unauthorized', 'The user token has expired.')
            : json(200, me(null)),
      },
      { userToken: 'jwt.first' },
    );
    const el = await fixture<MmMentorConsole>(
      html`<mm-mentor-console locale="en" .client=${client}></mm-mentor-console>`,
    );
    await waitUntil(() => shadow(el, 'mm-mentor-profile-form'), 'ready');
    expect(calls.at(-1)!.headers['X-User-Token']).to.equal('jwt.first');

    // `Micromentor('identify', …)` sets the property; the next call carries the new token.
    el.userToken = 'jwt.second';
    await el.updateComplete;
    await el.reload();
    expect(calls.at(-1)!.headers['X-User-Token']).to.equal('jwt.second');

    // `Micromentor('tokenProvider', fn)`: an expired token is renewed and the call sent again.
    el.tokenProvider = () => 'jwt.renewed';
    el.userToken = 'jwt.expired';
    await el.updateComplete;
    const from = calls.length;
    await el.reload();
    expect(calls.slice(from).map((c) => c.headers['X-User-Token'])).to.deep.equal([
      'jwt.expired',
      'jwt.renewed',
    ]);
    expect(shadow(el, '[role=alert]')).to.be.null;
  });

  it('says what is wrong when the API cannot be reached, and retries', async () => {
    let up = false;
    const { client } = fakeApi({
      'GET /v1/me': () =>
        up ? json(200, me(null)) : problem(503, 'unavailable', 'Unavailable', 'Down for a moment.'),
    });
    const errors: MmErrorEvent[] = [];
    const el = await fixture<MmMentorConsole>(
      html`<mm-mentor-console locale="en" .client=${client} @mm-error=${(e: MmErrorEvent) => errors.push(e)}></mm-mentor-console>`,
    );
    await waitUntil(() => shadow(el, '[role=alert]'), 'error');
    expect(shadow(el, '[role=alert]')!.textContent).to.equal('Something went wrong. Please try again.');
    // The failure goes out as a well-typed `mm-error` with the API's code.
    expect(errors).to.have.length(1);
    const { step, code, message, error } = errors[0]!.detail;
    expect([step, code, message]).to.deep.equal([
      'console',
      'unavailable',
      'Something went wrong. Please try again.',
    ]);
    expect(error).to.be.instanceOf(MicromentorError);
    up = true;
    shadow(el, 'button')!.dispatchEvent(new MouseEvent('click'));
    await waitUntil(() => shadow(el, 'mm-mentor-profile-form'), 'recovered');
  });
});
