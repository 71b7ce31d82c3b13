import { define } from '../internal/define.js';
import { MmMentorCard } from './mentor-card.component.js';

export { MmMentorCard };
export default MmMentorCard;

define('mm-mentor-card', MmMentorCard);
