import { define } from '../internal/define.js';
import { MmActionItems } from './action-items.component.js';

export { MmActionItems };
export default MmActionItems;

define('mm-action-items', MmActionItems);
