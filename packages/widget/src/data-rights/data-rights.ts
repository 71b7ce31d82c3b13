import { define } from '../internal/define.js';
import { MmDataRights } from './data-rights.component.js';

define('mm-data-rights', MmDataRights);

export { MmDataRights };
