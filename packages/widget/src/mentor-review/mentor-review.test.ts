import type { AdminMentor } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import type { MmMentorStatusChangedDetail } from '../events/mm-admin-console.js';
import { adminPanel as panel } from '../test-support/admin-panel.js';
import { applicant, json, problem } from '../test-support/fake-api.js';
import './mentor-review.js';

type Root = ShadowRoot;
const row = (root: Root, name: string) =>
  Array.from(root.querySelectorAll<HTMLLIElement>('ul.rows > li')).find(
    (li) => li.querySelector('h4')!.textContent!.trim() === name,
  )!;
/** Opens a row's detail (its name is the disclosure button) and waits for it. */
async function expand(root: Root, name: string): Promise<HTMLElement> {
  const toggle = row(root, name).querySelector<HTMLButtonElement>('h4 button')!;
  toggle.click();
  await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', `${name} opened`);
  return root.getElementById(toggle.getAttribute('aria-controls')!)!;
}
const button = (scope: ParentNode, label: string) =>
  Array.from(scope.querySelectorAll('button')).find((b) => b.textContent!.trim() === label)!;

describe('<mm-mentor-review>', () => {
  it('shows applications as compact rows, the bio and actions on demand; approves and requires a reason to reject', async () => {
    const grace: AdminMentor = {
      ...applicant('Grace'),
      bio: 'Forty years of compilers.\nAsk me about COBOL.',
      skills: ['cobol', 'compilers', 'teaching', 'navy', 'history', 'leadership'],
    };
    let pending = [grace, applicant('Mallory')];
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
    const root = review.shadowRoot!;
    await waitUntil(() => root.querySelector('ul.rows > li h4'), 'queue');
    expect(calls.find((c) => c.path === '/v1/admin/mentors')!.query).to.deep.include({
      status: 'pending',
      limit: '20',
    });
    // A compact row: name, status, four skills and a count of the rest; no bio, no actions yet.
    const graceRow = row(root, 'Grace');
    expect(Array.from(graceRow.querySelectorAll('.chips li')).map((li) => li.textContent)).to.deep.equal([
      'cobol',
      'compilers',
      'teaching',
      'navy',
      '+2 more',
    ]);
    expect(graceRow.textContent).not.to.include('Forty years');
    expect(graceRow.querySelector('form')).to.be.null;
    await expect(review).to.be.accessible();

    const detail = await expand(root, 'Grace');
    expect(detail.querySelector('.pre')!.textContent).to.equal(grace.bio);
    expect(detail.textContent).to.include('leadership');
    await expect(review).to.be.accessible();
    button(detail, 'Approve').click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Grace is now approved.');
    await waitUntil(() => root.querySelectorAll('ul.rows > li').length === 1);

    const mallory = await expand(root, 'Mallory');
    button(mallory, 'Reject').click();
    await waitUntil(() => root.querySelector('[role=alert]'));
    expect(calls.some((c) => c.path.endsWith('/reject'))).to.be.false;
    mallory.querySelector('input')!.value = 'No relevant experience';
    button(mallory, 'Reject').click();
    await waitUntil(() => calls.some((c) => c.path.endsWith('/reject')));
    expect(calls.find((c) => c.path.endsWith('/reject'))!.body).to.deep.equal({
      reason: 'No relevant experience',
    });
  });

  it('lists every mentor in list mode and pauses one, with the reason sent', async () => {
    const { el, calls } = await panel(
      (api) => html`<mm-mentor-review mode="list" locale="en" .api=${api}></mm-mentor-review>`,
      {
        'GET /v1/admin/mentors': (call) =>
          json(200, {
            data: call.query.status === 'any' ? [applicant('Ada', 'approved')] : [],
            nextCursor: null,
          }),
        'POST /v1/admin/mentors/mnt_Ada/pause': () => json(200, applicant('Ada', 'paused')),
      },
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('ul.rows > li'), 'mentors');
    expect(calls[0]!.query).to.deep.equal({ status: 'any', limit: '20' });
    await expect(el).to.be.accessible();
    const changed: MmMentorStatusChangedDetail[] = [];
    el.addEventListener('mm-mentor-status-changed', (e) => changed.push(e.detail));
    const detail = await expand(root, 'Ada');
    detail.querySelector('input')!.value = 'Two no-shows';
    button(detail, 'Pause').click();
    await waitUntil(() => changed.length === 1, 'paused');
    expect(calls.find((c) => c.path.endsWith('/pause'))!.body).to.deep.equal({ reason: 'Two no-shows' });
    expect(changed[0]!.action).to.equal('pause');
    expect(changed[0]!.mentor.status).to.equal('paused');
  });

  it('searches by name or skill, filters by status and skill, and pages with the API’s cursors', async () => {
    const all = Array.from({ length: 25 }, (_, i) =>
      applicant(`M${String(i + 1).padStart(2, '0')}`, 'approved'),
    );
    const { el, calls } = await panel(
      (api) => html`<mm-mentor-review mode="list" locale="en" .api=${api}></mm-mentor-review>`,
      {
        'GET /v1/admin/mentors': (call) => {
          const start = call.query.cursor ? Number(call.query.cursor) : 0;
          const hits = call.query.q ? all.filter((m) => m.name.includes(call.query.q!)) : all;
          const page = hits.slice(start, start + 20);
          return json(200, { data: page, nextCursor: start + 20 < hits.length ? String(start + 20) : null });
        },
      },
    );
    const root = el.shadowRoot!;
    const names = () =>
      Array.from(root.querySelectorAll('ul.rows > li h4')).map((h) => h.textContent!.trim());
    await waitUntil(() => names().length === 20, 'first page');
    const pager = root.querySelector('nav.pager')!;
    expect(pager.textContent).to.include('Showing 1–20');
    expect(button(pager, 'Previous').disabled).to.be.true;
    button(pager, 'Next').click();
    await waitUntil(() => names()[0] === 'M21', 'second page');
    expect(calls.at(-1)!.query.cursor).to.equal('20');
    expect(root.querySelector('nav.pager')!.textContent).to.include('Showing 21–25');
    expect(button(root.querySelector('nav.pager')!, 'Next').disabled).to.be.true;
    button(root.querySelector('nav.pager')!, 'Previous').click();
    await waitUntil(() => names()[0] === 'M01', 'back to the first page');
    expect(calls.at(-1)!.query.cursor).to.be.undefined;

    // Search and filters go to the API and start again from the first page.
    const form = root.querySelector<HTMLFormElement>('form[role=search]')!;
    form.querySelector<HTMLInputElement>('input[name=q]')!.value = 'M1';
    form.querySelector<HTMLInputElement>('input[name=skill]')!.value = 'sql';
    form.querySelector<HTMLSelectElement>('select[name=status]')!.value = 'paused';
    button(form, 'Search').click();
    await waitUntil(() => calls.at(-1)!.query.q === 'M1', 'searched');
    expect(calls.at(-1)!.query).to.deep.equal({ status: 'paused', q: 'M1', skill: 'sql', limit: '20' });
    await waitUntil(() => names().length === 10, 'search results');
    expect(root.querySelector('nav.pager')).to.be.null;
    await expect(el).to.be.accessible();

    button(form, 'Clear filters').click();
    await waitUntil(() => calls.at(-1)!.query.status === 'any' && !calls.at(-1)!.query.q, 'cleared');
  });

  it('says no mentor matches when filters find nobody, and offers a retry when loading fails', async () => {
    let fail = true;
    const { el } = await panel(
      (api) => html`<mm-mentor-review mode="list" locale="en" .api=${api}></mm-mentor-review>`,
      {
        'GET /v1/admin/mentors': () =>
          fail
            ? problem(500, 'internal', 'Internal Server Error', 'Boom.')
            : json(200, { data: [], nextCursor: null }),
      },
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('[role=alert]'), 'failure shown');
    fail = false;
    button(root, 'Try again').click();
    await waitUntil(() => root.textContent!.includes('Nobody here.'), 'empty list');
    const form = root.querySelector<HTMLFormElement>('form[role=search]')!;
    form.querySelector<HTMLInputElement>('input[name=q]')!.value = 'zz';
    button(form, 'Search').click();
    await waitUntil(() => root.textContent!.includes('No mentor matches these filters.'), 'no match');
    await expect(el).to.be.accessible();
  });

  it('shows a mentor’s no-shows and when the last was recorded, in English and Spanish, light and dark', async () => {
    const lastNoShowAt = '2026-11-20T15:00:00.000Z';
    const mentors: AdminMentor[] = [
      { ...applicant('Grace', 'approved'), noShows: 2, lastNoShowAt },
      applicant('Alan', 'approved'),
    ];
    for (const [locale, badge, last] of [
      ['en', '2 no-shows', 'last no-show'],
      ['es', '2 ausencias', 'última ausencia'],
    ] as const) {
      const { el } = await panel(
        (api) => html`<mm-mentor-review mode="list" locale=${locale} .api=${api}></mm-mentor-review>`,
        { 'GET /v1/admin/mentors': () => json(200, { data: mentors, nextCursor: null }) },
      );
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelector('ul.rows > li h4'), 'list');
      const grace = row(root, 'Grace');
      expect(Array.from(grace.querySelectorAll('.badge.alert')).map((b) => b.textContent)).to.deep.equal([
        badge,
      ]);
      const facts = grace.querySelector('.facts')!.textContent!;
      expect(facts).to.include(`${last} `);
      expect(facts).to.include(new Date(lastNoShowAt).toLocaleDateString(locale, { day: 'numeric' }));
      const alan = row(root, 'Alan');
      expect(alan.querySelector('.badge.alert')).to.be.null;
      expect(alan.querySelector('.facts')!.textContent).not.to.include(last);
      await expect(el).to.be.accessible();
      el.setAttribute('theme', 'dark');
      el.style.background = 'var(--_bg)';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });
});
