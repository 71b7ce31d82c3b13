import { define } from '../internal/define.js';
import { MmSessionList } from './session-list.component.js';

export { MmSessionList };
export default MmSessionList;

define('mm-session-list', MmSessionList);
