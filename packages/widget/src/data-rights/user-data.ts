import { define } from '../internal/define.js';
import { MmUserData } from './user-data.component.js';

define('mm-user-data', MmUserData);

export { MmUserData };
