// The admin console's part (dist/admin-tools.js): the audit log and a user's data (find, download,
// erase on their behalf), loaded the first time the console shows the tab that holds them.
import './audit-log/audit-log.js';
import './data-rights/user-data.js';
