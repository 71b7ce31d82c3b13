import { define } from '../internal/define.js';
import { MmNoShow } from './no-show.component.js';

export { MmNoShow };
export default MmNoShow;

define('mm-no-show', MmNoShow);
