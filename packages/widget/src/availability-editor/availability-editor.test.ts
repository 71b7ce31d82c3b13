import type { Availability } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { consoleApi } from '../internal/mentor-console-api.js';
import { fakeApi, json, problem, type RecordedCall } from '../test-support/fake-api.js';
import type { MmAvailabilityEditor } from './availability-editor.js';
import './availability-editor.js';

// What GET /v1/mentors/{id}/availability answers (packages/server/src/schemas/availability.ts).
const stored: Availability = {
  timeZone: 'Europe/Madrid',
  weekly: [{ day: 'tue', start: '09:00', end: '12:00' }],
  overrides: [],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 5,
  minNoticeMinutes: 60,
  horizonDays: 30,
  maxPerDay: null,
  maxPerWeek: null,
  sessionLengths: [15, 30],
  meetingUrl: null,
};

const monToFri = (start: string, end: string): Availability['weekly'] =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));

/** A 400 problem+json with field errors, as the server's validation answers. */
function invalid(detail: string, errors: { path: string; message: string }[]): Response {
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      status: 400,
      title: 'Bad Request',
      detail,
      code: 'validation_failed',
      requestId: 'req_test',
      errors,
    }),
    { status: 400, headers: { 'content-type': 'application/problem+json' } },
  );
}

