import { MmMentorProfileForm } from './mentor-profile-form.component.js';

export { MmMentorProfileForm };

if (!customElements.get('mm-mentor-profile-form'))
  customElements.define('mm-mentor-profile-form', MmMentorProfileForm);

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-profile-form': MmMentorProfileForm;
  }
}
