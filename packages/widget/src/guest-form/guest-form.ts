import { MmGuestForm } from './guest-form.component.js';

export { MmGuestForm };
export default MmGuestForm;

if (!customElements.get('mm-guest-form')) customElements.define('mm-guest-form', MmGuestForm);
