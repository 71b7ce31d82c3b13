import type { LtiPlatform } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import { formatDateTime } from '../internal/time.js';
import { adminPanel } from '../test-support/admin-panel.js';
import { keepThenReopen } from '../test-support/confirm-step.js';
import { json, problem, type RecordedCall } from '../test-support/fake-api.js';
import type { MmLtiAdmin } from './lti-admin.js';
import './lti-admin.js';

const API = 'https://api.example.test';
const tool = {
  loginUrl: `${API}/lti/login`,
  launchUrl: `${API}/lti/launch`,
  deepLinkUrl: `${API}/lti/launch`,
  jwksUrl: `${API}/lti/jwks`,
  registrationUrl: `${API}/lti/register`,
};

const platform = (id: string, overrides: Partial<LtiPlatform> = {}): LtiPlatform => ({
  id,
  name: 'Moodle — School of Data',
  issuer: 'https://moodle.example.edu',
  clientId: 'K3yq1',
  deploymentIds: ['1', '7'],
  authLoginUrl: 'https://moodle.example.edu/mod/lti/auth.php',
  authTokenUrl: 'https://moodle.example.edu/mod/lti/token.php',
  jwksUrl: 'https://moodle.example.edu/mod/lti/certs.php',
  publicJwks: null,
  roleMapping: {},
  tool,
  createdAt: '2026-11-25T12:00:00.000Z',
  updatedAt: '2026-11-25T12:00:00.000Z',
  ...overrides,
});

