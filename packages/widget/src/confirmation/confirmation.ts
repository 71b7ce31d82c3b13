import { define } from '../internal/define.js';
import { MmConfirmation } from './confirmation.component.js';

export { MmConfirmation };
export default MmConfirmation;

define('mm-confirmation', MmConfirmation);
