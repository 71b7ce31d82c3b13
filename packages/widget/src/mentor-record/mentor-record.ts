import { define } from '../internal/define.js';
import { MmMentorRecord } from './mentor-record.component.js';

export { MmMentorRecord };
export default MmMentorRecord;

define('mm-mentor-record', MmMentorRecord);
