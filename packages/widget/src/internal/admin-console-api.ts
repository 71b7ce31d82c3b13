// What the admin console needs from the API, in one place: each call is the SDK's typed method
// (`client.admin.*`), whose types come from the server's schemas. This module only names the
// calls the console makes and the fixed arguments it makes them with.
import type {
  CreateLtiPlatformParams,
  ExportDataset,
  ListAdminEmailsParams,
  ListAdminMentorsParams,
  ListAuditParams,
  ListReportsParams,
  LtiToolConfiguration,
  ResolveReportParams,
  UpdateLtiPlatformParams,
  UpdateProgramSettingsParams,
  WebhookEndpoint,
} from '@micromentor/sdk';
import type { MicromentorAdmin } from '@micromentor/sdk/admin';
import type { MentorAction } from '../events/mm-admin-console.js';

export type { MentorAction };

/** Rows per page in the admin lists. */
export const PAGE_SIZE = 20;

export function adminApi(client: MicromentorAdmin) {
  const {
    mentors,
    reports,
    settings,
    keys,
    webhooks,
    exports,
    emails,
    audit,
    ltiPlatforms,
    ltiRegistrationLinks,
  } = client.admin;
  return {
    me: () => client.me.get(),
    /** One page of mentors: a status (or `any`), an optional search and skill, a cursor from the last page. */
    mentors: (query: Pick<ListAdminMentorsParams, 'status' | 'q' | 'skill' | 'cursor'>) =>
      mentors.list({ ...query, limit: PAGE_SIZE }),
    /** `reason` goes only with the transitions that take one (reject, pause, suspend). */
    act: (id: string, action: MentorAction, reason: string) =>
      action === 'approve' || action === 'reinstate' ? mentors[action](id) : mentors[action](id, { reason }),
    /** One page of open reports, optionally of one reason. */
    reports: (query: Pick<ListReportsParams, 'reason' | 'cursor'>) =>
      reports.list({ ...query, status: 'open', limit: PAGE_SIZE }),
    resolveReport: (id: string, action: ResolveReportParams['action'], note: string) =>
      reports.resolve(id, { action, note }),
    settings: () => settings.get(),
    saveSettings: (patch: UpdateProgramSettingsParams) => settings.update(patch),
    keys: () => keys.list(),
    webhooks: () => webhooks.list(),
    createWebhook: (url: string, events: WebhookEndpoint['events']) => webhooks.create({ url, events }),
    rotateWebhookSecret: (id: string) => webhooks.rotateSecret(id),
    deliveries: (id: string) => webhooks.deliveries(id, { limit: 50 }),
    replay: (id: string, deliveryId: string) => webhooks.replay(id, deliveryId),
    analytics: (from: string, to: string, bucket: 'day' | 'week') =>
      client.admin.analytics({ from, to, bucket }),
    exportCsv: (dataset: ExportDataset, from: string, to: string) => exports.csv(dataset, { from, to }),
    /** One page of the program's email, newest first, optionally of one status. */
    emails: (query: Pick<ListAdminEmailsParams, 'status' | 'cursor'>) =>
      emails.list({ ...query, limit: PAGE_SIZE }),
    /** One message with every attempt to send it and the SMTP server's replies. */
    email: (id: string) => emails.get(id),
    /** One page of the audit log, newest first (`mm-audit-log`, in the settings part). */
    audit: (query: Pick<ListAuditParams, 'cursor'>) => audit.list({ ...query, limit: PAGE_SIZE }),
    /** The whole audit log as one file. */
    exportAudit: (format: 'csv' | 'jsonl') => audit.export({ format }),
    /** The LMSs that launch the program's tool (`mm-lti-admin`, in the LTI part). */
    ltiPlatforms: () => ltiPlatforms.list(),
    createLtiPlatform: (params: CreateLtiPlatformParams) => ltiPlatforms.create(params),
    updateLtiPlatform: (id: string, params: UpdateLtiPlatformParams) => ltiPlatforms.update(id, params),
    deleteLtiPlatform: (id: string) => ltiPlatforms.delete(id),
    /** A Dynamic Registration link for this program (valid one hour), for an LMS that registers itself. */
    ltiRegistrationLink: () => ltiRegistrationLinks.create(),
    /**
     * The tool's URLs on the API this console talks to, for before the first platform (whose
     * `tool` the server answers with, from its public URL, once there is one).
     */
    ltiTool: (): LtiToolConfiguration => ({
      loginUrl: client.url('/lti/login'),
      launchUrl: client.url('/lti/launch'),
      deepLinkUrl: client.url('/lti/launch'),
      jwksUrl: client.url('/lti/jwks'),
      registrationUrl: client.url('/lti/register'),
    }),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
