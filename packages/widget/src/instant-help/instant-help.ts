import { define } from '../internal/define.js';
import { MmInstantHelp } from './instant-help.component.js';

export { MmInstantHelp };
export default MmInstantHelp;

define('mm-instant-help', MmInstantHelp);
