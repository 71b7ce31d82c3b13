import type { WebhookDelivery, WebhookEndpoint, WebhookEventType } from '@micromentor/sdk';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminElement } from '../internal/admin-console-element.js';
import { confirmDialog, confirmStyles, showConfirm } from '../internal/confirm.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/**
 * Every event an endpoint can subscribe to, in the order the form lists them. A record over the
 * server's `WebhookEventType` (through the SDK), so the compiler refuses a list that misses one
 * the server added or names one it dropped.
 */
export const WEBHOOK_EVENTS = Object.keys({
  'request.created': true,
  'request.matched': true,
  'request.expired': true,
  'request.reassigned': true,
  'request.queued': true,
  'request.taken': true,
  'request.match_found': true,
  'booking.created': true,
  'booking.cancelled': true,
  'booking.rescheduled': true,
  'booking.completed': true,
  'booking.reminder': true,
  'booking.no_show': true,
  'feedback.submitted': true,
  'mentor.applied': true,
  'mentor.approved': true,
} satisfies Record<WebhookEventType, true>) as readonly WebhookEventType[];

/**
 * @tagname mm-webhook-admin
 * @summary Webhook endpoints: add one (its signing secret shown once), rotate its secret after a
 * confirm step (the old one keeps signing for the server's overlap), see each endpoint's delivery
 * log with every attempt, replay a delivery.
 *
 * @event mm-webhook-created - `detail: { endpoint }` (without the secret).
 * @event mm-webhook-secret-rotated - `detail: { endpoint }` (without the secret).
 * @csspart button - Every button.
 * @csspart confirm-button - The confirm step's "Rotate secret" (the one that rotates).
 */
export class MmWebhookAdmin extends AdminElement {
  static override styles = [
    baseStyles,
    consoleStyles,
    confirmStyles,
    // Event names are options, not field labels: regular weight, broken after the dot if at all.
    css`
      label.event {
        font-weight: 400;
      }
    `,
  ];

  @state() private endpoints: WebhookEndpoint[] = [];
  @state() private open: string | null = null;
  @state() private deliveries: WebhookDelivery[] = [];
  @state() private secret = '';
  @state() private notice = '';
  /** The endpoint whose secret rotation waits for the admin's confirmation. */
  @state() private rotating: WebhookEndpoint | null = null;
  protected override loading = true;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.endpoints = (await api.webhooks()).data;
    });
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const events = data.getAll('events').map(String) as WebhookEventType[];
    try {
      const { secret = '', ...endpoint } = await this.api.createWebhook(
        String(data.get('url') ?? '').trim(),
        events,
      );
      this.secret = secret;
      this.error = '';
      form.reset();
      this.emit('mm-webhook-created', { endpoint });
      await this.refresh();
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  /** "Rotate secret": first the confirm step. */
  async #ask(endpoint: WebhookEndpoint): Promise<void> {
    this.rotating = endpoint;
    await this.updateComplete;
    showConfirm(this.renderRoot);
  }

  async #rotate(ok: boolean): Promise<void> {
    const id = this.rotating?.id;
    this.rotating = null;
    if (!ok || !id) return;
    await this.act(async (api) => {
      const { secret, ...endpoint } = await api.rotateWebhookSecret(id);
      this.secret = secret;
      this.notice = endpoint.previousSecretExpiresAt
        ? this.t.webhooks.oldSecretUntil(
            new Date(endpoint.previousSecretExpiresAt).toLocaleString(this.locale || undefined),
          )
        : '';
      this.error = '';
      this.emit('mm-webhook-secret-rotated', { endpoint });
    });
  }

  async #toggle(id: string): Promise<void> {
    if (this.open === id) {
      this.open = null;
      return;
    }
    this.open = id;
    this.deliveries = [];
    await this.act(async (api) => {
      this.deliveries = (await api.deliveries(id)).data;
    });
  }

  #replay(endpointId: string, deliveryId: string): Promise<void> {
    return this.act(async (api) => {
      await api.replay(endpointId, deliveryId);
      this.notice = this.t.webhooks.replayed;
    });
  }

  override render() {
    const t = this.t.webhooks;
    if (this.loading) return this.loadingCards();
    return html`<h3>${t.heading}</h3>
      ${this.alert()}
      <p role="status" class="ok">
        ${this.secret ? html`${t.secret} <code class="secret">${this.secret}</code> ` : nothing}${this.notice}
      </p>
      ${this.endpoints.length === 0 ? html`<p>${t.empty}</p>` : nothing}
      <ul class="cards">
        ${this.endpoints.map(
          (e) => html`<li class="card">
            <h4 class="pre">${e.url}</h4>
            <p class="meta">${e.enabled ? t.enabled : t.disabled} · ${e.events.join(', ')}</p>
            <button part="button" aria-expanded=${this.open === e.id ? 'true' : 'false'} @click=${() => this.#toggle(e.id)}>
              ${t.deliveries}
            </button>
            <button part="button" @click=${() => this.#ask(e)}>${t.rotate}</button>
            ${this.open === e.id ? this.#log(e.id) : nothing}
          </li>`,
        )}
      </ul>
      <form @submit=${this.#create}>
        <label>${t.url}<input type="url" name="url" required placeholder="https://" /></label>
        <fieldset>
          <legend>${t.events}</legend>
          <div class="grid">
            ${WEBHOOK_EVENTS.map(
              (ev) =>
                html`<label class="row event"
                  ><input type="checkbox" name="events" value=${ev} checked /><span
                    >${ev.split('.')[0]}.<wbr />${ev.split('.').slice(1).join('.')}</span
                  ></label
                >`,
            )}
          </div>
        </fieldset>
        <button part="button" class="primary">${t.add}</button>
      </form>
      ${
        this.rotating
          ? confirmDialog(t.rotateAsk(this.rotating.url), t.rotate, t.keepSecret, (ok) => this.#rotate(ok))
          : nothing
      }`;
  }

  #log(endpointId: string) {
    const t = this.t.webhooks;
    if (this.deliveries.length === 0) return html`<p class="meta">${t.noDeliveries}</p>`;
    return html`<table>
      <tbody>
        ${this.deliveries.map((d) => {
          const last = d.attempts.at(-1);
          return html`<tr>
            <th scope="row">${d.eventType}</th>
            <td>${d.status}</td>
            <td>${t.attempts(d.attempts.length)}${last ? ` · ${last.statusCode ?? last.error ?? ''}` : ''}</td>
            <td><button part="button" @click=${() => this.#replay(endpointId, d.id)}>${t.replay}</button></td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-webhook-admin': MmWebhookAdmin;
  }
}
