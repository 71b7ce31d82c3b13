import type {
  AdminMentor,
  Analytics,
  ApiKey,
  Me,
  MentorStatus,
  ProgramSettings,
  Report,
  ResolvedReport,
  RotatedKey,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '@micromentor/sdk';
import { PermissionError } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MmErrorEvent } from '../events/mm-error.js';
import { fakeApi, json, match, problem } from '../test-support/fake-api.js';
import type { MmAdminConsole } from './admin-console.js';
import './admin-console.js';

function me(roles: string[]): Me {
  return {
    tenant: {
      id: 'ten_1',
      name: 'Academy',
      settings: { allowGuests: false, formats: ['video'], sessionLengths: [15] },
    },
    user: { id: 'usr_admin', externalId: 'admin', name: 'Ada Admin', email: null, roles, isGuest: false },
    mentorProfile: null,
    keyKind: 'publishable',
  } as Me;
}

const applicant = (name: string, status: MentorStatus = 'pending') =>
  ({
    ...match(name).mentor,
    id: `mnt_${name}`,
    status,
    statusReason: null,
    statusChangedAt: null,
    approvedAt: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    openReports: 0,
  }) satisfies AdminMentor;

const webhookEndpoint = (fields: Pick<WebhookEndpoint, 'id' | 'url' | 'events'>) =>
  ({
    ...fields,
    description: null,
    enabled: true,
    disabledReason: null,
    previousSecretExpiresAt: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  }) satisfies WebhookEndpoint;

function inner(el: Element, tag: string): Element {
  return el.shadowRoot!.querySelector(tag)!;
}

