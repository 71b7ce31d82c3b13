import { ApiElement } from '../internal/api-element.js';
import type { AdminApi } from './admin-api.js';
import { type AdminMessages, adminMessages } from './admin-i18n.js';

/** A panel of the admin console. */
export class AdminElement extends ApiElement<AdminApi> {
  get t(): AdminMessages {
    return adminMessages(this.locale, this);
  }

  protected override get errorWords(): { generic: string; network: string } {
    return this.t.errors;
  }
}
