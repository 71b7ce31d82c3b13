import { define } from '../internal/define.js';
import { MmLeaderboard } from './leaderboard.component.js';

export { MmLeaderboard };
export default MmLeaderboard;

define('mm-leaderboard', MmLeaderboard);
