import { define } from '../internal/define.js';
import { MmSessionReport } from './session-report.component.js';

export { MmSessionReport };
export default MmSessionReport;

define('mm-session-report', MmSessionReport);
