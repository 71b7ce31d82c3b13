import { define } from '../internal/define.js';
import { MmThreadView } from './thread-view.component.js';

export { MmThreadView };
export default MmThreadView;

define('mm-thread-view', MmThreadView);
