import { type AdminMessages, adminMessages } from '../i18n/admin-console.js';
import type { AdminApi } from './admin-console-api.js';
import { ApiElement } from './api-element.js';

/** A panel of the admin console. */
export class AdminElement extends ApiElement<AdminApi> {
  get t(): AdminMessages {
    return adminMessages(this.locale, this);
  }

  protected override get errorWords(): { generic: string; network: string } {
    return this.t.errors;
  }
}
