import type { ApiKey, ProgramSettings, RotatedKey } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import { adminPanel } from '../test-support/admin-panel.js';
import { keepThenReopen } from '../test-support/confirm-step.js';
import { json } from '../test-support/fake-api.js';
import './program-settings.js';

describe('<mm-program-settings>', () => {
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
      reminderMinutesBefore: [1440, 10],
      emailDigestMinutes: 15,
      retentionMonths: null,
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

    const rotate = Array.from(root.querySelectorAll('button')).find((b) =>
      b.textContent!.includes('Rotate Secret'),
    )!;
    // Rotating asks first, saying what will happen; Escape keeps the key and focus on its button.
    const rotations = () => calls.filter((c) => c.path === '/v1/admin/keys/rotate');
    const dialog = await keepThenReopen(root, rotate, () => panel.updateComplete, rotations, {
      async opened(open) {
        expect(open.textContent!.replace(/\s+/g, ' ')).to.contain(
          'Rotate the Secret key? The new key is shown once; the current one keeps working for 24 hours, then stops.',
        );
        expect(root.activeElement?.textContent).to.equal('Keep the current key');
        await expect(panel).to.be.accessible();
      },
    });
    dialog.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => root.querySelector('code.secret'));
    expect(root.querySelector('code.secret')!.textContent).to.equal('sk_live_NEWKEY123');
    expect(calls.find((c) => c.path === '/v1/admin/keys/rotate')!.body).to.deep.equal({
      kind: 'secret',
      overlapHours: 24,
    });
    await expect(panel).to.be.accessible();
  });
});
