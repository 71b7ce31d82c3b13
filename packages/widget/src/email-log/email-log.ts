import { define } from '../internal/define.js';
import { MmEmailLog } from './email-log.component.js';

export { MmEmailLog };
export default MmEmailLog;

define('mm-email-log', MmEmailLog);
