import { define } from '../internal/define.js';
import { MmWebhookAdmin } from './webhook-admin.component.js';

export { MmWebhookAdmin };
export default MmWebhookAdmin;

define('mm-webhook-admin', MmWebhookAdmin);
