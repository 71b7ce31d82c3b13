import { define } from '../internal/define.js';
import { MmProgramQueue } from './program-queue.component.js';

export { MmProgramQueue };
export default MmProgramQueue;

define('mm-program-queue', MmProgramQueue);
