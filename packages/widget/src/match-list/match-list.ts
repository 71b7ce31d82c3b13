import { define } from '../internal/define.js';
import { MmMatchList } from './match-list.component.js';

export { MmMatchList };
export default MmMatchList;

define('mm-match-list', MmMatchList);
