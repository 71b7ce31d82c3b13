import { define } from '../internal/define.js';
import { MmSessionFeedback } from './session-feedback.component.js';

export { MmSessionFeedback };
export default MmSessionFeedback;

define('mm-session-feedback', MmSessionFeedback);