async function open(routes: Parameters<typeof fakeApi>[0], locale = 'en') {
  const api = fakeApi({ 'GET /v1/me': () => json(200, me(['admin'])), ...routes });
  const el = await fixture<MmAdminConsole>(
    html`<mm-admin-console locale=${locale} .client=${api.client}></mm-admin-console>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[role=tab]'), 'tabs');
  return { el, ...api };
}

async function selectTab(el: MmAdminConsole, id: string, tag: string): Promise<Element> {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`#tab-${id}`)!.click();
  await waitUntil(() => el.shadowRoot!.querySelector(tag)?.shadowRoot?.querySelector('h3'), tag);
  return inner(el, tag);
}

describe('<mm-admin-console>', () => {
  it('refuses a user without the admin role', async () => {
    const { client } = fakeApi({ 'GET /v1/me': () => json(200, me(['mentor'])) });
    const el = await fixture<MmAdminConsole>(
      html`<mm-admin-console locale="en" .client=${client}></mm-admin-console>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role=status]')?.textContent?.includes('admin role'));
    expect(el.shadowRoot!.querySelector('[role=tablist]')).to.be.null;
  });

  it('reports a failed load as a well-typed mm-error with the API’s code, and retries', async () => {
    let up = false;
    const { client } = fakeApi({
      'GET /v1/me': () =>
        up
          ? json(200, me(['admin']))
          : problem(403, 'forbidden', 'Forbidden', 'This key cannot be used from this origin.'),
      'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }),
    });
    const errors: MmErrorEvent[] = [];
    const el = await fixture<MmAdminConsole>(
      html`<mm-admin-console locale="en" .client=${client} @mm-error=${(e: MmErrorEvent) => errors.push(e)}></mm-admin-console>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'error');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(
      'This key cannot be used from this origin.',
    );
    expect(errors).to.have.length(1);
    const { step, code, message, error } = errors[0]!.detail;
    expect([step, code, message]).to.deep.equal([
      'console',
      'forbidden',
      'This key cannot be used from this origin.',
    ]);
    expect(error).to.be.instanceOf(PermissionError);
    expect(errors[0]!.bubbles && errors[0]!.composed).to.equal(true);
    up = true;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=tablist]'), 'recovered');
    expect(errors).to.have.length(1);
  });

  it('approves an application and requires a reason to reject one', async () => {
    let pending = [applicant('Grace'), applicant('Mallory')];
    const { el, calls } = await open({
      'GET /v1/admin/mentors': () => json(200, { data: pending, nextCursor: null }),
      'POST /v1/admin/mentors/mnt_Grace/approve': () => {
        pending = pending.filter((m) => m.id !== 'mnt_Grace');
        return json(200, applicant('Grace', 'approved'));
      },
      'POST /v1/admin/mentors/mnt_Mallory/reject': () => json(200, applicant('Mallory', 'rejected')),
    });
    await waitUntil(() => inner(el, 'mm-mentor-review').shadowRoot?.querySelector('li'), 'queue');
    const review = inner(el, 'mm-mentor-review');
    await expect(el).to.be.accessible();
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
    const { el, calls } = await open({
      'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }),
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
    });
    const panel = await selectTab(el, 'reports', 'mm-report-queue');
    const root = panel.shadowRoot!;
    await waitUntil(() => root.querySelector('li h4'), 'report');
    expect(root.querySelector('li h4')!.textContent).to.equal('About mnt_Mallory');
    expect(calls.find((c) => c.path === '/v1/admin/reports')!.query).to.deep.include({ status: 'open' });
    let resolved: CustomEvent | undefined;
    panel.addEventListener('mm-report-resolved', (e) => (resolved = e as CustomEvent));
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

  it('draws analytics as charts with a data table behind each, and moves between tabs by keyboard', async () => {
    const { el, calls } = await open({
      'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }),
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
    });
    el.shadowRoot!.querySelector<HTMLElement>('#tab-applications')!.focus();
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() =>
      el.shadowRoot!.querySelector('mm-program-analytics')?.shadowRoot?.querySelector('mm-bar-chart'),
    );
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-analytics');
    const analytics = inner(el, 'mm-program-analytics');
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
    await expect(el).to.be.accessible();
    // The feedback export asks for the same range.
    const exportButton = Array.from(analytics.shadowRoot!.querySelectorAll('button')).find(
      (b) => b.textContent === 'Export feedback (CSV)',
    )!;
    exportButton.click();
    await waitUntil(() => calls.some((c) => c.path === '/v1/admin/exports/feedback.csv'), 'feedback export');
    const exported = calls.find((c) => c.path === '/v1/admin/exports/feedback.csv')!.query;
    expect([exported.from, exported.to]).to.deep.equal([from, to]);
  });

  it('saves settings and shows a rotated key once', async () => {
    const settings = {
      allowGuests: false,
      formats: ['video', 'chat'],
      sessionLengths: [15, 30],
      requestSlaHours: 48,
      instantHelpWindowMinutes: 10,
      meetingLinkTemplate: 'https://meet.jit.si/mm-{room}',
      allowedOrigins: ['https://academy.example'],
      branding: { accentColor: null, logoUrl: null, name: null },
      leaderboard: false,
      reportsToPause: 3,
    } satisfies ProgramSettings;
    const { el, calls } = await open({
      'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/admin/settings': () => json(200, settings),
      'PATCH /v1/admin/settings': (call) => json(200, { ...settings, ...(call.body as object) }),
      'GET /v1/admin/keys': () =>
        json(200, {
          data: [
            {
              id: 'k1',
              kind: 'secret',
              prefix: 'sk_live_ab',
              createdAt: '2026-11-01T00:00:00Z',
              expiresAt: null,
              revokedAt: null,
              active: true,
            },
          ],
        } satisfies { data: ApiKey[] }),
      'POST /v1/admin/keys/rotate': () =>
        json(201, {
          key: 'sk_live_NEWKEY123',
          apiKey: {
            id: 'k2',
            kind: 'secret',
            prefix: 'sk_live_NE',
            createdAt: '2026-11-26T00:00:00Z',
            expiresAt: null,
            revokedAt: null,
            active: true,
          },
          previousExpireAt: '2026-11-27T00:00:00Z',
        } satisfies RotatedKey),
    });
    const panel = await selectTab(el, 'settings', 'mm-program-settings');
    const root = panel.shadowRoot!;
    const guests = root.querySelector<HTMLInputElement>('input[name=allowGuests]')!;
    guests.click();
    root.querySelector<HTMLInputElement>('input[name=sessionLengths]')!.value = '15, 20';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Settings saved.');
    const patch = calls.find((c) => c.method === 'PATCH')!.body as Record<string, unknown>;
    expect(patch).to.deep.include({
      allowGuests: true,
      sessionLengths: [15, 20],
      formats: ['video', 'chat'],
    });
    expect(patch.allowedOrigins).to.deep.equal(['https://academy.example']);
    // Empty branding fields clear them, in the server's field names.
    expect(patch.branding).to.deep.equal({ name: null, accentColor: null });

    const rotate = Array.from(root.querySelectorAll('button')).find((b) =>
      b.textContent!.includes('Rotate Secret'),
    )!;
    rotate.click();
    await waitUntil(() => root.querySelector('code.secret'));
    expect(root.querySelector('code.secret')!.textContent).to.equal('sk_live_NEWKEY123');
    expect(calls.find((c) => c.path === '/v1/admin/keys/rotate')!.body).to.deep.equal({
      kind: 'secret',
      overlapHours: 24,
    });
    await expect(el).to.be.accessible();
  });

  it('adds a webhook endpoint and shows its secret once, and reports a refused URL in plain words', async () => {
    let endpoints: WebhookEndpoint[] = [];
    let refuse = true;
    const { el } = await open({
      'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/admin/webhooks': () => json(200, { data: endpoints, nextCursor: null }),
      'POST /v1/admin/webhooks': (call) => {
        if (refuse) {
          return problem(
            400,
            'webhook_url_not_allowed',
            'Bad Request',
            'Webhook URLs must not point to private addresses.',
          );
        }
        const body = call.body as Pick<WebhookEndpoint, 'url' | 'events'>;
        const endpoint = webhookEndpoint({ id: 'wh_1', url: body.url, events: body.events });
        endpoints = [endpoint];
        return json(201, { ...endpoint, secret: 'whsec_c2VjcmV0' } satisfies WebhookEndpointWithSecret);
      },
    });
    const panel = await selectTab(el, 'webhooks', 'mm-webhook-admin');
    const root = panel.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[name=url]')!.value = 'https://10.0.0.1/hook';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'));
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      'Webhook URLs must not point to private addresses.',
    );
    refuse = false;
    root.querySelector<HTMLInputElement>('input[name=url]')!.value = 'https://hooks.example/mm';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('code.secret'));
    expect(root.querySelector('code.secret')!.textContent).to.equal('whsec_c2VjcmV0');
    await waitUntil(() => root.querySelector('li h4')?.textContent === 'https://hooks.example/mm');
  });

  it('rotates an endpoint’s secret: shows the new one once and how long the old one still signs', async () => {
    const endpoint = webhookEndpoint({
      id: 'wh_1',
      url: 'https://hooks.example/mm',
      events: ['booking.created'],
    });
    const until = '2026-11-27T10:00:00.000Z';
    const { el, calls } = await open({
      'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/admin/webhooks': () => json(200, { data: [endpoint], nextCursor: null }),
      'POST /v1/admin/webhooks/wh_1/rotate-secret': () =>
        json(200, {
          ...endpoint,
          previousSecretExpiresAt: until,
          secret: 'whsec_bmV3c2VjcmV0',
        } satisfies WebhookEndpointWithSecret),
    });
    const panel = await selectTab(el, 'webhooks', 'mm-webhook-admin');
    const root = panel.shadowRoot!;
    let rotated: CustomEvent | undefined;
    panel.addEventListener('mm-webhook-secret-rotated', (e) => (rotated = e as CustomEvent));
    await waitUntil(() => root.querySelector('li h4'));
    const rotate = Array.from(root.querySelectorAll('button')).find(
      (b) => b.textContent!.trim() === 'Rotate secret',
    )!;
    rotate.click();
    await waitUntil(() => root.querySelector('code.secret'));
    expect(root.querySelector('code.secret')!.textContent).to.equal('whsec_bmV3c2VjcmV0');
    const status = root.querySelector('[role=status]')!.textContent!;
    expect(status).to.contain('The old secret keeps signing too until');
    expect(status).to.contain(new Date(until).toLocaleString('en'));
    expect(calls.filter((c) => c.path === '/v1/admin/webhooks/wh_1/rotate-secret')).to.have.length(1);
    expect(rotated!.detail.endpoint).to.not.have.property('secret');
    expect(rotated!.bubbles && rotated!.composed).to.equal(true);
    await expect(panel).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const { el } = await open(
      { 'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }) },
      'es',
    );
    const tabs = Array.from(el.shadowRoot!.querySelectorAll('[role=tab]')).map((t) => t.textContent!.trim());
    expect(tabs).to.deep.equal(['Solicitudes', 'Mentores', 'Denuncias', 'Analítica', 'Ajustes', 'Webhooks']);
  });
});
