import type { ProgramQueueItem } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmRequestTakenDetail } from '../events/mm-request-taken.js';
import { fakeApi, helpRequest, json, problem } from '../test-support/fake-api.js';
import type { MmProgramQueue } from './program-queue.js';
import './program-queue.js';

function queued(
  id: string,
  title: string,
  reason: ProgramQueueItem['reason'] = 'learner_asked',
): ProgramQueueItem {
  const { details, skills, format, urgency, languages, context, createdAt } = helpRequest();
  return {
    request: { id, title, details, skills, format, urgency, languages, context, createdAt },
    learner: { name: 'Lee <b>Learner</b>' },
    queuedAt: '2026-11-25T12:00:00.000Z',
    reason,
  };
}

async function queue(routes: Parameters<typeof fakeApi>[0], attrs: { locale?: string; theme?: string } = {}) {
  const { client, calls } = fakeApi(routes);
  const page = await fixture<HTMLDivElement>(
    html`<div style=${attrs.theme === 'dark' ? 'background: rgb(17, 24, 39)' : ''}>
      <mm-program-queue locale=${attrs.locale ?? 'en'} theme=${attrs.theme ?? 'light'} .client=${client}></mm-program-queue>
    </div>`,
  );
  const el = page.querySelector<MmProgramQueue>('mm-program-queue')!;
  await waitUntil(() => el.shadowRoot!.querySelector('h3'), 'queue loaded');
  return { el, calls };
}

const titles = (el: MmProgramQueue) =>
  Array.from(el.shadowRoot!.querySelectorAll('li h4')).map((h) => h.textContent);
const status = (el: MmProgramQueue) => el.shadowRoot!.querySelector('[role=status]')!.textContent!;

describe('<mm-program-queue>', () => {
  it('lists the queue, takes one, and says when another mentor was first', async () => {
    let items = [queued('req_1', 'Violin bow squeaks'), queued('req_2', 'Cello tuning', 'unanswered')];
    const { el, calls } = await queue({
      'GET /v1/program-queue': () => json(200, { data: items, nextCursor: null }),
      'POST /v1/program-queue/req_1/take': () => {
        items = items.filter((i) => i.request.id !== 'req_1');
        return json(200, { request: helpRequest({ id: 'req_1', status: 'matched' }), threadId: 'thr_1' });
      },
      'POST /v1/program-queue/req_2/take': () =>
        problem(409, 'already_taken', 'Conflict', 'Another mentor already took this request.'),
    });
    expect(titles(el)).to.deep.equal(['Violin bow squeaks', 'Cello tuning']);
    expect(calls[0]!.query).to.deep.equal({ limit: '50' });
    const meta = el.shadowRoot!.querySelector('li .meta')!.textContent!.replace(/\s+/g, ' ');
    // The learner's name is text, never markup.
    expect(meta).to.contain('From Lee <b>Learner</b>');
    expect(el.shadowRoot!.querySelector('li b')).to.equal(null);
    expect(meta).to.contain('The learner asked the program');
    await expect(el).to.be.accessible();

    const taken: MmRequestTakenDetail[] = [];
    el.addEventListener('mm-request-taken', (e) => taken.push(e.detail));
    el.shadowRoot!.querySelector<HTMLButtonElement>('li button')!.click();
    await waitUntil(() => taken.length === 1 && titles(el).length === 1, 'taken');
    expect(taken).to.deep.equal([{ requestId: 'req_1', threadId: 'thr_1' }]);
    expect(status(el)).to.equal('It is yours: the learner has been told. Talk with them in Messages.');

    el.shadowRoot!.querySelector<HTMLButtonElement>('li button')!.click();
    await waitUntil(() => status(el) === 'Another mentor took this request first.', 'already taken');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when the queue is empty, in Spanish and dark, and shows other failures as an alert', async () => {
    const { el } = await queue(
      {
        'GET /v1/program-queue': () => json(200, { data: [], nextCursor: null }),
      },
      { locale: 'es', theme: 'dark' },
    );
    expect(el.shadowRoot!.textContent).to.contain('No hay nada esperando al programa.');
    await expect(el).to.be.accessible();

    const failing = await queue({
      'GET /v1/program-queue': () => json(200, { data: [queued('req_9', 'Harp strings')], nextCursor: null }),
      'POST /v1/program-queue/req_9/take': () =>
        problem(
          403,
          'mentor_required',
          'Forbidden',
          'Only an approved mentor of this program can take a request.',
        ),
    });
    failing.el.shadowRoot!.querySelector<HTMLButtonElement>('li button')!.click();
    await waitUntil(() => failing.el.shadowRoot!.querySelector('[role=alert]'), 'alert');
    expect(failing.el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(
      'Only an approved mentor of this program can take a request.',
    );
  });
});
