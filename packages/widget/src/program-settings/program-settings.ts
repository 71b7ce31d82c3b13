import { define } from '../internal/define.js';
import { MmProgramSettings } from './program-settings.component.js';

export { MmProgramSettings };
export default MmProgramSettings;

define('mm-program-settings', MmProgramSettings);
