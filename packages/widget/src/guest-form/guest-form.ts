import { define } from '../internal/define.js';
import { MmGuestForm } from './guest-form.component.js';

export { MmGuestForm };
export default MmGuestForm;

define('mm-guest-form', MmGuestForm);
