import type { SessionNotes } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmActionItemToggledDetail } from '../events/mm-follow-up.js';
import { followUpApi } from '../internal/follow-up-api.js';
import { fakeApi, json, problem } from '../test-support/fake-api.js';
import type { MmActionItems } from './action-items.js';
import './action-items.js';

const item = (id: string, text: string, done: boolean, position: number) => ({
  id,
  bookingId: 'bkg_past',
  text,
  position,
  done,
  doneAt: done ? '2026-11-20T10:00:00.000Z' : null,
});

const notes: SessionNotes = {
  bookingId: 'bkg_past',
  summary: 'Duplicates came from a one-to-many join.',
  actionItems: [
    item('ai_1', 'Add DISTINCT ON', true, 0),
    item('ai_2', 'Read about <b>cardinality</b>', false, 1),
  ],
  updatedAt: '2026-11-20T09:00:00.000Z',
} as SessionNotes;

async function items(routes: Parameters<typeof fakeApi>[0]) {
  const { client, calls } = fakeApi(routes);
  const el = await fixture<MmActionItems>(
    html`<mm-action-items locale="en" .api=${followUpApi(client)} .notes=${notes}></mm-action-items>`,
  );
  return { el, calls, root: el.shadowRoot! };
}

describe('<mm-action-items>', () => {
  it('shows the summary and items as text, and un-ticks a done item', async () => {
    const { el, calls, root } = await items({
      'POST /v1/action-items/ai_1/undone': () => json(200, item('ai_1', 'Add DISTINCT ON', false, 0)),
    });
    expect(root.querySelector('[aria-live]')!.textContent).to.equal('1 of 2 done');
    expect(root.querySelector('b')).to.be.null;
    expect(root.textContent).to.include('Read about <b>cardinality</b>');
    await expect(el).to.be.accessible();
    const toggled: MmActionItemToggledDetail[] = [];
    el.addEventListener('mm-action-item-toggled', (e) => toggled.push(e.detail));
    root.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await waitUntil(() => root.querySelector('[aria-live]')!.textContent === '0 of 2 done', 'undone');
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal(['POST /v1/action-items/ai_1/undone']);
    expect(toggled).to.deep.equal([{ itemId: 'ai_1', done: false }]);
  });

  it('keeps the item as it was and says why when ticking fails', async () => {
    const { el, root } = await items({
      'POST /v1/action-items/ai_2/done': () =>
        problem(403, 'forbidden', 'Forbidden', 'Only the learner can tick action items.'),
    });
    const toggled: unknown[] = [];
    el.addEventListener('mm-action-item-toggled', (e) => toggled.push(e.detail));
    root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')[1]!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'error');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      'Only the learner can tick action items.',
    );
    expect(root.querySelector('[aria-live]')!.textContent).to.equal('1 of 2 done');
    expect(toggled).to.have.length(0);
  });
});
