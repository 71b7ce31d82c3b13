import { define } from '../internal/define.js';
import { MmAdvisorBoard } from './advisor-board.component.js';

export { MmAdvisorBoard };
export default MmAdvisorBoard;

define('mm-advisor-board', MmAdvisorBoard);
