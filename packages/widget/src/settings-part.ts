// The consoles' settings part (dist/settings.js): the calendar feed, the email preferences and a
// person's own data rights (download, erasure), which the mentor console and the follow-up load
// when they first show them.
import './calendar-feed/calendar-feed.js';
import './email-preferences/email-preferences.js';
import './data-rights/data-rights.js';
