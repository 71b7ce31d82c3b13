import { define } from '../internal/define.js';
import { MmAdminConsole } from './admin-console.component.js';

export type {
  MentorAction,
  MmMentorStatusChangedDetail,
  MmReportResolvedDetail,
  MmSettingsSavedDetail,
  MmWebhookEndpointDetail,
} from '../events/mm-admin-console.js';
export type { MmErrorDetail, MmErrorEvent, MmErrorStep } from '../events/mm-error.js';
export { MmAdminConsole };
export default MmAdminConsole;

define('mm-admin-console', MmAdminConsole);
