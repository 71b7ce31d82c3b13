import { MmConfirmation } from './confirmation.component.js';

export { MmConfirmation };
export default MmConfirmation;

if (!customElements.get('mm-confirmation')) customElements.define('mm-confirmation', MmConfirmation);
