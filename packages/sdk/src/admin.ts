// `@micromentor/sdk/admin`: the program's own routes (vetting, reports, settings, keys,
// analytics, exports, webhooks, email, the audit log, users' data rights, LTI platforms) on a client of their own, so that an app importing the browser
// entry for its learners never ships them. For the admin console (a user token with the `admin`
// role) and for backends (the secret key).
import type { MicromentorOptions } from './client.js';
import { Micromentor } from './micromentor.js';
import { type AdminResource, adminResource } from './resources/admin.js';
import { type AdminAuditResource, adminAuditResource } from './resources/admin-audit.js';
import { type AdminEmailsResource, adminEmailsResource } from './resources/admin-emails.js';
import {
  type AdminLtiPlatformsResource,
  type AdminLtiRegistrationLinksResource,
  adminLtiPlatformsResource,
  adminLtiRegistrationLinksResource,
} from './resources/admin-lti.js';
import { type AdminUsersResource, adminUsersResource } from './resources/admin-users.js';
import { type AdminWebhooksResource, adminWebhooksResource } from './resources/admin-webhooks.js';

export type {
  AdminExportsResource,
  AdminKeysResource,
  AdminMentorsResource,
  AdminReportsResource,
  AdminResource,
  AdminSettingsResource,
} from './resources/admin.js';
export type { AdminAuditResource } from './resources/admin-audit.js';
export type { AdminEmailsResource } from './resources/admin-emails.js';
export type { AdminLtiPlatformsResource, AdminLtiRegistrationLinksResource } from './resources/admin-lti.js';
export type { AdminUsersResource } from './resources/admin-users.js';
export type { AdminWebhooksResource } from './resources/admin-webhooks.js';

/** `Micromentor` plus `admin`: everything a program admin (or the program's backend) calls. */
export class MicromentorAdmin extends Micromentor {
  /** The program's routes: vetting, reports, settings, keys, analytics, exports, webhooks, email, audit log, LTI platforms. */
  readonly admin: AdminResource & {
    readonly webhooks: AdminWebhooksResource;
    readonly emails: AdminEmailsResource;
    readonly audit: AdminAuditResource;
    /** Finding a user, and their export and erasure on their behalf. */
    readonly users: AdminUsersResource;
    /** The LMSs (LTI 1.3 platforms) that launch the program's tool, and the values to paste into them. */
    readonly ltiPlatforms: AdminLtiPlatformsResource;
    /** Dynamic Registration links: the LMS registers itself into the program (valid one hour). */
    readonly ltiRegistrationLinks: AdminLtiRegistrationLinksResource;
  };

  constructor(options: MicromentorOptions) {
    super(options);
    this.admin = {
      ...adminResource(this),
      webhooks: adminWebhooksResource(this),
      emails: adminEmailsResource(this),
      audit: adminAuditResource(this),
      users: adminUsersResource(this),
      ltiPlatforms: adminLtiPlatformsResource(this),
      ltiRegistrationLinks: adminLtiRegistrationLinksResource(this),
    };
  }
}
