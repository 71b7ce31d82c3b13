import type { Analytics } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import { adminPanel } from '../test-support/admin-panel.js';
import { json, problem } from '../test-support/fake-api.js';
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
              bookingsMade: 37,
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
            noShows: { mentor: 1, learner: 0, byMentor: [], byLearner: [] },
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
    const cards = Array.from(analytics.shadowRoot!.querySelectorAll('.kpis .kpi')).map((li) => ({
      label: li.querySelector('.label')!.textContent,
      figure: li.querySelector('.figure')!.textContent,
      explain: li.querySelector('.explain')!.textContent,
    }));
    expect(cards.map((c) => c.figure)).to.deep.equal([
      '42',
      '90%',
      '30',
      '12 min',
      '37',
      '30',
      '25',
      '4.6',
      '80%',
      '35%',
      '0.41',
    ]);
    // Each figure says what it counts and over which range.
    const card = (label: string) => cards.find((c) => c.label === label)!;
    expect(card('Requests').explain).to.equal(
      'Help requests learners made between Oct 27, 2026 and Nov 25, 2026.',
    );
    expect(card('Match rate').explain).to.equal('38 of 42 requests found a mentor who fits well.');
    expect(card('Requests booked').explain).to.equal(
      'Of the 42 requests made between Oct 27, 2026 and Nov 25, 2026, whenever the session is.',
    );
    expect(card('Bookings made').explain).to.equal(
      'Sessions booked between Oct 27, 2026 and Nov 25, 2026, in any status, whenever they take place.',
    );
    expect(card('Sessions in the range').explain).to.include(
      'Sessions booked for later dates are not counted here.',
    );
    expect(card('Completed').explain).to.equal('Of those sessions; 1 no-show, 4 cancelled.');
    // The Gini figure stays, explained in words with a plain reading of the value.
    expect(cards.some((c) => c.label === 'Gini coefficient')).to.be.false;
    expect(card('How evenly sessions are spread').explain).to.equal(
      'Somewhat uneven: some mentors take noticeably more. 0 = every mentor has as many sessions, 1 = one mentor does everything (Gini coefficient).',
    );
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

  it('shows a designed empty state for charts without data, and no blank boxes', async () => {
    const { el } = await adminPanel(
      (api) => html`<mm-program-analytics locale="en" .api=${api}></mm-program-analytics>`,
      { 'GET /v1/admin/analytics': () => json(200, emptyAnalytics) },
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('.kpis .figure'), 'figures');
    expect(root.querySelectorAll('mm-bar-chart')).to.have.length(0);
    const empties = Array.from(root.querySelectorAll('.chart-empty')).map(
      (s) => s.querySelector('p')!.textContent,
    );
    expect(empties).to.deep.equal([
      'No requests in this range yet.',
      'No sessions in this range yet.',
      'No feedback in this range yet.',
      'No skills requested in this range yet.',
      'No requests in this range yet.',
    ]);
    const spread = Array.from(root.querySelectorAll('.kpi')).at(-1)!;
    expect(spread.querySelector('.figure')!.textContent).to.equal('—');
    expect(spread.querySelector('.explain')!.textContent).to.include('Nothing to measure in this range yet.');
    await expect(el).to.be.accessible();
  });

  it('shows card skeletons while loading, then a failure with a retry that loads again', async () => {
    let answer: (r: Response) => void = () => {};
    let calls = 0;
    const { el } = await adminPanel(
      (api) => html`<mm-program-analytics locale="es" .api=${api}></mm-program-analytics>`,
      {
        'GET /v1/admin/analytics': () => {
          calls++;
          return calls === 1
            ? new Promise<Response>((resolve) => (answer = resolve))
            : json(200, {
                ...emptyAnalytics,
                mentorLoad: { mentors: 2, sessions: 4, top10Share: 0.5, gini: 0.1 },
              });
        },
      },
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('.kpis[aria-hidden=true] .skeleton'), 'skeleton');
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Cargando…');
    answer(problem(500, 'internal', 'Internal Server Error', 'Boom.'));
    await waitUntil(() => root.querySelector('[role=alert]'), 'failure');
    expect(root.querySelector('.kpis')).to.be.null;
    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent === 'Reintentar')!
      .click();
    await waitUntil(() => root.querySelector('.kpis .figure'), 'loaded on retry');
    const spread = Array.from(root.querySelectorAll('.kpi')).at(-1)!;
    expect(spread.querySelector('.label')!.textContent).to.equal('Reparto de las sesiones');
    expect(spread.querySelector('.explain')!.textContent).to.include('Muy equilibrado');
    expect(root.querySelector('[role=alert]')).to.be.null;
  });
});

const emptyAnalytics: Analytics = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-11-08T00:00:00.000Z',
  bucket: 'day',
  matchThreshold: 0.4,
  totals: {
    requests: 0,
    matched: 0,
    booked: 0,
    matchRate: null,
    bookedRate: null,
    medianFirstResponseMinutes: null,
    sessions: { booked: 0, completed: 0, noShow: 0, cancelled: 0 },
    bookingsMade: 0,
    satisfaction: { averageRating: null, shareSolved: null, responses: 0 },
  },
  series: ['01', '02', '03'].map((d) => ({
    start: `2026-11-${d}T00:00:00.000Z`,
    requests: 0,
    matched: 0,
    booked: 0,
    medianFirstResponseMinutes: null,
    sessions: { booked: 0, completed: 0, noShow: 0, cancelled: 0 },
    satisfaction: { averageRating: null, shareSolved: null, responses: 0 },
  })),
  topSkills: [],
  unmetSkills: [],
  noShows: { mentor: 0, learner: 0, byMentor: [], byLearner: [] },
  mentorLoad: { mentors: 3, sessions: 0, top10Share: null, gini: null },
};
