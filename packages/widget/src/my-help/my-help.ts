import { define } from '../internal/define.js';
import { MmMyHelp } from './my-help.component.js';

export { MmMyHelp };
export default MmMyHelp;

define('mm-my-help', MmMyHelp);
