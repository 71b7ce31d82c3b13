import { MmFollowUp } from './follow-up.component.js';

export { MmFollowUp };

if (!customElements.get('mm-follow-up')) customElements.define('mm-follow-up', MmFollowUp);

declare global {
  interface HTMLElementTagNameMap {
    'mm-follow-up': MmFollowUp;
  }
}
