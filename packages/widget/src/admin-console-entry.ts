// The admin console's own bundle (dist/admin-console.js), loaded by widget.js when a page has
// a <mm-admin-console>, so learners and mentors never download it.
import './admin-console/admin-console.js';
