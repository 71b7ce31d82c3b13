import type { ApiKey, ProgramSettings } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import { adminPanel } from '../test-support/admin-panel.js';
import { json } from '../test-support/fake-api.js';
import './program-settings.js';

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
  reminderMinutesBefore: [1440, 10],
  emailDigestMinutes: 15,
  retentionMonths: null,
  semanticMatching: true,
  mentorReplyWindowHours: 24,
  maxHandovers: 3,
  maxReschedules: 2,
} satisfies ProgramSettings;

/** The server's answer to a value it refuses (problem details with its field errors). */
const refused = (errors: { path: string; message: string }[]) =>
  new Response(
    JSON.stringify({
      type: '/docs#error-validation_failed',
      title: 'Bad Request',
      status: 400,
      detail: `The request is not valid. ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      code: 'validation_failed',
      requestId: 'req_test',
      errors,
    }),
    { status: 400, headers: { 'content-type': 'application/problem+json' } },
  );

const field = (root: ShadowRoot, name: string) =>
  root.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
/** A field's label: the label's own text (not the server's message under the field). */
const labelOf = (input: HTMLInputElement) =>
  Array.from(input.closest('label')!.childNodes)
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join('')
    .trim();

describe('<mm-program-settings>', () => {
  it('saves settings, and lists the keys with how to rotate them on the server, offering no rotation', async () => {
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
      reminderMinutesBefore: [1440, 10],
      emailDigestMinutes: 15,
      retentionMonths: null,
      semanticMatching: true,
      mentorReplyWindowHours: 24,
      maxHandovers: 3,
      maxReschedules: 2,
    } satisfies ProgramSettings;
    const { el: panel, calls } = await adminPanel(
      (api) => html`<mm-program-settings locale="en" .api=${api}></mm-program-settings>`,
      {
        'GET /v1/admin/settings': () => json(200, settings),
        'PATCH /v1/admin/settings': (call) => json(200, { ...settings, ...(call.body as object) }),
        'GET /v1/admin/keys': () =>
          json(200, {
            data: [
              {
                id: 'k1',
                kind: 'secret',
                prefix: 'sk_live_ab…',
                createdAt: '2026-11-01T00:00:00Z',
                expiresAt: null,
                revokedAt: null,
                active: true,
              },
            ],
          } satisfies { data: ApiKey[] }),
      },
    );
    await waitUntil(() => panel.shadowRoot!.querySelector('h3'), 'settings');
    const root = panel.shadowRoot!;
    const guests = root.querySelector<HTMLInputElement>('input[name=allowGuests]')!;
    guests.click();
    root.querySelector<HTMLInputElement>('input[name=sessionLengths]')!.value = '15, 20';
    const reminders = root.querySelector<HTMLInputElement>('input[name=reminderMinutesBefore]')!;
    expect(reminders.value).to.equal('1440, 10');
    reminders.value = '120, 15';
    root.querySelector<HTMLInputElement>('input[name=emailDigestMinutes]')!.value = '30';
    const retention = root.querySelector<HTMLInputElement>('input[name=retentionMonths]')!;
    expect(retention.value).to.equal('');
    retention.value = '24';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Settings saved.');
    const patch = calls.find((c) => c.method === 'PATCH')!.body as Record<string, unknown>;
    expect(patch).to.deep.include({
      allowGuests: true,
      sessionLengths: [15, 20],
      formats: ['video', 'chat'],
      reminderMinutesBefore: [120, 15],
      emailDigestMinutes: 30,
      retentionMonths: 24,
    });
    expect(patch.allowedOrigins).to.deep.equal(['https://academy.example']);
    // Empty branding fields clear them, in the server's field names.
    expect(patch.branding).to.deep.equal({ name: null, accentColor: null });

    // The keys, by prefix only; rotating them is for the server (the API refuses an admin's token).
    expect(root.querySelector('.card')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Secret sk_live_ab…',
    );
    const buttons = Array.from(root.querySelectorAll('button')).map((b) => b.textContent!.trim());
    expect(buttons).to.deep.equal(['Save settings']);
    const text = root.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Keys are rotated on your server, never in a browser');
    expect(Array.from(root.querySelectorAll('pre code')).map((c) => c.textContent)).to.deep.equal([
      'micromentor keys rotate --tenant <program id> --kind secret',
      "admin.keys.rotate({ kind: 'identity', overlapHours: 24 })",
    ]);
    expect(calls.some((c) => c.path === '/v1/admin/keys/rotate')).to.be.false;
    await expect(panel).to.be.accessible();
  });

  it('sets semantic matching, the reply window, hand-overs and reschedules; shows the server’s message under a refused one', async () => {
    let stored: ProgramSettings = settings;
    const { el: panel, calls } = await adminPanel(
      (api) => html`<mm-program-settings locale="en" .api=${api}></mm-program-settings>`,
      {
        'GET /v1/admin/settings': () => json(200, stored),
        'PATCH /v1/admin/settings': (call) => {
          const patch = call.body as ProgramSettings;
          const errors = [
            ...(patch.maxReschedules > 20
              ? [{ path: 'body.maxReschedules', message: 'Too big: expected number to be <=20' }]
              : []),
            ...(patch.branding.accentColor && !/^#[0-9a-f]{6}$/i.test(patch.branding.accentColor)
              ? [{ path: 'body.branding.accentColor', message: 'must be a hex colour such as #3355ff' }]
              : []),
          ];
          if (errors.length) return refused(errors);
          stored = { ...stored, ...patch };
          return json(200, stored);
        },
        'GET /v1/admin/keys': () => json(200, { data: [] }),
      },
    );
    await waitUntil(() => panel.shadowRoot!.querySelector('h3'), 'settings');
    const root = panel.shadowRoot!;
    expect(
      ['mentorReplyWindowHours', 'maxHandovers', 'maxReschedules'].map((n) => [
        labelOf(field(root, n)),
        field(root, n).value,
      ]),
    ).to.deep.equal([
      ['Hours before an unanswered request goes to the next mentor', '24'],
      ['Hand-overs to the next mentor, at most', '3'],
      ['Times a session may be moved, at most', '2'],
    ]);
    const semantic = field(root, 'semanticMatching');
    expect(semantic.checked).to.be.true;
    expect(semantic.closest('label')!.textContent!.trim()).to.equal('Match by meaning, not only by words');

    // Too many reschedules: the server says why, under that field, which takes the focus.
    field(root, 'maxReschedules').value = '50';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'refused');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      'Some settings are not valid (see below).',
    );
    const reschedules = field(root, 'maxReschedules');
    expect(reschedules.getAttribute('aria-invalid')).to.equal('true');
    const message = root.getElementById(reschedules.getAttribute('aria-describedby')!)!;
    expect(message.textContent).to.equal('Too big: expected number to be <=20');
    expect(root.activeElement).to.equal(reschedules);
    expect(field(root, 'maxHandovers').getAttribute('aria-invalid')).to.equal('false');
    await expect(panel).to.be.accessible();

    // A refused value of another kind (no message under it): the server's own words in the alert.
    root.querySelector<HTMLInputElement>('input[name=brandAccent]')!.value = 'blue';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('[role=alert]')!.textContent!.includes('branding'), 'detail');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(
      'The request is not valid. body.maxReschedules: Too big: expected number to be <=20; body.branding.accentColor: must be a hex colour such as #3355ff',
    );
    root.querySelector<HTMLInputElement>('input[name=brandAccent]')!.value = '';

    // Fixed: saved, the message gone.
    reschedules.value = '0';
    field(root, 'maxHandovers').value = '1';
    field(root, 'mentorReplyWindowHours').value = '12';
    semantic.click();
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Settings saved.', 'saved');
    const patch = calls.filter((c) => c.method === 'PATCH').at(-1)!.body as Record<string, unknown>;
    expect(patch).to.deep.include({
      maxReschedules: 0,
      maxHandovers: 1,
      mentorReplyWindowHours: 12,
      semanticMatching: false,
    });
    expect(stored.maxReschedules).to.equal(0);
    expect(root.querySelector('[role=alert]')).to.be.null;
    expect(root.querySelector('[aria-invalid=true]')).to.be.null;
  });

  it('says it in Spanish, readable in the dark theme', async () => {
    const { el: panel } = await adminPanel(
      (api) => html`<mm-program-settings locale="es" theme="dark" .api=${api}></mm-program-settings>`,
      {
        'GET /v1/admin/settings': () => json(200, settings),
        'GET /v1/admin/keys': () => json(200, { data: [] }),
      },
    );
    await waitUntil(() => panel.shadowRoot!.querySelector('h3'), 'settings');
    const root = panel.shadowRoot!;
    expect(labelOf(field(root, 'maxReschedules'))).to.equal(
      'Veces que se puede mover una sesión, como máximo',
    );
    expect(field(root, 'semanticMatching').closest('label')!.textContent!.trim()).to.equal(
      'Buscar por el sentido, no solo por palabras',
    );
    panel.style.background = 'var(--_bg)';
    await expect(panel).to.be.accessible();
  });
});
