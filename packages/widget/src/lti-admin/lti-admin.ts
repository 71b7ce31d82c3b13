import { define } from '../internal/define.js';
import { MmLtiAdmin } from './lti-admin.component.js';

export { MmLtiAdmin };
export default MmLtiAdmin;

define('mm-lti-admin', MmLtiAdmin);
