import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MmBookingCreatedEvent } from '../events/mm-booking-created.js';
import type { MmErrorEvent } from '../events/mm-error.js';
import type { MmRequestCreatedEvent } from '../events/mm-request-created.js';
import { booking, fakeApi, helpRequest, json, threeMatches } from '../test-support/fake-api.js';
import type { MmAskExpert } from './ask-expert.js';
import './ask-expert.js';

// Assertions compare strings and booleans, never DOM nodes: when one fails, the runner tries
// to serialise both sides and a node drags in the whole document, stalling the file.

function parts(el: MmAskExpert) {
  const root = el.shadowRoot!;
  return {
    launcher: root.querySelector<HTMLButtonElement>('[part~="launcher"]')!,
    panel: root.querySelector<HTMLDialogElement>('[part~="panel"]')!,
    closeButton: root.querySelector<HTMLButtonElement>('[part~="close-button"]')!,
  };
}

/** The focused part inside the shadow root, as text (see the note on DOM nodes in assertions). */
function focusedPart(el: MmAskExpert): string | null {
  const active = el.shadowRoot!.activeElement;
  return active ? (active.getAttribute('part') ?? active.localName) : null;
}

async function openByClick(el: MmAskExpert): Promise<void> {
  const opened = oneEvent(el, 'mm-open');
  parts(el).launcher.click();
  await opened;
}

