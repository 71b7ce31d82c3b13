import type { AuditEntry } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import { adminPanel } from '../test-support/admin-panel.js';
import { json, problem } from '../test-support/fake-api.js';
import type { MmAuditLog } from './audit-log.js';
import './audit-log.js';

const entry = (id: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-11-25T12:00:00.000Z',
  actor: {
    userId: '0b7c3d1e-6f5a-4c2b-9a8e-1d2c3b4a5f60',
    name: 'Ada Admin',
    keyKind: 'publishable',
    keyPrefix: 'pk_AbCd…',
  },
  action: 'POST /v1/admin/mentors/{id}/approve',
  target: 'mentor-1',
  summary: { fields: [], values: {} },
  clientIp: '203.0.113.7',
  requestId: 'req_1',
  ...overrides,
});

const approve = entry('e1');
const settings = entry('e2', {
  at: '2026-11-25T11:00:00.000Z',
  action: 'PATCH /v1/admin/settings',
  target: null,
  summary: { fields: ['allowGuests', 'branding.name'], values: {} },
});
const rotation = entry('e3', {
  at: '2026-11-25T10:00:00.000Z',
  actor: { userId: null, name: null, keyKind: 'secret', keyPrefix: 'sk_WxYz…' },
  action: 'POST /v1/admin/keys/rotate',
  target: null,
  summary: { fields: ['kind'], values: { kind: 'secret' } },
  clientIp: null,
});
const byCli = entry('e4', {
  actor: { userId: null, name: null, keyKind: 'cli', keyPrefix: null },
  action: 'cli keys rotate',
  clientIp: null,
});
const erased = entry('e5', { actor: { ...approve.actor, name: null } });

const rowTexts = (root: ShadowRoot) =>
  Array.from(root.querySelectorAll('tbody tr')).map((tr) =>
    Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
  );

async function open(routes: Parameters<typeof adminPanel>[1], locale = 'en') {
  const { el, calls } = await adminPanel<MmAuditLog>(
    (api) => html`<mm-audit-log locale=${locale} .api=${api}></mm-audit-log>`,
    routes,
  );
  return { el, root: el.shadowRoot!, calls };
}

