import { define } from '../internal/define.js';
import { MmMentorReview } from './mentor-review.component.js';

export { MmMentorReview };
export default MmMentorReview;

define('mm-mentor-review', MmMentorReview);
