import { define } from '../internal/define.js';
import { MmNextTopics } from './next-topics.component.js';

export { MmNextTopics };
export default MmNextTopics;

define('mm-next-topics', MmNextTopics);
