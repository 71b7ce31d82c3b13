import { define } from '../internal/define.js';
import { MmAuditLog } from './audit-log.component.js';

export { MmAuditLog };
export default MmAuditLog;

define('mm-audit-log', MmAuditLog);
