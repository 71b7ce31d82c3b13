import { define } from '../internal/define.js';
import { MmAskExpert } from './ask-expert.component.js';

export { MmAskExpert };
export default MmAskExpert;

define('mm-ask-expert', MmAskExpert);
