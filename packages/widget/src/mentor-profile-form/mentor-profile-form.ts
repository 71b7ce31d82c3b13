import { define } from '../internal/define.js';
import { MmMentorProfileForm } from './mentor-profile-form.component.js';

export { MmMentorProfileForm };
export default MmMentorProfileForm;

define('mm-mentor-profile-form', MmMentorProfileForm);
