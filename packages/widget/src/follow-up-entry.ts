// The learner's follow-up (feedback, action items, board of advisors) as its own bundle
// (dist/follow-up.js): widget.js loads it when a page, or the "My help" step, needs it.
import './follow-up/follow-up.js';
import './leaderboard/leaderboard.js';
