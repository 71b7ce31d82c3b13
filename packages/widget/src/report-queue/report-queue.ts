import { define } from '../internal/define.js';
import { MmReportQueue } from './report-queue.component.js';

export { MmReportQueue };
export default MmReportQueue;

define('mm-report-queue', MmReportQueue);
