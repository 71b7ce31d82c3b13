// The admin console's LTI part (dist/lti.js): the LMS (LTI 1.3) section — the values to paste into
// an LMS, the registered platforms and the per-LMS guides in three languages — loaded the first
// time the console shows its tab, so the console's own page does not carry it.
import './lti-admin/lti-admin.js';