describe('<mm-ask-expert>', () => {
  it('renders an "Ask an expert" launcher and a closed panel', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    const { launcher, panel } = parts(el);
    expect(launcher).to.exist;
    expect(launcher.textContent?.trim()).to.equal('Ask an expert');
    expect(launcher.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(panel.open).to.be.false;
    expect(el.open).to.be.false;
  });

  it('opens the panel on click and fires a bubbling, composed mm-open', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert topic="sql-joins"></mm-ask-expert>`);
    const opened = oneEvent(document, 'mm-open');
    parts(el).launcher.click();
    const event = await opened;
    expect(event.bubbles).to.be.true;
    expect(event.composed).to.be.true;
    expect(event.detail).to.deep.equal({ topic: 'sql-joins' });
    expect(parts(el).panel.open).to.be.true;
    expect(el.open).to.be.true;
    // The intro says what happens next, not what the form's first label asks again.
    const intro = parts(el).panel.querySelector('.intro')!.textContent!;
    expect(intro).to.equal('We match you with mentors who know it; you pick one and a time.');
    await el.updateComplete;
    const label = inStep(el, 'mm-request-form', 'label')!.textContent!.trim();
    expect(label).to.match(/^What are you stuck on\?/);
    expect(intro.toLowerCase()).not.to.contain('stuck');
  });

  it('closes on Escape, fires mm-close and returns focus to the launcher', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    await openByClick(el);
    const closed = oneEvent(el, 'mm-close');
    await sendKeys({ press: 'Escape' });
    const event = await closed;
    expect(event.detail).to.deep.equal({ reason: 'escape' });
    expect(parts(el).panel.open).to.be.false;
    expect(focusedPart(el)).to.equal('launcher');
    expect(document.activeElement === el, 'the element holds the page focus').to.be.true;
  });

  it('closes with the Close button, fires mm-close and returns focus to the launcher', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    await openByClick(el);
    const closed = oneEvent(el, 'mm-close');
    parts(el).closeButton.click();
    expect((await closed).detail).to.deep.equal({ reason: 'close-button' });
    expect(parts(el).panel.open).to.be.false;
    expect(focusedPart(el)).to.equal('launcher');
  });

  it('opens and closes from show() and hide()', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    const opened = oneEvent(el, 'mm-open');
    await el.show();
    await opened;
    const closed = oneEvent(el, 'mm-close');
    await el.hide();
    expect((await closed).detail).to.deep.equal({ reason: 'api' });
  });

  it('askAbout() starts a new question with the title written in and focused', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    el.show();
    await el.askAbout('Topic: window functions');
    const form = el.shadowRoot!.querySelector('mm-request-form')!;
    const title = form.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    expect(title.value).to.equal('Topic: window functions');
    expect(form.shadowRoot!.activeElement).to.equal(title);
  });

  it('passes axe when closed and when open', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert topic="sql-joins"></mm-ask-expert>`);
    await expect(el).to.be.accessible();
    await openByClick(el);
    await expect(el).to.be.accessible();
  });

  it('shows the topic, course and lesson by their titles, and sends their ids', async () => {
    const { client, calls } = fakeApi({
      'POST /v1/requests': () => json(201, { request: helpRequest(), matches: [] }),
    });
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert
        locale="en"
        topic="sql-joins"
        topic-title="SQL joins"
        course-id="sql-101"
        course-title="SQL 101"
        lesson-id="joins-3"
        lesson-title="LEFT and INNER joins"
        .client=${client}
      ></mm-ask-expert>`,
    );
    await openByClick(el);
    await settle(el);
    expect(el.shadowRoot!.querySelector('.topic')!.textContent).to.equal('Topic: SQL joins');
    const items = Array.from(
      el.shadowRoot!.querySelector('mm-request-form')!.shadowRoot!.querySelectorAll('.context li'),
      (li) => li.textContent,
    );
    expect(items.filter((item) => !item?.startsWith('Page:'))).to.deep.equal([
      'Topic: SQL joins',
      'Course: SQL 101',
      'Lesson: LEFT and INNER joins',
    ]);
    expect(parts(el).panel.textContent).not.to.match(/sql-joins|sql-101|joins-3/);
    await sendKeys({ type: 'Joins' });
    const created = oneEvent(el, 'mm-request-created');
    await sendKeys({ press: 'Enter' });
    await created;
    expect(
      (calls.find((c) => c.path === '/v1/requests')!.body as { context: object }).context,
    ).to.deep.include({
      topic: 'sql-joins',
      courseId: 'sql-101',
      lessonId: 'joins-3',
    });
  });

  it('takes the text selected on the page along with the question, until the learner removes it', async () => {
    const { client, calls } = fakeApi({
      'POST /v1/requests': () => json(201, { request: helpRequest(), matches: [] }),
    });
    const lesson = await fixture<HTMLDivElement>(
      html`<div>
        <p id="lesson">SELECT * FROM orders o <b>LEFT JOIN</b> customers c ON c.id = o.customer_id</p>
        <mm-ask-expert locale="en" .client=${client}></mm-ask-expert>
      </div>`,
    );
    const el = lesson.querySelector('mm-ask-expert') as MmAskExpert;
    const select = (text: Node) => {
      const range = document.createRange();
      range.selectNodeContents(text);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    };
    select(lesson.querySelector('#lesson')!);
    await openByClick(el);
    await settle(el);
    const form = el.shadowRoot!.querySelector('mm-request-form')!.shadowRoot!;
    expect(form.querySelector('blockquote')!.textContent).to.equal(
      'SELECT * FROM orders o LEFT JOIN customers c ON c.id = o.customer_id',
    );
    expect(form.querySelector('blockquote b'), 'the selection is text, not markup').to.equal(null);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Duplicates' });
    const created = oneEvent(el, 'mm-request-created');
    await sendKeys({ press: 'Enter' });
    await created;
    const sent = (calls.at(-1)!.body as { context: { selection?: string } }).context;
    expect(sent.selection).to.equal('SELECT * FROM orders o LEFT JOIN customers c ON c.id = o.customer_id');

    // A new question: the learner removes the selection, and nothing of it is sent.
    await el.hide();
    const fresh = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${client}></mm-ask-expert>`,
    );
    select(lesson.querySelector('#lesson')!);
    await openByClick(fresh);
    await settle(fresh);
    const freshForm = fresh.shadowRoot!.querySelector('mm-request-form')!;
    freshForm.shadowRoot!.querySelector<HTMLButtonElement>('[part~="remove-selection-button"]')!.click();
    await freshForm.updateComplete;
    expect(freshForm.shadowRoot!.querySelector('blockquote')).to.equal(null);
    expect(freshForm.shadowRoot!.activeElement?.id).to.equal('details');
    freshForm.shadowRoot!.querySelector<HTMLInputElement>('#title')!.value = 'Duplicates';
    const again = oneEvent(fresh, 'mm-request-created');
    freshForm.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await again;
    expect((calls.at(-1)!.body as { context: object }).context).not.to.have.property('selection');
  });

  it('sends no selection when nothing is selected, and says so when a selection is too long to send whole', async () => {
    const { client, calls } = fakeApi({
      'POST /v1/requests': () => json(201, { request: helpRequest(), matches: [] }),
    });
    const long = await fixture<HTMLParagraphElement>(html`<p>${'x'.repeat(2500)}</p>`);
    getSelection()!.removeAllRanges();
    const plain = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${client}></mm-ask-expert>`,
    );
    await openByClick(plain);
    await settle(plain);
    expect(
      plain.shadowRoot!.querySelector('mm-request-form')!.shadowRoot!.querySelector('.selection'),
    ).to.equal(null);
    await plain.hide();

    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${client}></mm-ask-expert>`,
    );
    const range = document.createRange();
    range.selectNodeContents(long);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    await openByClick(el);
    await settle(el);
    const form = el.shadowRoot!.querySelector('mm-request-form')!.shadowRoot!;
    expect(form.querySelector('blockquote')!.textContent!.length).to.equal(2000);
    expect(form.querySelector('.selection .hint + blockquote + .hint')!.textContent).to.equal(
      'Only the first 2,000 characters of your selection are sent.',
    );
    form.querySelector<HTMLInputElement>('#title')!.value = 'Long';
    const created = oneEvent(el, 'mm-request-created');
    form.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await created;
    expect((calls.at(-1)!.body as { context: { selection: string } }).context.selection).to.have.length(2000);
  });

  it('renders a topic containing markup as text', async () => {
    const alerts: unknown[] = [];
    const originalAlert = window.alert;
    window.alert = (message?: unknown) => alerts.push(message);
    try {
      const payload = '<img src=x onerror=alert(1)>';
      const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
      el.setAttribute('topic-title', payload);
      await el.updateComplete;
      await openByClick(el);
      const root = el.shadowRoot!;
      expect(root.querySelector('img')).to.be.null;
      expect(root.querySelector('.topic')?.textContent).to.contain(payload);
      // Give a wrongly parsed <img> time to fail loading and run its handler.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(alerts).to.deep.equal([]);
    } finally {
      window.alert = originalAlert;
    }
  });

  it('reads its kebab-case attributes and does not reflect the user token', async () => {
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert publishable-key="pk_test" api-base="https://api.example.test" user-token="jwt.a"></mm-ask-expert>`,
    );
    expect(el.publishableKey).to.equal('pk_test');
    expect(el.apiBase).to.equal('https://api.example.test');
    expect(el.userToken).to.equal('jwt.a');
    el.userToken = 'jwt.b';
    await el.updateComplete;
    expect(el.getAttribute('user-token')).to.equal('jwt.a');
  });

  it('takes its accent colour from --mm-accent', async () => {
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert style="--mm-accent: rgb(200, 0, 100)"></mm-ask-expert>`,
    );
    expect(getComputedStyle(parts(el).launcher).backgroundColor).to.equal('rgb(200, 0, 100)');
  });
});

