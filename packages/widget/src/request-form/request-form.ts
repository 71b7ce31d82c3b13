import { MmRequestForm } from './request-form.component.js';

export { MmRequestForm };
export default MmRequestForm;

if (!customElements.get('mm-request-form')) customElements.define('mm-request-form', MmRequestForm);
