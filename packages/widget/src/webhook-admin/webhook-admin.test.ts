import type { WebhookEndpoint, WebhookEndpointWithSecret } from '@micromentor/sdk';
import { expect, html, waitUntil } from '@open-wc/testing';
import type { MmWebhookEndpointDetail } from '../events/mm-admin-console.js';
import { adminPanel } from '../test-support/admin-panel.js';
import { keepThenReopen } from '../test-support/confirm-step.js';
import { json, problem } from '../test-support/fake-api.js';
import './webhook-admin.js';

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

describe('<mm-webhook-admin>', () => {
  it('adds a webhook endpoint and shows its secret once, and reports a refused URL in plain words', async () => {
    let endpoints: WebhookEndpoint[] = [];
    let refuse = true;
    const { el: panel } = await adminPanel(
      (api) => html`<mm-webhook-admin locale="en" .api=${api}></mm-webhook-admin>`,
      {
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
      },
    );
    await waitUntil(() => panel.shadowRoot!.querySelector('h3'), 'webhooks');
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
    const { el: panel, calls } = await adminPanel(
      (api) => html`<mm-webhook-admin locale="en" .api=${api}></mm-webhook-admin>`,
      {
        'GET /v1/admin/webhooks': () => json(200, { data: [endpoint], nextCursor: null }),
        'POST /v1/admin/webhooks/wh_1/rotate-secret': () =>
          json(200, {
            ...endpoint,
            previousSecretExpiresAt: until,
            secret: 'whsec_bmV3c2VjcmV0',
          } satisfies WebhookEndpointWithSecret),
      },
    );
    await waitUntil(() => panel.shadowRoot!.querySelector('h3'), 'webhooks');
    const root = panel.shadowRoot!;
    let rotated: CustomEvent<MmWebhookEndpointDetail> | undefined;
    panel.addEventListener('mm-webhook-secret-rotated', (e) => (rotated = e));
    await waitUntil(() => root.querySelector('li h4'));
    const rotate = Array.from(root.querySelectorAll('button')).find(
      (b) => b.textContent!.trim() === 'Rotate secret',
    )!;
    // Rotating asks first, naming the endpoint; Escape keeps the secret and focus on its button.
    const rotations = () => calls.filter((c) => c.path === '/v1/admin/webhooks/wh_1/rotate-secret');
    const dialog = await keepThenReopen(root, rotate, () => panel.updateComplete, rotations, {
      opened(open) {
        expect(open.textContent).to.contain('Rotate the signing secret of https://hooks.example/mm?');
        expect(root.activeElement?.textContent).to.equal('Keep the current secret');
      },
    });
    const confirm = dialog.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!;
    expect(confirm.textContent).to.equal('Rotate secret');
    confirm.click();
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

  it('offers every event type the server has, all ticked, and subscribes the endpoint to the ones left ticked', async () => {
    const { el: panel, calls } = await adminPanel(
      (api) => html`<mm-webhook-admin locale="en" .api=${api}></mm-webhook-admin>`,
      {
        'GET /v1/admin/webhooks': () => json(200, { data: [], nextCursor: null }),
        'POST /v1/admin/webhooks': (call) => {
          const body = call.body as Pick<WebhookEndpoint, 'url' | 'events'>;
          return json(201, { ...webhookEndpoint({ id: 'wh_1', ...body }), secret: 'whsec_eA==' });
        },
      },
    );
    await waitUntil(() => panel.shadowRoot!.querySelector('h3'), 'webhooks');
    const root = panel.shadowRoot!;
    const boxes = Array.from(root.querySelectorAll<HTMLInputElement>('input[name=events]'));
    // The server's WebhookEventType, in its order (domain/webhooks/event-types.ts).
    expect(boxes.map((b) => b.value)).to.deep.equal([
      'request.created',
      'request.matched',
      'request.expired',
      'request.reassigned',
      'request.queued',
      'request.taken',
      'request.match_found',
      'booking.created',
      'booking.cancelled',
      'booking.rescheduled',
      'booking.completed',
      'booking.reminder',
      'booking.no_show',
      'feedback.submitted',
      'mentor.applied',
      'mentor.approved',
    ]);
    expect(boxes.every((b) => b.checked)).to.be.true;
    const created: MmWebhookEndpointDetail[] = [];
    panel.addEventListener('mm-webhook-created', (e) => created.push(e.detail));
    for (const box of boxes.filter((b) => !b.value.startsWith('booking.'))) box.checked = false;
    root.querySelector<HTMLInputElement>('input[name=url]')!.value = ' https://hooks.example/mm ';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => created.length === 1, 'created');
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      url: 'https://hooks.example/mm',
      events: [
        'booking.created',
        'booking.cancelled',
        'booking.rescheduled',
        'booking.completed',
        'booking.reminder',
        'booking.no_show',
      ],
    });
    expect(created[0]!.endpoint).to.not.have.property('secret');
  });
});
