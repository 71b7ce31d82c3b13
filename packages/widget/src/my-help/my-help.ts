import { MmMyHelp } from './my-help.component.js';

export { MmMyHelp };
export default MmMyHelp;

if (!customElements.get('mm-my-help')) customElements.define('mm-my-help', MmMyHelp);
