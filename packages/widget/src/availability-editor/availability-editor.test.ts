import type { Availability } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { consoleApi } from '../internal/mentor-console-api.js';
import { fakeApi, json } from '../test-support/fake-api.js';
import type { MmAvailabilityEditor } from './availability-editor.js';
import './availability-editor.js';

describe('<mm-availability-editor>', () => {
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

  async function editor() {
    const { client, calls } = fakeApi({
      'GET /v1/mentors/mnt_ada/availability': () => json(200, stored),
      'PUT /v1/mentors/mnt_ada/availability': (call) => json(200, call.body),
    });
    const el = await fixture<MmAvailabilityEditor>(
      html`<mm-availability-editor locale="en" mentor-id="mnt_ada" .api=${consoleApi(client)}></mm-availability-editor>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form');
    return { el, calls };
  }

  it('adds weekly hours with the keyboard and saves the whole week', async () => {
    const { el, calls } = await editor();
    await expect(el).to.be.accessible();
    const add = Array.from(el.shadowRoot!.querySelectorAll('button')).find(
      (b) => b.textContent!.trim() === 'Add hours on Monday',
    )!;
    add.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const to = el.shadowRoot!.querySelector<HTMLInputElement>('input[aria-label="Monday hours 1 to"]')!;
    to.value = '10:30';
    to.dispatchEvent(new Event('change'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => calls.some((c) => c.method === 'PUT'), 'saved');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect((put.body as Availability).weekly).to.deep.equal([
      { day: 'tue', start: '09:00', end: '12:00' },
      { day: 'mon', start: '09:00', end: '10:30' },
    ]);
    await waitUntil(
      () => el.shadowRoot!.querySelector('[role=status]')!.textContent === 'Availability saved.',
    );
  });

  it('refuses an end before its start without calling the API', async () => {
    const { el, calls } = await editor();
    const to = el.shadowRoot!.querySelector<HTMLInputElement>('input[aria-label="Tuesday hours 1 to"]')!;
    to.value = '08:00';
    to.dispatchEvent(new Event('change'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(
      'Each end time must be after its start time.',
    );
    expect(calls.filter((c) => c.method === 'PUT')).to.have.length(0);
  });
});
