import { define } from '../internal/define.js';
import { MmAvailabilityEditor } from './availability-editor.component.js';

export { MmAvailabilityEditor };
export default MmAvailabilityEditor;

define('mm-availability-editor', MmAvailabilityEditor);
