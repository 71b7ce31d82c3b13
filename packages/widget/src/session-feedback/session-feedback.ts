import { MmSessionFeedback } from './session-feedback.component.js';

export { MmSessionFeedback };

if (!customElements.get('mm-session-feedback'))
  customElements.define('mm-session-feedback', MmSessionFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'mm-session-feedback': MmSessionFeedback;
  }
}
