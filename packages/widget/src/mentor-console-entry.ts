// The mentor console's own bundle (dist/mentor-console.js), loaded by widget.js when a page
// has a <mm-mentor-console>, so learners never download it.
import './mentor-console/mentor-console.js';
