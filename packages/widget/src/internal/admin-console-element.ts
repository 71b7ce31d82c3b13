import { type AdminMessages, adminMessages } from '../i18n/admin-console.js';
import type { AdminApi } from './admin-console-api.js';
import { ApiElement } from './api-element.js';

/** A panel of the admin console. */
export class AdminElement extends ApiElement<AdminApi, AdminMessages> {
  get t(): AdminMessages {
    return adminMessages(this.locale, this);
  }
}
