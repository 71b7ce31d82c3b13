import { MmAdminConsole } from './admin-console.component.js';

export type {
  MentorAction,
  MmKeyRotatedDetail,
  MmMentorStatusChangedDetail,
  MmReportResolvedDetail,
  MmSettingsSavedDetail,
  MmWebhookEndpointDetail,
} from '../events/mm-admin-console.js';
export type { MmErrorDetail, MmErrorEvent, MmErrorStep } from '../events/mm-error.js';
export { MmAdminConsole };

if (!customElements.get('mm-admin-console')) customElements.define('mm-admin-console', MmAdminConsole);

declare global {
  interface HTMLElementTagNameMap {
    'mm-admin-console': MmAdminConsole;
  }
}
