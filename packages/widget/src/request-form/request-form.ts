import { define } from '../internal/define.js';
import { MmRequestForm } from './request-form.component.js';

export { MmRequestForm };
export default MmRequestForm;

define('mm-request-form', MmRequestForm);
