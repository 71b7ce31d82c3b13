import type { CalendarFeed } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { settingsApi } from '../internal/settings-api.js';
import { keepThenReopen } from '../test-support/confirm-step.js';
import { fakeApi, json, problem } from '../test-support/fake-api.js';
import type { MmCalendarFeed } from './calendar-feed.js';
import './calendar-feed.js';

const OFF: CalendarFeed = { enabled: false, url: null, createdAt: null };
const link = (secret: string) => `https://api.example.test/calendar/${secret.padEnd(40, '0')}.ics`;

/** The feed as the server keeps it: each POST makes a new link, DELETE turns it off. */
function feedServer(start: CalendarFeed = OFF) {
  let feed = start;
  let made = 0;
  return fakeApi({
    'GET /v1/me/calendar-feed': () => json(200, feed),
    'POST /v1/me/calendar-feed': () => {
      made += 1;
      feed = { enabled: true, url: link(`link${made}`), createdAt: new Date().toISOString() };
      return json(201, feed);
    },
    'DELETE /v1/me/calendar-feed': () => {
      feed = OFF;
      return new Response(null, { status: 204 });
    },
  });
}

async function open(api = feedServer(), locale = 'en') {
  const el = await fixture<MmCalendarFeed>(
    html`<mm-calendar-feed locale=${locale} .api=${settingsApi(api.client)}></mm-calendar-feed>`,
  );
  await waitUntil(() => !el.shadowRoot!.querySelector('p[role=status]:not(.ok)'), 'loaded');
  return { el, root: el.shadowRoot!, ...api };
}

const button = (root: ShadowRoot, text: string) =>
  Array.from(root.querySelectorAll('button')).find((b) => b.textContent!.trim() === text);
const status = (root: ShadowRoot) => root.querySelector('p.ok[role=status]')!.textContent!.trim();

describe('<mm-calendar-feed>', () => {
  it('is off at first; turned on, it shows the link to copy and how to add it to each calendar', async () => {
    const { el, root, calls } = await open();
    expect(root.querySelector('h3')!.textContent).to.equal('Your calendar');
    expect(root.querySelector('input')).to.be.null;
    await expect(el).to.be.accessible();

    button(root, 'Add my sessions to my calendar')!.click();
    await waitUntil(() => root.querySelector('input'), 'the link');
    const field = root.querySelector('input')!;
    expect(field.value).to.equal(link('link1'));
    expect(field.readOnly).to.be.true;
    expect(field.getAttribute('part')).to.equal('url');
    // Focus moves to the link (the button that was pressed is gone), selected to copy.
    expect(root.activeElement).to.equal(field);
    expect(root.querySelector('label[for=url]')!.textContent).to.equal('Your private calendar link');
    expect(Array.from(root.querySelectorAll('li')).map((li) => li.textContent)).to.deep.equal([
      'Google Calendar: Other calendars → + → From URL',
      'Outlook: Add calendar → Subscribe from web',
      'Apple Calendar: File → New Calendar Subscription',
    ]);
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal([
      'GET /v1/me/calendar-feed',
      'POST /v1/me/calendar-feed',
    ]);
    await expect(el).to.be.accessible();
  });

  it('copies the link to the clipboard and says so', async () => {
    const { root } = await open(feedServer({ enabled: true, url: link('mine'), createdAt: null }));
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    try {
      button(root, 'Copy')!.click();
      await waitUntil(() => status(root) === 'Link copied.', 'copied');
      expect(copied).to.deep.equal([link('mine')]);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('gets a new link only after a confirm that says the old one stops working', async () => {
    const { el, root, calls } = await open(feedServer({ enabled: true, url: link('old'), createdAt: null }));
    const renewals = () => calls.filter((c) => c.method === 'POST');
    const renew = button(root, 'Get a new link')!;
    const dialog = await keepThenReopen(root, renew, () => el.updateComplete, renewals, {
      opened(open) {
        expect(open.textContent).to.contain('Your current link will stop working');
        expect(root.activeElement?.textContent).to.equal('Keep my link');
      },
    });
    await expect(el).to.be.accessible();
    const confirm = dialog.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!;
    expect(confirm.textContent).to.equal('Get a new link');
    confirm.click();
    await waitUntil(() => root.querySelector('input')?.value === link('link1'), 'the new link');
    expect(status(root)).to.equal('Here is your new link. The old one no longer works.');
    expect(renewals()).to.have.length(1);
  });

  it('turns off after a confirm, and can be turned on again', async () => {
    const { el, root, calls } = await open(feedServer({ enabled: true, url: link('old'), createdAt: null }));
    button(root, 'Turn off')!.click();
    await el.updateComplete;
    const dialog = root.querySelector<HTMLDialogElement>('dialog.confirm')!;
    expect(dialog.open).to.be.true;
    expect(dialog.textContent).to.contain('Your link will stop working');
    dialog.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => button(root, 'Add my sessions to my calendar'), 'off');
    expect(root.querySelector('input')).to.be.null;
    expect(status(root)).to.equal('Your calendar link is off.');
    expect(calls.filter((c) => c.method === 'DELETE')).to.have.length(1);
    expect(root.activeElement).to.equal(button(root, 'Add my sessions to my calendar'));
    await expect(el).to.be.accessible();
  });

  it('says when a link is on but cannot be shown, and offers a new one', async () => {
    const { root } = await open(feedServer({ enabled: true, url: null, createdAt: null }));
    expect(root.textContent).to.contain('Your link is on but cannot be shown here. Get a new link.');
    expect(root.querySelector('input')).to.be.null;
    expect(button(root, 'Get a new link')).to.exist;
  });

  it('shows a failed load in plain words with "Try again", and a refused change as the server says it', async () => {
    let down = true;
    const api = fakeApi({
      'GET /v1/me/calendar-feed': () =>
        down ? problem(503, 'database_unavailable', 'Service Unavailable', 'Down.') : json(200, OFF),
      'POST /v1/me/calendar-feed': () =>
        problem(401, 'user_token_required', 'Unauthorized', 'Sign in again to change your calendar link.'),
    });
    const { el, root } = await open(api);
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      'Something went wrong. Please try again.',
    );
    down = false;
    button(root, 'Try again')!.click();
    await waitUntil(() => button(root, 'Add my sessions to my calendar'), 'loaded again');
    expect(root.querySelector('[role=alert]')).to.be.null;
    button(root, 'Add my sessions to my calendar')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'refused');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      'Sign in again to change your calendar link.',
    );
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish and French', async () => {
    const on = { enabled: true, url: link('mine'), createdAt: null };
    const es = await open(feedServer(on), 'es');
    expect(es.root.querySelector('h3')!.textContent).to.equal('Tu calendario');
    expect(button(es.root, 'Pedir un enlace nuevo')).to.exist;
    expect(es.root.querySelector('li')!.textContent).to.equal(
      'Google Calendar: Otros calendarios → + → Desde URL',
    );
    await expect(es.el).to.be.accessible();
    const fr = await open(feedServer(), 'fr');
    expect(button(fr.root, 'Ajouter mes séances à mon agenda')).to.exist;
  });
});