/** An element inside the shadow root of a step inside the panel. */
function inStep<T extends Element>(el: MmAskExpert, step: string, selector: string): T | null {
  return el.shadowRoot!.querySelector(step)!.shadowRoot!.querySelector<T>(selector);
}

function visibleStep(el: MmAskExpert): string[] {
  return Array.from(el.shadowRoot!.querySelectorAll('mm-request-form, mm-match-list, mm-confirmation'))
    .filter((step) => !step.hasAttribute('hidden'))
    .map((step) => step.localName);
}

async function settle(el: MmAskExpert): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    for (const child of el.shadowRoot!.querySelectorAll('mm-request-form, mm-match-list, mm-confirmation')) {
      await (child as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    }
  }
}

/** The widget, opened, after asking for help right now (an instant request with three matches). */
async function askNow(): Promise<MmAskExpert> {
  const { client } = fakeApi({
    'POST /v1/requests': () =>
      json(201, { request: helpRequest({ id: 'req_now', urgency: 'now' }), matches: threeMatches() }),
  });
  const el = await fixture<MmAskExpert>(html`<mm-ask-expert locale="en" .client=${client}></mm-ask-expert>`);
  await openByClick(el);
  await settle(el);
  inStep<HTMLInputElement>(el, 'mm-request-form', '#title')!.value = 'Deadlock in production';
  const created = oneEvent(el, 'mm-request-created');
  inStep<HTMLButtonElement>(el, 'mm-request-form', '[part~="submit-button"]')!.click();
  await created;
  await settle(el);
  return el;
}

