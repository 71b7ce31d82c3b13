import { NotFoundError } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmErrorEvent } from '../events/mm-error.js';
import { consoleApi } from '../internal/mentor-console-api.js';
import { fakeApi, json, problem } from '../test-support/fake-api.js';
import type { MmMentorRecord } from './mentor-record.js';
import './mentor-record.js';

const record = {
  mentorId: 'mnt_ada',
  name: 'Ada Lovelace',
  sessions: 12,
  minutes: 360,
  firstSessionAt: '2026-06-01T08:00:00.000Z',
  lastSessionAt: '2026-11-20T08:00:00.000Z',
  badges: [
    { code: 'first_session', earnedAt: '2026-06-01T08:45:00.000Z' },
    { code: 'sessions_10', earnedAt: '2026-10-02T08:45:00.000Z' },
  ],
};
const JWS = 'eyJhbGciOiJFZERTQSJ9.eyJ0eXBlIjpbXX0.c2ln';

async function mount(routes: Parameters<typeof fakeApi>[0], locale = 'en') {
  const { client, calls } = fakeApi(routes);
  const el = await fixture<MmMentorRecord>(
    html`<mm-mentor-record locale=${locale} .api=${consoleApi(client)}></mm-mentor-record>`,
  );
  return { el, calls };
}

const root = (el: MmMentorRecord) => el.shadowRoot!;

describe('<mm-mentor-record>', () => {
  it('lists the badges in the mentor’s language and is accessible', async () => {
    const { el } = await mount({ 'GET /v1/me/mentor/record': () => json(200, record) });
    await waitUntil(() => root(el).querySelector('.badges li'), 'badges');
    const items = [...root(el).querySelectorAll('.badges li')];
    expect(items.map((li) => li.getAttribute('data-code'))).to.deep.equal(['first_session', 'sessions_10']);
    expect(items[0]!.textContent).to.contain('First session');
    expect(items[1]!.textContent).to.contain('10 sessions');
    expect(root(el).querySelector('button')!.textContent!.trim()).to.equal('Download my record');
    await expect(el).to.be.accessible();

    const { el: es } = await mount({ 'GET /v1/me/mentor/record': () => json(200, record) }, 'es');
    await waitUntil(() => root(es).querySelector('.badges li'), 'insignias');
    expect(root(es).querySelector('h3')!.textContent).to.equal('Tus insignias');
    expect(root(es).querySelector('.badges li')!.textContent).to.contain('Primera sesión');
    expect(root(es).querySelector('button')!.textContent!.trim()).to.equal('Descargar mi historial');
    await expect(es).to.be.accessible();
  });

  it('says so when there are no badges yet', async () => {
    const { el } = await mount({ 'GET /v1/me/mentor/record': () => json(200, { ...record, badges: [] }) });
    await waitUntil(() => root(el).querySelector('p.meta'), 'empty text');
    expect(root(el).querySelector('p.meta')!.textContent).to.contain('No badges yet');
    expect(root(el).querySelector('.badges')).to.equal(null);
  });

  it('says when the record failed to load (an mm-error too), with "Try again" that loads it', async () => {
    let fail = true;
    const { el } = await mount({
      'GET /v1/me/mentor/record': () =>
        fail ? problem(503, 'unavailable', 'Service Unavailable', 'Down for a moment.') : json(200, record),
    });
    const errors: MmErrorEvent[] = [];
    el.addEventListener('mm-error', (e) => errors.push(e));
    await el.refresh();
    await el.updateComplete;
    expect(errors).to.not.be.empty;
    expect(errors.every((e) => e.detail.step === 'record' && e.detail.code === 'unavailable')).to.be.true;
    const retry = root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(retry.textContent).to.equal('Try again');
    fail = false;
    retry.click();
    await waitUntil(() => !root(el).querySelector('[role=alert]'), 'loaded on retry');
    expect(root(el).querySelectorAll('.badges li')).to.have.length(2);
  });

  it('downloads the signed credential as a .jwt file', async () => {
    const { el, calls } = await mount({
      'GET /v1/me/mentor/record': () => json(200, record),
      'GET /v1/me/mentor/credential': () =>
        new Response(JWS, { status: 200, headers: { 'content-type': 'application/vc+jwt' } }),
    });
    await waitUntil(() => root(el).querySelector('.badges li'), 'badges');
    const saved: { name: string; href: string }[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    };
    let detail: { credential: string } | null = null;
    el.addEventListener('mm-record-downloaded', (e) => {
      detail = (e as CustomEvent<{ credential: string }>).detail;
    });
    try {
      root(el).querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => root(el).querySelector('[role=status]'), 'download notice');
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.include('GET /v1/me/mentor/credential');
    expect(saved).to.have.length(1);
    expect(saved[0]!.name).to.equal('mentoring-record.jwt');
    expect(saved[0]!.href.startsWith('blob:')).to.equal(true);
    expect(detail).to.deep.equal({ credential: JWS });
    await expect(el).to.be.accessible();
  });

  it('links the credential’s public page after the download, and only an http(s) one', async () => {
    const b64 = (value: object) =>
      btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const page = 'https://api.example.org/issuers/t1/credentials/0b7c3d1e-6f5a-4c2b-9a8e-1d2c3b4a5f60';
    for (const [id, expected] of [
      [page, page],
      ['javascript:alert(1)', null],
    ] as const) {
      const jws = `${b64({ alg: 'EdDSA' })}.${b64({ id, name: 'Zoë' })}.c2ln`;
      const { el } = await mount({
        'GET /v1/me/mentor/record': () => json(200, record),
        'GET /v1/me/mentor/credential': () =>
          new Response(jws, { status: 200, headers: { 'content-type': 'application/vc+jwt' } }),
      });
      await waitUntil(() => root(el).querySelector('.badges li'), 'badges');
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = () => {};
      try {
        root(el).querySelector<HTMLButtonElement>('button')!.click();
        await waitUntil(() => root(el).querySelector('[role=status]'), 'download notice');
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
      const link = root(el).querySelector<HTMLAnchorElement>('a[part=share]');
      expect(link?.href ?? null).to.equal(expected);
      if (link) {
        expect(link.textContent).to.equal('Its public page, to share: anyone can check it there');
        expect(link.rel).to.equal('noopener');
        await expect(el).to.be.accessible();
      }
    }
  });

  it('shows the server’s words when the download fails', async () => {
    const { el } = await mount({
      'GET /v1/me/mentor/record': () => json(200, record),
      'GET /v1/me/mentor/credential': () =>
        problem(404, 'not_found', 'Not Found', 'Mentor profile was not found.'),
    });
    await waitUntil(() => root(el).querySelector('.badges li'), 'badges');
    const errors: MmErrorEvent[] = [];
    el.addEventListener('mm-error', (e) => errors.push(e));
    root(el).querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => root(el).querySelector('[role=alert]'), 'error');
    expect(root(el).querySelector('[role=alert]')!.textContent).to.equal('Mentor profile was not found.');
    // The failure goes out as a well-typed `mm-error`: the step, the API's code, the words shown.
    expect(errors).to.have.length(1);
    const { step, code, message, error } = errors[0]!.detail;
    expect([step, code, message]).to.deep.equal(['record', 'not_found', 'Mentor profile was not found.']);
    expect(error).to.be.instanceOf(NotFoundError);
    expect(errors[0]!.bubbles && errors[0]!.composed).to.equal(true);
  });
});
