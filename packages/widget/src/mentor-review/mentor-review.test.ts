import { expect, html, waitUntil } from '@open-wc/testing';
import type { MmMentorStatusChangedDetail } from '../events/mm-admin-console.js';
import { adminPanel as panel } from '../test-support/admin-panel.js';
import { applicant, json } from '../test-support/fake-api.js';
import './mentor-review.js';

describe('<mm-mentor-review>', () => {
  it('approves an application and requires a reason to reject one', async () => {
    let pending = [applicant('Grace'), applicant('Mallory')];
    const { el: review, calls } = await panel(
      (api) => html`<mm-mentor-review mode="applications" locale="en" .api=${api}></mm-mentor-review>`,
      {
        'GET /v1/admin/mentors': () => json(200, { data: pending, nextCursor: null }),
        'POST /v1/admin/mentors/mnt_Grace/approve': () => {
          pending = pending.filter((m) => m.id !== 'mnt_Grace');
          return json(200, applicant('Grace', 'approved'));
        },
        'POST /v1/admin/mentors/mnt_Mallory/reject': () => json(200, applicant('Mallory', 'rejected')),
      },
    );
    await waitUntil(() => review.shadowRoot?.querySelector('li'), 'queue');
    await expect(review).to.be.accessible();
    expect(calls.find((c) => c.path === '/v1/admin/mentors')!.query.status).to.equal('pending');
    const card = (name: string) =>
      Array.from(review.shadowRoot!.querySelectorAll('li')).find(
        (li) => li.querySelector('h4')!.textContent === name,
      )!;
    const button = (name: string, label: string) =>
      Array.from(card(name).querySelectorAll('button')).find((b) => b.textContent!.trim() === label)!;

    button('Grace', 'Approve').click();
    await waitUntil(() => review.shadowRoot!.querySelector('.ok')!.textContent === 'Grace is now approved.');
    await waitUntil(() => review.shadowRoot!.querySelectorAll('li').length === 1);

    button('Mallory', 'Reject').click();
    await waitUntil(() => review.shadowRoot!.querySelector('[role=alert]'));
    expect(calls.some((c) => c.path.endsWith('/reject'))).to.be.false;
    card('Mallory').querySelector('input')!.value = 'No relevant experience';
    button('Mallory', 'Reject').click();
    await waitUntil(() => calls.some((c) => c.path.endsWith('/reject')));
    expect(calls.find((c) => c.path.endsWith('/reject'))!.body).to.deep.equal({
      reason: 'No relevant experience',
    });
  });

  it('lists approved mentors in list mode and pauses one, with the reason sent', async () => {
    const { el, calls } = await panel(
      (api) => html`<mm-mentor-review mode="list" locale="en" .api=${api}></mm-mentor-review>`,
      {
        'GET /v1/admin/mentors': (call) =>
          json(200, {
            data: call.query.status === 'approved' ? [applicant('Ada', 'approved')] : [],
            nextCursor: null,
          }),
        'POST /v1/admin/mentors/mnt_Ada/pause': () => json(200, applicant('Ada', 'paused')),
      },
    );
    await waitUntil(() => el.shadowRoot!.querySelector('li'), 'mentors');
    expect(calls[0]!.query).to.deep.include({ status: 'approved', limit: '100' });
    await expect(el).to.be.accessible();
    const changed: MmMentorStatusChangedDetail[] = [];
    el.addEventListener('mm-mentor-status-changed', (e) => changed.push(e.detail));
    (el.shadowRoot!.querySelector('li input') as HTMLInputElement).value = 'Two no-shows';
    Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('li button'))
      .find((b) => b.textContent!.trim() === 'Pause')!
      .click();
    await waitUntil(() => changed.length === 1, 'paused');
    expect(calls.find((c) => c.path.endsWith('/pause'))!.body).to.deep.equal({ reason: 'Two no-shows' });
    expect(changed[0]!.action).to.equal('pause');
    expect(changed[0]!.mentor.status).to.equal('paused');
  });
});