describe('<mm-ask-expert> flow: ask → matches → book → cancel', () => {
  it('walks the whole flow with the keyboard, passing axe at each step', async () => {
    const made = booking();
    let requestBody: unknown = null;
    const { client, calls } = fakeApi({
      'POST /v1/requests': (call) => {
        requestBody = call.body;
        return json(201, { request: helpRequest(), matches: threeMatches() });
      },
      'POST /v1/bookings': () => json(201, made),
      [`POST /v1/bookings/${made.id}/cancel`]: () => json(200, { ...made, status: 'cancelled' }),
    });
    document.title = 'Lesson 4: Joins';
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" topic="sql-joins" course-id="sql-101" lesson-id="l4" .client=${client}></mm-ask-expert>`,
    );
    const seen: string[] = [];
    for (const type of ['mm-request-created', 'mm-booking-created', 'mm-booking-cancelled'] as const)
      document.addEventListener(type, () => seen.push(type), { once: true });

    await openByClick(el);
    await settle(el);
    expect(visibleStep(el)).to.deep.equal(['mm-request-form']);
    expect(el.shadowRoot!.querySelector('mm-request-form')!.shadowRoot!.activeElement?.id).to.equal('title');
    // No titles given: the ids are sent (below) but never shown.
    expect(el.shadowRoot!.querySelector('.topic')).to.be.null;
    expect(inStep(el, 'mm-request-form', 'form')!.textContent).not.to.match(/sql-joins|sql-101|l4/);
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'LEFT JOIN returns duplicates' });
    const created = oneEvent(el, 'mm-request-created') as Promise<MmRequestCreatedEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await created).detail.matches).to.have.length(3);
    expect(requestBody).to.deep.include({ title: 'LEFT JOIN returns duplicates' });
    expect((requestBody as { context: object }).context).to.deep.equal({
      url: location.href,
      pageTitle: 'Lesson 4: Joins',
      topic: 'sql-joins',
      courseId: 'sql-101',
      lessonId: 'l4',
    });
    await settle(el);
    expect(visibleStep(el)).to.deep.equal(['mm-match-list']);
    expect(inStep(el, 'mm-match-list', '[role="status"]')?.textContent).to.equal('3 mentors found');
    await expect(el).to.be.accessible();

    const list = el.shadowRoot!.querySelector('mm-match-list')!;
    const card = list.shadowRoot!.querySelector('mm-mentor-card')!;
    await card.updateComplete;
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="slot-button"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    // The time is under review, not booked: Enter on the focused "Book" books it.
    expect(calls.filter((c) => c.path === '/v1/bookings')).to.have.length(0);
    expect(list.shadowRoot!.activeElement?.getAttribute('part')).to.equal('button book-button');
    const booked = oneEvent(el, 'mm-booking-created') as Promise<MmBookingCreatedEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await booked).detail.mentor.name).to.equal('Ada Lovelace');
    expect(calls.find((c) => c.path === '/v1/bookings')!.body).to.deep.include({
      mentorId: 'mnt_adalovelace',
      durationMinutes: 15,
      format: 'video',
    });
    await settle(el);
    expect(visibleStep(el)).to.deep.equal(['mm-confirmation']);
    expect(inStep(el, 'mm-confirmation', 'h3')?.textContent).to.equal('You are booked');
    expect(inStep<HTMLAnchorElement>(el, 'mm-confirmation', 'a.join')?.href).to.equal(made.joinUrl);
    await expect(el).to.be.accessible();

    const cancelled = oneEvent(el, 'mm-booking-cancelled');
    inStep<HTMLButtonElement>(el, 'mm-confirmation', '[part~="cancel-button"]')!.click();
    await waitUntil(() => inStep(el, 'mm-confirmation', 'dialog.confirm[open]'), 'confirm step');
    inStep<HTMLButtonElement>(el, 'mm-confirmation', 'dialog.confirm [part~="confirm-button"]')!.click();
    await cancelled;
    await settle(el);
    expect(inStep(el, 'mm-confirmation', 'h3')?.textContent).to.equal('Your session is cancelled.');
    expect(seen).to.deep.equal(['mm-request-created', 'mm-booking-created', 'mm-booking-cancelled']);
    await expect(el).to.be.accessible();

    parts(el).closeButton.click();
    await oneEvent(el, 'mm-close');
    expect(focusedPart(el)).to.equal('launcher');
  });

  it('hands an instant request ("now") to the follow-up bundle: one <mm-follow-up> slotted in the matches step', async () => {
    const el = await askNow();
    const children = Array.from(el.children).map((c) => [
      c.localName,
      (c as HTMLElement & { requestId?: string }).requestId,
      (c as HTMLElement & { userToken?: string }).userToken,
    ]);
    expect(children).to.deep.equal([['mm-follow-up', 'req_now', 'jwt.learner']]);
    expect(el.shadowRoot!.querySelector('slot')!.hidden).to.equal(false);
  });

  it('folds the match list away once a mentor accepts the instant request, with a way back to it', async () => {
    const el = await askNow();
    const list = el.shadowRoot!.querySelector('mm-match-list')!;
    const others = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="others-button"]');
    expect(list.hidden, 'while waiting, the scheduled times stay').to.equal(false);
    expect(others()).to.equal(null);

    // The follow-up (slotted) says a mentor accepted: its chat stays, bookable times do not.
    el.querySelector('mm-follow-up')!.dispatchEvent(
      new CustomEvent('mm-instant-matched', {
        bubbles: true,
        composed: true,
        detail: { requestId: 'req_now', booking: booking({ requestId: 'req_now' }) },
      }),
    );
    await el.updateComplete;
    expect(list.hidden).to.equal(true);
    expect(list.checkVisibility()).to.equal(false);
    expect(el.shadowRoot!.querySelector('slot')!.hidden).to.equal(false);
    expect(others()!.textContent!.trim()).to.equal('See other mentors');
    await expect(el).to.be.accessible();

    others()!.click();
    await el.updateComplete;
    expect(list.hidden).to.equal(false);
    expect(others()).to.equal(null);
  });

  it('shows the empty state when nobody matches, with the ways forward (instant help: someone is online)', async () => {
    const { client } = fakeApi({
      'POST /v1/requests': () =>
        json(201, { request: helpRequest(), matches: [], instantHelpAvailable: true }),
    });
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert locale="en" .client=${client}></mm-ask-expert>`,
    );
    await openByClick(el);
    await settle(el);
    inStep<HTMLInputElement>(el, 'mm-request-form', '#title')!.value = 'Window functions';
    const created = oneEvent(el, 'mm-request-created');
    inStep<HTMLButtonElement>(el, 'mm-request-form', '[part~="submit-button"]')!.click();
    await created;
    await settle(el);
    expect(inStep(el, 'mm-match-list', '[role="status"]')?.textContent).to.equal(
      'No mentor here knows this well yet.',
    );
    const ways = el.shadowRoot!.querySelector('mm-match-list')!.shadowRoot!.querySelectorAll('.ways button');
    expect(Array.from(ways, (b) => b.textContent)).to.deep.equal([
      'Ask the program',
      'Tell me when a mentor is here',
      'Get instant help now',
    ]);
    await expect(el).to.be.accessible();
  });

  it('stays on the form and explains when it has no publishable key', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert locale="en"></mm-ask-expert>`);
    await openByClick(el);
    await settle(el);
    inStep<HTMLInputElement>(el, 'mm-request-form', '#title')!.value = 'Help';
    const failed = oneEvent(el, 'mm-error') as Promise<MmErrorEvent>;
    inStep<HTMLButtonElement>(el, 'mm-request-form', '[part~="submit-button"]')!.click();
    expect((await failed).detail.code).to.equal('setup');
    await settle(el);
    expect(visibleStep(el)).to.deep.equal(['mm-request-form']);
    expect(inStep(el, 'mm-request-form', '[role="alert"]')?.textContent).to.equal(
      'This help widget is not set up yet.',
    );
  });

  it('speaks Spanish with locale="es" and from the page lang', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert locale="es"></mm-ask-expert>`);
    expect(parts(el).launcher.textContent?.trim()).to.equal('Pregunta a un experto');
    await openByClick(el);
    await settle(el);
    expect(parts(el).closeButton.textContent?.trim()).to.equal('Cerrar');
    expect(parts(el).panel.querySelector('.intro')!.textContent).to.equal(
      'Te proponemos mentores que lo conocen; tú eliges a uno y la hora.',
    );
    expect(inStep(el, 'mm-request-form', '[part~="submit-button"]')?.textContent?.trim()).to.equal(
      'Buscar mentor',
    );
    await expect(el).to.be.accessible();

    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es-MX"><mm-ask-expert></mm-ask-expert></div>`,
    );
    const inner = wrapper.querySelector('mm-ask-expert')!;
    await inner.updateComplete;
    expect(parts(inner).launcher.textContent?.trim()).to.equal('Pregunta a un experto');
  });
});
