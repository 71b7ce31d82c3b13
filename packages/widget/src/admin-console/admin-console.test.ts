import { type Me, PermissionError } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MmErrorEvent } from '../events/mm-error.js';
import { fakeApi, json, problem } from '../test-support/fake-api.js';
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

async function open(routes: Parameters<typeof fakeApi>[0], locale = 'en') {
  const api = fakeApi({ 'GET /v1/me': () => json(200, me(['admin'])), ...routes });
  const el = await fixture<MmAdminConsole>(
    html`<mm-admin-console locale=${locale} .client=${api.client}></mm-admin-console>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[role=tab]'), 'tabs');
  return { el, ...api };
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

  it('moves between tabs by keyboard: one tab stop, arrows move and focus, the panel follows', async () => {
    const { el } = await open({
      'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/admin/analytics': () => problem(503, 'unavailable', 'Unavailable', 'Later.'),
    });
    expect(el.shadowRoot!.querySelectorAll('[role=tab][tabindex="0"]')).to.have.length(1);
    el.shadowRoot!.querySelector<HTMLElement>('#tab-applications')!.focus();
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.shadowRoot!.querySelector('mm-program-analytics'), 'analytics panel');
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-analytics');
    expect(el.shadowRoot!.querySelector('[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal(
      'tab-analytics',
    );
    await sendKeys({ press: 'Home' });
    await waitUntil(() => el.shadowRoot!.querySelector('mm-mentor-review'), 'first tab');
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-applications');
    await expect(el).to.be.accessible();
  });

  it('keeps its tabs on one row on a phone, scrolling sideways instead of wrapping', async () => {
    const { el } = await open({});
    el.style.display = 'block';
    el.style.width = '340px';
    const tabs = Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[role=tab]'));
    expect(tabs.length).to.be.greaterThan(3);
    expect(new Set(tabs.map((tab) => Math.round(tab.getBoundingClientRect().top))).size, 'one row').to.equal(
      1,
    );
    const list = el.shadowRoot!.querySelector<HTMLElement>('[role=tablist]')!;
    expect(list.scrollWidth, 'the rest scrolls into view').to.be.greaterThan(list.clientWidth);
  });

  it('speaks Spanish', async () => {
    const { el } = await open(
      { 'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }) },
      'es',
    );
    const tabs = Array.from(el.shadowRoot!.querySelectorAll('[role=tab]')).map((t) => t.textContent!.trim());
    expect(tabs).to.deep.equal([
      'Solicitudes',
      'Mentores',
      'Denuncias',
      'Analítica',
      'Ajustes',
      'Webhooks',
      'Correo',
      'LMS (LTI)',
      'Registro de auditoría',
    ]);
  });

  it('shows the audit log in its own tab, loaded with the settings part', async () => {
    const { el, calls } = await open({
      'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/admin/audit': () =>
        json(200, {
          data: [
            {
              id: 'e1',
              at: '2026-11-25T12:00:00.000Z',
              actor: {
                userId: 'usr_admin',
                name: 'Ada Admin',
                keyKind: 'publishable',
                keyPrefix: 'pk_AbCd…',
              },
              action: 'PATCH /v1/admin/settings',
              target: null,
              summary: { fields: ['allowGuests'], values: {} },
              clientIp: '203.0.113.7',
              requestId: 'req_1',
            },
          ],
          nextCursor: null,
        }),
    });
    el.shadowRoot!.querySelector<HTMLElement>('#tab-audit')!.click();
    const panel = await waitUntil(() => el.shadowRoot!.querySelector('mm-audit-log'), 'audit panel').then(
      () => el.shadowRoot!.querySelector('mm-audit-log')!,
    );
    await waitUntil(() => panel.shadowRoot?.querySelector('tbody tr'), 'audit rows');
    expect(panel.shadowRoot!.querySelector('tbody tr')!.textContent).to.contain('PATCH /v1/admin/settings');
    expect(calls.filter((c) => c.path === '/v1/admin/audit')).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