async function editor(
  availability: Availability = stored,
  put: (call: RecordedCall) => Response = (call) => json(200, call.body),
) {
  const { client, calls } = fakeApi({
    'GET /v1/mentors/mnt_ada/availability': () => json(200, availability),
    'PUT /v1/mentors/mnt_ada/availability': put,
  });
  const el = await fixture<MmAvailabilityEditor>(
    html`<mm-availability-editor locale="en" mentor-id="mnt_ada" .api=${consoleApi(client)}></mm-availability-editor>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form');
  const $ = <E extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<E>(selector)!;
  const input = (label: string) => $<HTMLInputElement>(`input[aria-label="${label}"]`);
  const button = (text: string) =>
    Array.from(el.shadowRoot!.querySelectorAll('button')).find(
      (b) => b.getAttribute('aria-label') === text || b.textContent!.trim() === text,
    )!;
  const set = async (label: string, value: string) => {
    const field = input(label);
    field.value = value;
    field.dispatchEvent(new Event('change'));
    await el.updateComplete;
  };
  const save = async () => {
    $<HTMLButtonElement>('button.primary').click();
    await el.updateComplete;
  };
  const puts = () => calls.filter((c) => c.method === 'PUT');
  const lastPut = async () => {
    await waitUntil(() => puts().length > 0, 'saved');
    return puts().at(-1)!.body as Availability;
  };
  return { el, $, input, button, set, save, puts, lastPut };
}

describe('<mm-availability-editor>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('adds a range with the keyboard and saves the whole week as the API takes it', async () => {
    const { el, $, button, set, save, lastPut } = await editor();
    await expect(el).to.be.accessible();
    button('Add a range on Tuesday').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await set('Tuesday, range 2, start', '13:00');
    await set('Tuesday, range 2, end', '00:00'); // midnight: the end of the day
    await save();
    expect(await lastPut()).to.deep.equal({
      ...stored,
      weekly: [
        { day: 'tue', start: '09:00', end: '12:00' },
        { day: 'tue', start: '13:00', end: '24:00' },
      ],
    });
    await waitUntil(() => $('[role=status][aria-live=polite]').textContent === 'Saved', 'saved status');
  });

  it('switches a day on and off, and copies a day to the weekdays or to every day', async () => {
    const { el, $, button, input, save, lastPut } = await editor();
    const toggle = (day: string) =>
      $<HTMLInputElement>(`[aria-labelledby="day-${day}"] input[type=checkbox]`);
    expect(toggle('mon').checked).to.equal(false);
    expect($('[aria-labelledby="day-mon"]').textContent).to.contain('Unavailable');
    const copy = $('[aria-labelledby="day-tue"] summary');
    expect(copy.getAttribute('aria-label')).to.equal('Copy Tuesday’s hours');
    copy.click();
    await el.updateComplete;
    button('Copy to all weekdays').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(copy);
    for (const day of ['Monday', 'Wednesday', 'Thursday', 'Friday']) {
      expect(input(`${day}, range 1, start`).value).to.equal('09:00');
      expect(input(`${day}, range 1, end`).value).to.equal('12:00');
    }
    expect(toggle('sat').checked).to.equal(false);
    expect($('[role=status][aria-live=polite]').textContent).to.equal(
      'Tuesday’s hours copied. Save to keep them.',
    );
    await save();
    expect((await lastPut()).weekly).to.deep.equal(monToFri('09:00', '12:00'));

    $('[aria-labelledby="day-mon"] summary').click();
    await el.updateComplete;
    button('Copy to all days').click();
    await el.updateComplete;
    expect(toggle('sat').checked && toggle('sun').checked).to.equal(true);
    toggle('wed').click(); // off, then on again: its hours come back
    await el.updateComplete;
    expect($('[aria-labelledby="day-wed"]').textContent).to.contain('Unavailable');
    toggle('wed').click();
    await el.updateComplete;
    expect(input('Wednesday, range 1, start').value).to.equal('09:00');
  });

  it('says next to a range when it ends before it starts, and does not save', async () => {
    const { el, $, input, set, save, puts } = await editor();
    await set('Tuesday, range 1, end', '08:00');
    const end = input('Tuesday, range 1, end');
    expect(end.getAttribute('aria-invalid')).to.equal('true');
    const message = $(`#${end.getAttribute('aria-describedby')}`);
    expect(message.textContent).to.equal('End must be after start.');
    expect(message.closest('.range')).to.equal(end.closest('.range'));
    await save();
    expect($('[role=alert]').textContent).to.equal('Not saved: fix the problem marked above.');
    expect(el.shadowRoot!.activeElement).to.equal(input('Tuesday, range 1, start'));
    expect(puts()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says when two ranges of a day overlap, and does not save', async () => {
    const { el, $, button, input, set, save, puts } = await editor();
    button('Add a range on Tuesday').click();
    await el.updateComplete;
    await set('Tuesday, range 2, start', '11:00');
    const second = input('Tuesday, range 2, start');
    expect($(`#${second.getAttribute('aria-describedby')}`).textContent).to.equal('Overlaps 09:00–12:00.');
    expect(input('Tuesday, range 1, start').getAttribute('aria-invalid')).to.equal('false');
    await save();
    expect($('[role=alert]').textContent).to.equal('Not saved: fix the problem marked above.');
    expect(puts()).to.have.length(0);
  });

  it('shows the server’s own validation errors next to the range they are about', async () => {
    const { el, $, input, save, puts } = await editor({ ...stored, weekly: monToFri('09:00', '12:00') }, () =>
      invalid('The availability is not valid: body.weekly.2.end: must be after start (09:00)', [
        { path: 'body.weekly.2.end', message: 'must be after start (09:00)' },
      ]),
    );
    await save();
    await waitUntil(() => puts().length === 1 && el.shadowRoot!.querySelector('[role=alert]'), 'refused');
    expect($('[role=alert]').textContent).to.contain('body.weekly.2.end');
    const start = input('Wednesday, range 1, start');
    expect(start.getAttribute('aria-invalid')).to.equal('true');
    expect($(`#${start.getAttribute('aria-describedby')}`).textContent).to.equal(
      'must be after start (09:00)',
    );
    expect($<HTMLButtonElement>('button.primary').disabled).to.equal(false);
  });

  it('finds time zones as they are typed, with their offsets, and saves the one chosen', async () => {
    const { el, $, save, lastPut } = await editor();
    const zone = $<HTMLInputElement>('input[role=combobox]');
    expect(zone.value).to.equal('Europe/Madrid');
    zone.focus();
    await sendKeys({ type: 'tokyo' });
    await el.updateComplete;
    expect(zone.getAttribute('aria-expanded')).to.equal('true');
    const options = () =>
      Array.from(el.shadowRoot!.querySelectorAll('[role=option]')).map((o) => o.textContent!.trim());
    expect(options()).to.deep.equal(['Asia/Tokyo (UTC+09:00)']);
    zone.select();
    await sendKeys({ type: 'new york' }); // spaces for underscores
    await el.updateComplete;
    expect(options()).to.have.length(1);
    expect(options()[0]).to.match(/^America\/New_York \(UTC-0[45]:00\)$/);
    zone.select();
    await sendKeys({ type: 'america/' });
    await el.updateComplete;
    expect(options().length).to.be.greaterThan(20);
    expect(options().every((o) => o.startsWith('America/'))).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const second = el.shadowRoot!.querySelectorAll('[role=option]')[1]!;
    expect(zone.getAttribute('aria-activedescendant')).to.equal(second.id);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const chosen = second.textContent!.trim().split(' ')[0]!;
    expect(zone.value).to.equal(chosen);
    expect(zone.getAttribute('aria-expanded')).to.equal('false');
    await save();
    expect((await lastPut()).timeZone).to.equal(chosen);
  });

  it('starts in the browser’s time zone when the mentor has none', async () => {
    const { $, save, lastPut } = await editor({ ...stored, timeZone: '' });
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect($<HTMLInputElement>('input[role=combobox]').value).to.equal(browser);
    await save();
    expect((await lastPut()).timeZone).to.equal(browser);
  });

  it('refuses a time zone that is not in the list', async () => {
    const { el, $, save, puts } = await editor();
    const zone = $<HTMLInputElement>('input[role=combobox]');
    zone.focus();
    await sendKeys({ type: 'Mars/Olympus' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(zone.getAttribute('aria-invalid')).to.equal('true');
    expect($(`#${zone.getAttribute('aria-describedby')}`).textContent).to.equal(
      'Choose a time zone from the list, e.g. Europe/Madrid.',
    );
    await save();
    expect($('[role=alert]').textContent).to.equal('Not saved: fix the problem marked above.');
    expect(puts()).to.have.length(0);
    zone.focus();
    await sendKeys({ type: 'asia/tokyo' }); // any case, then Enter: the list's own spelling
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(zone.value).to.equal('Asia/Tokyo');
    expect(zone.getAttribute('aria-invalid')).to.equal('false');
  });

  it('fits Mon–Fri 9–12 in well under one screen at 1280 wide, and in 390 without scrolling sideways', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el } = await editor({ ...stored, weekly: monToFri('09:00', '12:00') });
    expect(el.getBoundingClientRect().height).to.be.below(650);
    await setViewport({ width: 390, height: 844 });
    await el.updateComplete;
    const box = el.getBoundingClientRect();
    const widest = Math.max(
      ...Array.from(el.shadowRoot!.querySelectorAll('*')).map((e) => e.getBoundingClientRect().right),
    );
    expect(widest).to.be.at.most(box.right + 1);
    expect(box.height).to.be.below(1300);
  });

  it('says when loading failed and loads again on retry', async () => {
    let fail = true;
    const { client } = fakeApi({
      'GET /v1/mentors/mnt_ada/availability': () =>
        fail ? problem(503, 'unavailable', 'Service Unavailable', 'Down.') : json(200, stored),
    });
    const el = await fixture<MmAvailabilityEditor>(
      html`<mm-availability-editor locale="en" mentor-id="mnt_ada" .api=${consoleApi(client)}></mm-availability-editor>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'alert');
    await expect(el).to.be.accessible();
    fail = false;
    el.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form');
  });
});
