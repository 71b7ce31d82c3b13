import { define } from '../internal/define.js';
import { MmEmailPreferences } from './email-preferences.component.js';

define('mm-email-preferences', MmEmailPreferences);

export { MmEmailPreferences };
