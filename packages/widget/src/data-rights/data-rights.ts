import { define } from '../internal/define.js';
import { MmDataRights } from './data-rights.component.js';
import { MmUserData } from './user-data.component.js';

define('mm-data-rights', MmDataRights);
define('mm-user-data', MmUserData);

export { MmDataRights, MmUserData };
