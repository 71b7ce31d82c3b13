import { MmMentorReview } from './mentor-review.component.js';

export { MmMentorReview };

if (!customElements.get('mm-mentor-review')) customElements.define('mm-mentor-review', MmMentorReview);

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-review': MmMentorReview;
  }
}
