// The admin console's events (its panels dispatch them; they bubble out of `<mm-admin-console>`).
import type {
  AdminMentor,
  ProgramSettings,
  ResolvedReport,
  ResolveReportParams,
  WebhookEndpoint,
} from '@micromentor/sdk';
import type { AdminMentorsResource } from '@micromentor/sdk/admin';

/** A vetting transition: every `client.admin.mentors` method but `list`. */
export type MentorAction = Exclude<keyof AdminMentorsResource, 'list'>;

export interface MmMentorStatusChangedDetail {
  /** The mentor after the transition. */
  mentor: AdminMentor;
  action: MentorAction;
}

/** The resolved report and the mentor after it, with what the admin chose. */
export interface MmReportResolvedDetail extends ResolvedReport {
  action: ResolveReportParams['action'];
}

export interface MmSettingsSavedDetail {
  settings: ProgramSettings;
}

/** `mm-webhook-created` and `mm-webhook-secret-rotated`: the endpoint, never its secret. */
export interface MmWebhookEndpointDetail {
  endpoint: WebhookEndpoint;
}

declare global {
  interface HTMLElementEventMap {
    'mm-mentor-status-changed': CustomEvent<MmMentorStatusChangedDetail>;
    'mm-report-resolved': CustomEvent<MmReportResolvedDetail>;
    'mm-settings-saved': CustomEvent<MmSettingsSavedDetail>;
    'mm-webhook-created': CustomEvent<MmWebhookEndpointDetail>;
    'mm-webhook-secret-rotated': CustomEvent<MmWebhookEndpointDetail>;
  }
}
