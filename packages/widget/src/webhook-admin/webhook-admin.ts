import { MmWebhookAdmin } from './webhook-admin.component.js';

export { MmWebhookAdmin };

if (!customElements.get('mm-webhook-admin')) customElements.define('mm-webhook-admin', MmWebhookAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'mm-webhook-admin': MmWebhookAdmin;
  }
}
