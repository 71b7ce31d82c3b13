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
    const box = root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')[1]!;
    box.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'error');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      '“Read about <b>cardinality</b>” is unchanged: Only the learner can tick action items.',
    );
    expect(root.querySelector('[aria-live]')!.textContent).to.equal('1 of 2 done');
    expect(box.checked, 'the box shows the saved state again').to.equal(false);
    expect(toggled).to.have.length(0);
  });

  it('unticks a box again when the server fails (500), and ticks it back when un-ticking is refused (409)', async () => {
    const { el, root } = await items({
      'POST /v1/action-items/ai_2/done': () => problem(500, 'internal', 'Internal Server Error', 'boom'),
      'POST /v1/action-items/ai_1/undone': () =>
        problem(409, 'conflict', 'Conflict', 'The session’s notes changed meanwhile.'),
    });
    const [first, second] = root.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
    second!.click();
    expect(second!.checked).to.equal(true);
    await waitUntil(() => root.querySelector('[role=alert]'), 'error');
    await el.updateComplete;
    expect(second!.checked).to.equal(false);
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      '“Read about <b>cardinality</b>” is unchanged: Something went wrong. Please try again.',
    );

    first!.click();
    expect(first!.checked).to.equal(false);
    await waitUntil(
      () => root.querySelector('[role=alert]')!.textContent!.includes('changed meanwhile'),
      '409 explained',
    );
    await el.updateComplete;
    expect(first!.checked).to.equal(true);
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      '“Add DISTINCT ON” is unchanged: The session’s notes changed meanwhile.',
    );
    expect(root.querySelector('[aria-live]')!.textContent).to.equal('1 of 2 done');
    await expect(el).to.be.accessible();
  });

  it('puts each checkbox inline before its text, the whole label clickable', async () => {
    const long = {
      ...notes,
      actionItems: [
        item(
          'ai_3',
          'Rewrite the report query with a window function and compare the plans '.repeat(3),
          false,
          0,
        ),
      ],
    };
    const { client } = fakeApi({
      'POST /v1/action-items/ai_3/done': () => json(200, item('ai_3', 'x', true, 0)),
    });
    const el = await fixture<MmActionItems>(
      html`<div style="width: 320px"><mm-action-items locale="en" .api=${followUpApi(client)} .notes=${long}></mm-action-items></div>`,
    ).then((div) => div.querySelector('mm-action-items')!);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const box = root.querySelector<HTMLInputElement>('input[type=checkbox]')!.getBoundingClientRect();
    const text = root.querySelector('label span')!.getBoundingClientRect();
    expect(box.right, 'the box is left of its text').to.be.at.most(text.left);
    // Level with the text's first line (not on a line of its own above it).
    expect(box.top).to.be.below(text.top + 20);
    expect(box.bottom).to.be.above(text.top);
    expect(text.height, 'a long text wraps beside the box').to.be.above(box.height * 2);
    root.querySelector<HTMLElement>('label span')!.click();
    await waitUntil(
      () => root.querySelector('[aria-live]')!.textContent === '1 of 1 done',
      'ticked by its text',
    );
  });
});
