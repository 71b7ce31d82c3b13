import type { AdminReport, ResolvedReport } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import type { MmReportResolvedDetail } from '../events/mm-admin-console.js';
import { adminPanel } from '../test-support/admin-panel.js';
import { applicant, json } from '../test-support/fake-api.js';
import './report-queue.js';

const report = (id: string, overrides: Partial<AdminReport> = {}): AdminReport => ({
  id,
  mentorId: 'mnt_Mallory',
  mentorName: 'Mallory',
  bookingId: null,
  reporterId: 'usr_learner',
  reason: 'no_show',
  details: 'Did not join.',
  status: 'open',
  resolution: null,
  resolutionNote: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  resolvedAt: null,
  ...overrides,
});

describe('<mm-report-queue>', () => {
  it('shows compact rows named by the mentor; resolves one with a note from its detail', async () => {
    const first = report('rep_1');
    let openReports = [first];
    const { el: panel, calls } = await adminPanel(
      (api) => html`<mm-report-queue locale="en" .api=${api}></mm-report-queue>`,
      {
        'GET /v1/admin/reports': () => json(200, { data: openReports, nextCursor: null }),
        'POST /v1/admin/reports/rep_1/resolve': () => {
          openReports = [];
          return json(200, {
            report: {
              ...first,
              status: 'resolved',
              resolution: 'pause',
              resolutionNote: 'Second no-show',
              resolvedAt: '2026-11-21T10:00:00.000Z',
            },
            mentor: applicant('Mallory', 'paused'),
          } satisfies ResolvedReport);
        },
      },
    );
    const root = panel.shadowRoot!;
    await waitUntil(() => root.querySelector('ul.rows > li h4'), 'report');
    const toggle = root.querySelector<HTMLButtonElement>('ul.rows > li h4 button')!;
    expect(toggle.textContent!.trim()).to.equal('About Mallory');
    expect(root.querySelector('ul.rows > li .badge')!.textContent).to.equal('No-show');
    expect(root.querySelector('ul.rows > li')!.textContent).not.to.include('Did not join.');
    expect(calls.find((c) => c.path === '/v1/admin/reports')!.query).to.deep.equal({
      status: 'open',
      limit: '20',
    });
    await expect(panel).to.be.accessible();

    toggle.click();
    await waitUntil(() => root.querySelector('.detail'), 'detail');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root.querySelector('.detail .pre')!.textContent).to.equal('Did not join.');
    await expect(panel).to.be.accessible();
    let resolved: CustomEvent<MmReportResolvedDetail> | undefined;
    panel.addEventListener('mm-report-resolved', (e) => (resolved = e));
    root.querySelector<HTMLInputElement>('input[name=note]')!.value = 'Second no-show';
    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent === 'Pause mentor')!
      .click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Report resolved.');
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      action: 'pause',
      note: 'Second no-show',
    });
    expect(resolved!.detail.action).to.equal('pause');
    expect(resolved!.detail.report.resolution).to.equal('pause');
    expect(resolved!.detail.mentor.status).to.equal('paused');
    await waitUntil(() => root.querySelectorAll('ul.rows > li').length === 0, 'queue emptied');
    await expect(panel).to.be.accessible();
  });

  it('filters by reason and pages with the API’s cursors', async () => {
    const all = Array.from({ length: 23 }, (_, i) =>
      report(`rep_${i}`, { mentorName: `Mentor ${i}`, reason: i % 2 ? 'spam' : 'no_show' }),
    );
    const { el, calls } = await adminPanel(
      (api) => html`<mm-report-queue locale="en" .api=${api}></mm-report-queue>`,
      {
        'GET /v1/admin/reports': (call) => {
          const hits = call.query.reason ? all.filter((r) => r.reason === call.query.reason) : all;
          const start = Number(call.query.cursor ?? 0);
          return json(200, {
            data: hits.slice(start, start + 20),
            nextCursor: start + 20 < hits.length ? String(start + 20) : null,
          });
        },
      },
    );
    const root = el.shadowRoot!;
    const rows = () => root.querySelectorAll('ul.rows > li').length;
    await waitUntil(() => rows() === 20, 'first page');
    const next = () =>
      Array.from(root.querySelectorAll<HTMLButtonElement>('nav.pager button')).find(
        (b) => b.textContent === 'Next',
      )!;
    next().click();
    await waitUntil(() => rows() === 3, 'second page');
    expect(calls.at(-1)!.query.cursor).to.equal('20');
    const select = root.querySelector('select')!;
    select.value = 'spam';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => rows() === 11, 'spam only');
    expect(calls.at(-1)!.query).to.deep.equal({ reason: 'spam', status: 'open', limit: '20' });
    expect(root.querySelector('nav.pager')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('goes back a page when the last report of a later page is resolved', async () => {
    let open = Array.from({ length: 21 }, (_, i) => report(`rep_${i}`, { mentorName: `Mentor ${i}` }));
    const { el, calls } = await adminPanel(
      (api) => html`<mm-report-queue locale="en" .api=${api}></mm-report-queue>`,
      {
        'GET /v1/admin/reports': (call) => {
          const start = Number(call.query.cursor ?? 0);
          return json(200, {
            data: open.slice(start, start + 20),
            nextCursor: start + 20 < open.length ? String(start + 20) : null,
          });
        },
        'POST /v1/admin/reports/rep_20/resolve': () => {
          const resolved = open.find((r) => r.id === 'rep_20')!;
          open = open.filter((r) => r.id !== 'rep_20');
          return json(200, {
            report: { ...resolved, status: 'resolved', resolution: 'dismiss' },
            mentor: applicant('Mallory', 'approved'),
          } satisfies ResolvedReport);
        },
      },
    );
    const root = el.shadowRoot!;
    const rows = () => root.querySelectorAll('ul.rows > li').length;
    await waitUntil(() => rows() === 20, 'first page');
    Array.from(root.querySelectorAll<HTMLButtonElement>('nav.pager button'))
      .find((b) => b.textContent === 'Next')!
      .click();
    await waitUntil(() => rows() === 1, 'second page');
    root.querySelector<HTMLButtonElement>('ul.rows > li h4 button')!.click();
    await waitUntil(() => root.querySelector('.detail'), 'detail');
    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent === 'Dismiss')!
      .click();
    await waitUntil(() => rows() === 20, 'back on the first page');
    expect(calls.at(-1)!.query.cursor).to.be.undefined;
    expect(root.querySelector('nav.pager')).to.be.null;
  });

  it('says so when there is nothing to review', async () => {
    const { el } = await adminPanel(
      (api) => html`<mm-report-queue locale="en" .api=${api}></mm-report-queue>`,
      {
        'GET /v1/admin/reports': () => json(200, { data: [], nextCursor: null }),
      },
    );
    await waitUntil(() => el.shadowRoot!.textContent!.includes('No open reports'), 'loaded');
    expect(el.shadowRoot!.querySelector('ul.rows')).to.be.null;
    await expect(el).to.be.accessible();
  });
});
