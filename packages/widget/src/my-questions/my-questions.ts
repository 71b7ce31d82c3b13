import { define } from '../internal/define.js';
import { MmMyQuestions } from './my-questions.component.js';

export { MmMyQuestions };
export default MmMyQuestions;

define('mm-my-questions', MmMyQuestions);