describe('<mm-audit-log>', () => {
  it('says it is loading, then lists who did what, when and from where, newest first, a page at a time', async () => {
    let answer: (response: Response) => void = () => {};
    const { el, root, calls } = await open({
      'GET /v1/admin/audit': (call) =>
        call.query.cursor === 'page2'
          ? json(200, { data: [rotation, byCli, erased], nextCursor: null })
          : new Promise<Response>((resolve) => {
              answer = resolve;
            }),
    });
    await waitUntil(() => root.querySelector('[role=status]'), 'loading');
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Loading…');
    expect(root.querySelector('h3')!.textContent).to.equal('Audit log');
    answer(json(200, { data: [approve, settings], nextCursor: 'page2' }));
    await waitUntil(() => root.querySelectorAll('tbody tr').length === 2, 'first page');
    expect(calls[0]!.query).to.deep.equal({ limit: '20' });
    const rows = rowTexts(root);
    expect(rows[0]!.slice(1)).to.deep.equal([
      'Ada Admin pk_AbCd…',
      'POST /v1/admin/mentors/{id}/approve · mentor-1',
      '203.0.113.7',
    ]);
    expect(rows[1]![2]).to.equal('PATCH /v1/admin/settings Changed: allowGuests, branding.name');
    expect(Array.from(root.querySelectorAll('th')).map((th) => th.textContent)).to.deep.equal([
      'When',
      'Who',
      'What',
      'From',
    ]);
    await expect(el).to.be.accessible();

    const more = Array.from(root.querySelectorAll('button')).find(
      (b) => b.textContent === 'Show older entries',
    )!;
    more.click();
    await waitUntil(() => root.querySelectorAll('tbody tr').length === 5, 'second page');
    expect(calls[1]!.query).to.deep.equal({ limit: '20', cursor: 'page2' });
    expect(
      rowTexts(root)
        .slice(2)
        .map((r) => r[1]),
    ).to.deep.equal([
      'Your server (secret key) sk_WxYz…',
      'The CLI on your server',
      'Admin 0b7c3d1e pk_AbCd…',
    ]);
    expect(rowTexts(root)[2]![3]).to.equal('—');
    // The last page: nothing older to ask for.
    expect(Array.from(root.querySelectorAll('button')).map((b) => b.textContent)).to.deep.equal([
      'Download CSV',
      'Download JSON lines',
    ]);
  });

  it('on a phone-narrow page, its table scrolls sideways as a region the keyboard reaches', async () => {
    const { el, root } = await open({
      'GET /v1/admin/audit': () => json(200, { data: [approve, settings], nextCursor: null }),
    });
    el.style.display = 'block';
    el.style.width = '240px';
    await waitUntil(() => root.querySelectorAll('tbody tr').length === 2, 'rows');
    const region = root.querySelector<HTMLElement>('.table')!;
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    expect(region.getAttribute('aria-label')).to.equal('Admin actions, newest first');
    region.focus();
    expect(root.activeElement).to.equal(region);
    await expect(el).to.be.accessible();
  });

  it('says when nothing is recorded yet', async () => {
    const { el, root } = await open({
      'GET /v1/admin/audit': () => json(200, { data: [], nextCursor: null }),
    });
    await waitUntil(() => !root.querySelector('[role=status]:not(.ok)'), 'loaded');
    expect(root.textContent).to.contain('Nothing recorded yet.');
    expect(root.querySelector('table')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows a failure to load as an alert with "Try again", which loads it again', async () => {
    let fail = true;
    const { el, root } = await open({
      'GET /v1/admin/audit': () =>
        fail
          ? problem(
              403,
              'admin_required',
              'Forbidden',
              'This route is for program admins (role `admin`) only.',
            )
          : json(200, { data: [approve], nextCursor: null }),
    });
    await waitUntil(() => root.querySelector('[role=alert]'), 'alert');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      'This route is for program admins (role `admin`) only.',
    );
    expect(root.textContent).not.to.contain('Nothing recorded yet.');
    await expect(el).to.be.accessible();
    fail = false;
    root.querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await waitUntil(() => root.querySelectorAll('tbody tr').length === 1, 'reloaded');
    expect(root.querySelector('[role=alert]')).to.be.null;
  });

  it('downloads the whole log as CSV or JSON lines', async () => {
    const { root, calls } = await open({
      'GET /v1/admin/audit': () => json(200, { data: [approve], nextCursor: null }),
      'GET /v1/admin/audit/export': (call) =>
        new Response(call.query.format === 'csv' ? 'id,at\r\ne1,2026\r\n' : '{"id":"e1"}\n', {
          status: 200,
          headers: { 'content-type': call.query.format === 'csv' ? 'text/csv' : 'application/jsonl' },
        }),
    });
    await waitUntil(() => root.querySelector('tbody tr'), 'rows');
    const button = (text: string) =>
      Array.from(root.querySelectorAll('button')).find((b) => b.textContent === text)!;
    button('Download CSV').click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Downloaded.', 'csv');
    button('Download JSON lines').click();
    await waitUntil(() => calls.filter((c) => c.path === '/v1/admin/audit/export').length === 2, 'jsonl');
    expect(calls.filter((c) => c.path === '/v1/admin/audit/export').map((c) => c.query.format)).to.deep.equal(
      ['csv', 'jsonl'],
    );
  });

  it('speaks Spanish and French', async () => {
    for (const [locale, heading, who] of [
      ['es', 'Registro de auditoría', 'Tu servidor (clave secreta) sk_WxYz…'],
      ['fr', 'Journal d’audit', 'Votre serveur (clé secrète) sk_WxYz…'],
    ] as const) {
      const { el, root } = await open(
        { 'GET /v1/admin/audit': () => json(200, { data: [rotation], nextCursor: null }) },
        locale,
      );
      await waitUntil(() => root.querySelector('tbody tr'), locale);
      expect(root.querySelector('h3')!.textContent).to.equal(heading);
      expect(rowTexts(root)[0]![1]).to.equal(who);
      await expect(el).to.be.accessible();
    }
  });
});