/** A 400 as the server words it: problem+json with the fields it refused. */
function refused(code: string, errors: { path: string; message: string }[]): Response {
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      status: 400,
      title: 'Bad Request',
      detail: `The request is not valid. ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      code,
      requestId: 'req_test',
      errors,
    }),
    { status: 400, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_test' } },
  );
}

async function open(
  routes: Parameters<typeof adminPanel>[1],
  attrs: { locale?: string; theme?: string } = {},
) {
  const { el, calls } = await adminPanel<MmLtiAdmin>(
    (api) =>
      html`<mm-lti-admin locale=${attrs.locale ?? 'en'} theme=${attrs.theme ?? ''} .api=${api}></mm-lti-admin>`,
    routes,
  );
  const root = el.shadowRoot!;
  await waitUntil(() => root.querySelector('form.platform'), 'loaded');
  return { el, root, calls };
}

const text = (node: Element | null) => node!.textContent!.replace(/\s+/g, ' ').trim();
const values = (root: ShadowRoot) =>
  Array.from(root.querySelectorAll('.values .value')).map((v) => [
    text(v.querySelector('dt')),
    text(v.querySelector('code')),
  ]);

function fill(root: ShadowRoot, fields: Record<string, string>): void {
  for (const [name, value] of Object.entries(fields)) {
    const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`form.platform [name=${name}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

const submit = (root: ShadowRoot) =>
  root.querySelector<HTMLButtonElement>('form.platform button.primary')!.click();

const moodleForm = {
  name: 'Moodle',
  issuer: 'https://moodle.example.edu',
  clientId: 'K3yq1',
  deploymentIds: '1\n7',
  authLoginUrl: 'https://moodle.example.edu/mod/lti/auth.php',
  authTokenUrl: 'https://moodle.example.edu/mod/lti/token.php',
};

describe('<mm-lti-admin>', () => {
  it('before the first LMS: the values to paste (with copy buttons) and each LMS’s steps with them', async () => {
    const { el, root } = await open({ 'GET /v1/admin/lti/platforms': () => json(200, { data: [] }) });
    expect(text(root.querySelector('h3'))).to.equal('LMS (LTI 1.3)');
    expect(root.textContent).to.contain('No LMS yet: add the first one below.');
    expect(values(root)).to.deep.equal([
      ['Login URL (OpenID Connect initiation)', tool.loginUrl],
      ['Launch / redirect URL (also the target link URI)', tool.launchUrl],
      ['Deep Linking URL (content selection)', tool.deepLinkUrl],
      ['Tool public key set URL (JWKS)', tool.jwksUrl],
    ]);
    // The bare registration URL names no program: a link is made on demand instead.
    expect(root.textContent).not.to.contain(tool.registrationUrl);

    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (value: string) => void copied.push(value) },
    });
    try {
      const copyJwks = root.querySelectorAll<HTMLButtonElement>('.values button')[3]!;
      expect(copyJwks.getAttribute('aria-label')).to.equal('Copy Tool public key set URL (JWKS)');
      copyJwks.click();
      await waitUntil(() => text(root.querySelector('[role=status].ok')).startsWith('Copied'), 'copied');
      expect(copied).to.deep.equal([tool.jwksUrl]);
      expect(text(root.querySelector('[role=status].ok'))).to.equal(
        'Copied: Tool public key set URL (JWKS).',
      );
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }

    const guides = Array.from(root.querySelectorAll('details.guide'));
    expect(guides.map((g) => text(g.querySelector('summary')))).to.deep.equal([
      'Moodle 4.x',
      'Canvas',
      'Blackboard Learn',
      'D2L Brightspace',
      'Open edX',
    ]);
    // The steps name the very URLs (as code), never a placeholder.
    const moodle = guides[0]!;
    expect(moodle.textContent).to.contain(
      'Site administration › Plugins › Activity modules › External tool › Manage tools',
    );
    expect(moodle.textContent).to.contain(
      'Quickest: make a registration link above, paste it into “Tool URL”',
    );
    expect(Array.from(moodle.querySelectorAll('code')).map((c) => c.textContent)).to.include.members([
      tool.launchUrl,
      tool.jwksUrl,
      tool.loginUrl,
    ]);
    for (const guide of guides) expect(guide.textContent).not.to.match(/\{\w+\}/);
    expect(text(guides[1]!)).to.contain('https://canvas.instructure.com');
    expect(text(guides[2]!)).to.contain('Register LTI 1.3/Advantage Tool');
    expect(text(guides[4]!)).to.contain('"lti_consumer"');
    for (const guide of guides) guide.setAttribute('open', '');
    await expect(el).to.be.accessible();
  });

  it('makes a Dynamic Registration link on demand: shown with its copy button and when it expires; a refusal said', async () => {
    const link = {
      url: `${API}/lti/register/rg_eyJ0aWQiOiJ0MSIsImV4cCI6MTc5NjA0MDAwMH0.c2lnbmF0dXJl`,
      expiresAt: '2026-12-01T10:00:00.000Z',
    };
    let attempt = 0;
    const { el, root, calls } = await open({
      'GET /v1/admin/lti/platforms': () => json(200, { data: [] }),
      'POST /v1/admin/lti/registration-links': () =>
        ++attempt === 1
          ? problem(403, 'admin_required', 'Forbidden', 'Only an admin of this program can do this.')
          : json(201, link),
    });
    const group = root.querySelector('[role=group][aria-labelledby=lti-reg]')!;
    expect(text(group.querySelector('h5'))).to.equal('Dynamic registration link');
    expect(group.querySelector('code')).to.be.null;
    const make = () =>
      Array.from(group.querySelectorAll<HTMLButtonElement>('button')).find(
        (b) => text(b) === 'Make a registration link',
      )!;
    const posts = () => calls.filter((c: RecordedCall) => c.path === '/v1/admin/lti/registration-links');

    make().click();
    await waitUntil(() => group.querySelector('[role=alert]'), 'refusal shown');
    expect(text(group.querySelector('[role=alert]'))).to.equal('Only an admin of this program can do this.');
    expect(group.querySelector('code')).to.be.null;
    expect(posts()).to.have.length(1);
    expect(posts()[0]!.method).to.equal('POST');
    await expect(el).to.be.accessible();

    make().click();
    await waitUntil(() => group.querySelector('code'), 'link shown');
    expect(group.querySelector('[role=alert]')).to.be.null;
    expect(text(group.querySelector('code'))).to.equal(link.url);
    expect(text(group)).to.contain(
      `Works until ${formatDateTime(link.expiresAt, 'en')}, then make a new one.`,
    );
    expect(posts()).to.have.length(2);

    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (value: string) => void copied.push(value) },
    });
    try {
      const copy = group.querySelector<HTMLButtonElement>('.copyable button')!;
      expect(copy.getAttribute('aria-label')).to.equal('Copy Dynamic registration link');
      copy.click();
      await waitUntil(() => copied.length === 1, 'copied');
      expect(copied).to.deep.equal([link.url]);
      await waitUntil(
        () => text(root.querySelector('[role=status].ok')) === 'Copied: Dynamic registration link.',
        'copy said',
      );
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    await expect(el).to.be.accessible();
  });

  it('adds an LMS: the server’s field messages under their fields, then the new one in the list', async () => {
    let attempt = 0;
    const { el, root, calls } = await open({
      'GET /v1/admin/lti/platforms': () => json(200, { data: [] }),
      'POST /v1/admin/lti/platforms': (call) =>
        ++attempt === 1
          ? refused('lti_url_not_allowed', [
              { path: 'body.authLoginUrl', message: 'must be an https:// URL' },
            ])
          : json(201, platform('p1', { name: (call.body as { name: string }).name })),
    });
    fill(root, {
      ...moodleForm,
      authLoginUrl: 'http://moodle.example.edu/auth',
      jwksUrl: 'https://moodle.example.edu/certs',
    });
    submit(root);
    await waitUntil(() => root.querySelector('[aria-invalid=true]'), 'field error');
    const login = root.querySelector<HTMLInputElement>('[name=authLoginUrl]')!;
    expect(login.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root.getElementById(login.getAttribute('aria-describedby')!))).to.equal(
      'must be an https:// URL',
    );
    expect(root.activeElement).to.equal(login);
    expect(text(root.querySelector('[role=alert]'))).to.equal(
      'Some fields need fixing: see the messages under them.',
    );
    expect(calls.at(-1)!.body).to.deep.equal({
      name: 'Moodle',
      issuer: 'https://moodle.example.edu',
      clientId: 'K3yq1',
      deploymentIds: ['1', '7'],
      authLoginUrl: 'http://moodle.example.edu/auth',
      authTokenUrl: 'https://moodle.example.edu/mod/lti/token.php',
      jwksUrl: 'https://moodle.example.edu/certs',
    });
    await expect(el).to.be.accessible();

    fill(root, { authLoginUrl: 'https://moodle.example.edu/mod/lti/auth.php' });
    submit(root);
    await waitUntil(() => root.querySelectorAll('ul.cards li').length === 1, 'listed');
    expect(root.querySelector('[aria-invalid=true]')).to.be.null;
    expect(root.querySelector('[role=alert]')).to.be.null;
    expect(text(root.querySelector('[role=status].ok'))).to.equal(
      'Moodle added. Each launch from it now finds this program.',
    );
    const card = root.querySelector('ul.cards li')!;
    expect(text(card.querySelector('h5'))).to.equal('Moodle');
    expect(Array.from(card.querySelectorAll('dd')).map((dd) => text(dd))).to.deep.equal([
      'https://moodle.example.edu',
      'K3yq1',
      '1, 7',
      'Key set URL: https://moodle.example.edu/mod/lti/certs.php',
    ]);
    expect(root.querySelector<HTMLInputElement>('[name=name]')!.value).to.equal('');
  });

  it('takes pasted keys as JSON: not JSON is said under the field without a call; JSON goes as publicJwks', async () => {
    const keys = { keys: [{ kty: 'RSA', n: 'sXch', e: 'AQAB', kid: 'k1' }] };
    const { root, calls } = await open({
      'GET /v1/admin/lti/platforms': () => json(200, { data: [] }),
      'POST /v1/admin/lti/platforms': () =>
        json(201, platform('p2', { jwksUrl: null, publicJwks: keys as LtiPlatform['publicJwks'] })),
    });
    root.querySelector<HTMLInputElement>('input[name=keyMode][value=pasted]')!.click();
    await waitUntil(() => root.querySelector('[name=publicJwks]'), 'pasted field');
    expect(root.querySelector('[name=jwksUrl]')).to.be.null;
    fill(root, { ...moodleForm, publicJwks: '-----BEGIN PUBLIC KEY-----' });
    submit(root);
    await waitUntil(() => root.querySelector('[aria-invalid=true]'), 'not json');
    const field = root.querySelector<HTMLTextAreaElement>('[name=publicJwks]')!;
    expect(root.activeElement).to.equal(field);
    expect(text(root.getElementById('lti-publicJwks-error'))).to.equal(
      'This is not a JSON key set: it must look like {"keys": [...]}.',
    );
    expect(calls.filter((c: RecordedCall) => c.method === 'POST')).to.have.length(0);

    fill(root, { publicJwks: JSON.stringify(keys) });
    submit(root);
    await waitUntil(() => root.querySelectorAll('ul.cards li').length === 1, 'listed');
    const body = calls.at(-1)!.body as Record<string, unknown>;
    expect(body.publicJwks).to.deep.equal(keys);
    expect(body).not.to.have.property('jwksUrl');
    expect(text(root.querySelector('ul.cards li'))).to.contain('Pasted key set (1 key)');
  });

  it('edits an LMS (PATCH, fields filled in) and removes one after a confirm step', async () => {
    const moodle = platform('p1');
    const canvas = platform('p2', {
      name: 'Canvas',
      issuer: 'https://canvas.instructure.com',
      clientId: '10000000000001',
    });
    const { el, root, calls } = await open({
      'GET /v1/admin/lti/platforms': () => json(200, { data: [moodle, canvas] }),
      'PATCH /v1/admin/lti/platforms/p1': () => json(200, { ...moodle, deploymentIds: ['1', '7', '9'] }),
      'DELETE /v1/admin/lti/platforms/p2': () => new Response(null, { status: 204 }),
    });
    const buttons = (i: number) =>
      root.querySelectorAll('ul.cards li')[i]!.querySelectorAll<HTMLButtonElement>('button');
    expect(buttons(0)[0]!.getAttribute('aria-label')).to.equal('Edit Moodle — School of Data');
    buttons(0)[0]!.click();
    await waitUntil(
      () => text(root.querySelector('#lti-form')) === 'Edit Moodle — School of Data',
      'editing',
    );
    expect(root.activeElement).to.equal(root.querySelector('[name=name]'));
    expect(root.querySelector<HTMLTextAreaElement>('[name=deploymentIds]')!.value).to.equal('1\n7');
    expect(root.querySelector<HTMLInputElement>('[name=jwksUrl]')!.value).to.equal(moodle.jwksUrl);
    fill(root, { deploymentIds: '1\n7\n9' });
    submit(root);
    await waitUntil(
      () => text(root.querySelector('[role=status].ok')) === 'Moodle — School of Data saved.',
      'saved',
    );
    expect(calls.at(-1)).to.include({ method: 'PATCH', path: '/v1/admin/lti/platforms/p1' });
    expect((calls.at(-1)!.body as { deploymentIds: string[] }).deploymentIds).to.deep.equal(['1', '7', '9']);
    expect(text(root.querySelector('#lti-form'))).to.equal('Add an LMS');
    expect(text(root.querySelector('ul.cards li'))).to.contain('1, 7, 9');

    const settle = () => el.updateComplete;
    const deletes = () => calls.filter((c: RecordedCall) => c.method === 'DELETE');
    const dialog = await keepThenReopen(root, buttons(1)[1]!, settle, deletes, {
      opened: (d) => {
        expect(text(d.querySelector('p'))).to.equal(
          'Remove Canvas? Launches from it are refused from now on, in every course that uses it.',
        );
      },
    });
    dialog.querySelector<HTMLButtonElement>('button[value=ok]')!.click();
    await waitUntil(() => root.querySelectorAll('ul.cards li').length === 1, 'removed');
    expect(deletes()).to.have.length(1);
    expect(text(root.querySelector('[role=status].ok'))).to.equal('Canvas removed.');
  });

  it('shows what users typed as text, and reads in Spanish and French, in the dark theme too', async () => {
    const hostile = platform('p1', { name: '<img src=x onerror="alert(1)">Evil', clientId: '<b>id</b>' });
    for (const [locale, heading, guide, make] of [
      [
        'es',
        'Valores para pegar en tu LMS',
        'Administración del sitio › Extensiones',
        'Crear un enlace de registro',
      ],
      [
        'fr',
        'Valeurs à coller dans votre LMS',
        'Administration du site › Plugins',
        'Créer un lien d’enregistrement',
      ],
    ] as const) {
      const { el, root } = await open(
        { 'GET /v1/admin/lti/platforms': () => json(200, { data: [hostile] }) },
        { locale, theme: 'dark' },
      );
      expect(text(root.querySelector('#lti-tool'))).to.equal(heading);
      expect(root.querySelector('details.guide')!.textContent).to.contain(guide);
      expect(text(root.querySelector('.reglink > button'))).to.equal(make);
      const card = root.querySelector('ul.cards li')!;
      expect(card.querySelector('img, b')).to.be.null;
      expect(text(card.querySelector('h5'))).to.equal('<img src=x onerror="alert(1)">Evil');
      expect(text(card)).to.contain('<b>id</b>');
      // The panel on its theme's own background, as the console draws it.
      el.style.background = 'var(--_bg)';
      await expect(el).to.be.accessible();
    }
  });
});
