import type { Analytics } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import { adminPanel } from '../test-support/admin-panel.js';
import { json } from '../test-support/fake-api.js';
import './program-analytics.js';

describe('<mm-program-analytics>', () => {
  it('draws analytics as charts with a data table behind each', async () => {
    const { el: analytics, calls } = await adminPanel(
      (api) => html`<mm-program-analytics locale="en" .api=${api}></mm-program-analytics>`,
      {
        'GET /v1/admin/analytics': () =>
          json(200, {
            from: '2026-10-27T00:00:00.000Z',
            to: '2026-11-26T00:00:00.000Z',
            bucket: 'week',
            matchThreshold: 0.4,
            totals: {
              requests: 42,
              matched: 38,
              booked: 30,
              matchRate: 0.9,
              bookedRate: 0.71,
              medianFirstResponseMinutes: 12,
              sessions: { booked: 30, completed: 25, noShow: 1, cancelled: 4 },
              satisfaction: { averageRating: 4.6, shareSolved: 0.8, responses: 20 },
            },
            series: [
              {
                start: '2026-11-16T00:00:00.000Z',
                requests: 20,
                matched: 18,
                booked: 14,
                medianFirstResponseMinutes: 10,
                sessions: { booked: 14, completed: 12, noShow: 0, cancelled: 2 },
                satisfaction: { averageRating: null, shareSolved: null, responses: 0 },
              },
              {
                start: '2026-11-23T00:00:00.000Z',
                requests: 22,
                matched: 20,
                booked: 16,
                medianFirstResponseMinutes: 14,
                sessions: { booked: 16, completed: 13, noShow: 1, cancelled: 2 },
                satisfaction: { averageRating: 4.25, shareSolved: 0.75, responses: 20 },
              },
            ],
            topSkills: [{ skill: 'sql', requests: 12 }],
            unmetSkills: [{ skill: 'rust', requests: 3 }],
            mentorLoad: { mentors: 20, sessions: 30, top10Share: 0.35, gini: 0.41 },
          } satisfies Analytics),
        'GET /v1/admin/exports/feedback.csv': () =>
          new Response('id,rating\r\nfb_1,5\r\n', { status: 200, headers: { 'content-type': 'text/csv' } }),
      },
    );
    await waitUntil(() => analytics.shadowRoot?.querySelector('mm-bar-chart'), 'charts');
    // The default range: the last 30 days, by week, as whole UTC days.
    const { from, to, bucket } = calls.find((c) => c.path === '/v1/admin/analytics')!.query;
    expect(bucket).to.equal('week');
    expect(Date.parse(to!) - Date.parse(from!)).to.equal(30 * 86_400_000);
    expect(from).to.match(/T00:00:00\.000Z$/);
    const values = Array.from(analytics.shadowRoot!.querySelectorAll('.stats dd')).map((d) => d.textContent);
    expect(values).to.deep.equal(['42', '90%', '12 min', '30', '25', '1', '4', '4.6', '80%', '35%', '0.41']);
    const charts = Array.from(analytics.shadowRoot!.querySelectorAll('mm-bar-chart'));
    expect(charts).to.have.length(5);
    await (charts[0] as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    const svg = charts[0]!.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.querySelectorAll('rect')).to.have.length(2);
    const rows = Array.from(charts[0]!.shadowRoot!.querySelectorAll('tbody tr')).map((tr) =>
      tr.textContent!.trim(),
    );
    expect(rows).to.deep.equal(['2026-11-1620', '2026-11-2322']);
    // Average rating per period: only the periods that had feedback.
    await (charts[2] as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(
      Array.from(charts[2]!.shadowRoot!.querySelectorAll('tbody tr')).map((tr) => tr.textContent!.trim()),
    ).to.deep.equal(['2026-11-234.25']);
    await expect(analytics).to.be.accessible();
    // The feedback export asks for the same range.
    const exportButton = Array.from(analytics.shadowRoot!.querySelectorAll('button')).find(
      (b) => b.textContent === 'Export feedback (CSV)',
    )!;
    exportButton.click();
    await waitUntil(() => calls.some((c) => c.path === '/v1/admin/exports/feedback.csv'), 'feedback export');
    const exported = calls.find((c) => c.path === '/v1/admin/exports/feedback.csv')!.query;
    expect([exported.from, exported.to]).to.deep.equal([from, to]);
  });
});
