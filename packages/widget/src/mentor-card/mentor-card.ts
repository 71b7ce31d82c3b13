import { MmMentorCard } from './mentor-card.component.js';

export { MmMentorCard };
export default MmMentorCard;

if (!customElements.get('mm-mentor-card')) customElements.define('mm-mentor-card', MmMentorCard);
