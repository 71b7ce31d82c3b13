import type { Report, ResolvedReport } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import type { MmReportResolvedDetail } from '../events/mm-admin-console.js';
import { adminPanel } from '../test-support/admin-panel.js';
import { applicant, json } from '../test-support/fake-api.js';
import './report-queue.js';

describe('<mm-report-queue>', () => {
  it('resolves an open report with a note and announces the report and the mentor after it', async () => {
    const report = {
      id: 'rep_1',
      mentorId: 'mnt_Mallory',
      bookingId: null,
      reporterId: 'usr_learner',
      reason: 'no_show',
      details: 'Did not join.',
      status: 'open',
      resolution: null,
      resolutionNote: null,
      createdAt: '2026-11-20T10:00:00.000Z',
      resolvedAt: null,
    } satisfies Report;
    let openReports = [report];
    const { el: panel, calls } = await adminPanel(
      (api) => html`<mm-report-queue locale="en" .api=${api}></mm-report-queue>`,
      {
        'GET /v1/admin/reports': () => json(200, { data: openReports, nextCursor: null }),
        'POST /v1/admin/reports/rep_1/resolve': () => {
          openReports = [];
          return json(200, {
            report: {
              ...report,
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
    await waitUntil(() => root.querySelector('li h4'), 'report');
    expect(root.querySelector('li h4')!.textContent).to.equal('About mnt_Mallory');
    expect(calls.find((c) => c.path === '/v1/admin/reports')!.query).to.deep.include({ status: 'open' });
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
    await waitUntil(() => root.querySelectorAll('li').length === 0, 'queue emptied');
    await expect(panel).to.be.accessible();
  });

  it('says so when there is nothing to review', async () => {
    const { el } = await adminPanel(
      (api) => html`<mm-report-queue locale="en" .api=${api}></mm-report-queue>`,
      {
        'GET /v1/admin/reports': () => json(200, { data: [], nextCursor: null }),
      },
    );
    await waitUntil(() => el.shadowRoot!.querySelector('h3'), 'loaded');
    expect(el.shadowRoot!.textContent).to.include('No open reports');
    expect(el.shadowRoot!.querySelector('li')).to.be.null;
    await expect(el).to.be.accessible();
  });
});
