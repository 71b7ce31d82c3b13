import { define } from '../internal/define.js';
import { MmProgramAnalytics } from './program-analytics.component.js';

export { MmProgramAnalytics };
export default MmProgramAnalytics;

define('mm-program-analytics', MmProgramAnalytics);
