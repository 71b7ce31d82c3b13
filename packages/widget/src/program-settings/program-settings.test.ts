import type { ApiKey, ProgramSettings } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import { adminPanel } from '../test-support/admin-panel.js';
import { json } from '../test-support/fake-api.js';
import './program-settings.js';

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
});
