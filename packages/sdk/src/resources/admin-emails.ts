import { segment } from '../internal/url.js';
import type { PageList } from '../pagination.js';
import type { CallOptions, Requester } from '../request.js';
import type { AdminEmail, AdminEmailDetail, ListAdminEmailsParams } from '../types.js';
import { listOf } from './list.js';

/** The email the program sent or tried to send (secret key, or an admin's user token). */
export interface AdminEmailsResource {
  /**
   * Newest first, each with its attempt count and the last SMTP reply; `unaddressed` ones were
   * never sent (the recipient has no address). Filter by `status`, `kind` or a part of `to`.
   */
  list(params?: ListAdminEmailsParams, options?: CallOptions): PageList<AdminEmail>;
  /** One message as sent (text, HTML, the .ics invitation) with every attempt and its reply. */
  get(id: string, options?: CallOptions): Promise<AdminEmailDetail>;
}

export function adminEmailsResource(client: Requester): AdminEmailsResource {
  return {
    list: (params, options) => listOf(client, '/v1/admin/emails', params, options),
    get: (id, options) => client.request('GET', `/v1/admin/emails/${segment(id)}`, options),
  };
}
