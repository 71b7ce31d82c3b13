import { MmAskExpert } from './ask-expert.component.js';

export { MmAskExpert };
export default MmAskExpert;

// Guarded so that loading the widget twice (script tag + ESM import) is harmless.
if (!customElements.get('mm-ask-expert')) customElements.define('mm-ask-expert', MmAskExpert);
