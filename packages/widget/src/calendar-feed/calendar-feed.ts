import { define } from '../internal/define.js';
import { MmCalendarFeed } from './calendar-feed.component.js';

export { MmCalendarFeed };
export default MmCalendarFeed;

define('mm-calendar-feed', MmCalendarFeed);
