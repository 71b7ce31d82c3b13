import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { followUpApi } from '../internal/follow-up-api.js';
import { fakeApi, json, problem } from '../test-support/fake-api.js';
import type { MmSessionReport } from './session-report.js';
import './session-report.js';

async function report(routes: Parameters<typeof fakeApi>[0], locale = 'en') {
  const { client, calls } = fakeApi(routes);
  const el = await fixture<MmSessionReport>(
    html`<mm-session-report
      locale=${locale}
      mentor-id="mnt_ada"
      booking-id="bkg_past"
      .api=${followUpApi(client)}
    ></mm-session-report>`,
  );
  return { el, calls };
}

const root = (el: Element) => el.shadowRoot!;
const buttonNamed = (el: Element, name: string) =>
  Array.from(root(el).querySelectorAll('button')).find((b) => b.textContent!.trim() === name)!;

describe('<mm-session-report>', () => {
  it('opens a form, asks for a reason, and sends reason + text to POST /v1/reports once', async () => {
    const events: unknown[] = [];
    const { el, calls } = await report({
      'POST /v1/reports': (call) => json(201, { id: 'rep_1', status: 'open', ...(call.body as object) }),
    });
    el.addEventListener('mm-report-submitted', (e) => events.push((e as CustomEvent).detail));
    buttonNamed(el, 'Report a problem').click();
    await waitUntil(() => root(el).querySelector('form'), 'form');
    expect(root(el).activeElement).to.equal(root(el).querySelector('select'));
    await expect(el).to.be.accessible();
    // No reason: explained, nothing sent.
    buttonNamed(el, 'Send report').click();
    await waitUntil(() => root(el).querySelector('[role=alert]'), 'alert');
    expect(root(el).querySelector('[role=alert]')!.textContent).to.equal('Choose what happened.');
    expect(calls.filter((c) => c.method === 'POST')).to.have.length(0);
    root(el).querySelector('select')!.value = 'no_show';
    root(el).querySelector('textarea')!.value = '  Waited 15 minutes, nobody joined.  ';
    buttonNamed(el, 'Send report').click();
    await waitUntil(() => root(el).querySelector('.ok'), 'thanks');
    expect(root(el).querySelector('.ok')!.textContent).to.equal(
      'Thank you. The program will review your report.',
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).to.deep.equal([
      [
        '/v1/reports',
        {
          mentorId: 'mnt_ada',
          bookingId: 'bkg_past',
          reason: 'no_show',
          details: 'Waited 15 minutes, nobody joined.',
        },
      ],
    ]);
    expect(events).to.deep.equal([
      { reportId: 'rep_1', mentorId: 'mnt_ada', bookingId: 'bkg_past', reason: 'no_show' },
    ]);
  });

  it('shows the server’s reason when the report is refused, and can be cancelled', async () => {
    const { el } = await report({
      'POST /v1/reports': () => problem(404, 'not_found', 'Not Found', 'Mentor not found.'),
    });
    buttonNamed(el, 'Report a problem').click();
    await waitUntil(() => root(el).querySelector('form'));
    root(el).querySelector('select')!.value = 'spam';
    buttonNamed(el, 'Send report').click();
    await waitUntil(() => root(el).querySelector('[role=alert]')?.textContent === 'Mentor not found.');
    buttonNamed(el, 'Cancel').click();
    await waitUntil(() => !root(el).querySelector('form'));
    expect(buttonNamed(el, 'Report a problem')).to.exist;
  });

  it('speaks Spanish', async () => {
    const { el } = await report({}, 'es');
    buttonNamed(el, 'Informar de un problema').click();
    await waitUntil(() => root(el).querySelector('form'));
    const options = Array.from(root(el).querySelectorAll('option')).map((o) => o.textContent);
    expect(options).to.include('El mentor no se presentó');
  });
});
