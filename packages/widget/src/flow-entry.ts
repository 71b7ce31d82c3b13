// The learner flow (dist/ask-expert.<hash>.js, an ES module): <mm-ask-expert> and every step it
// shows. widget.js imports it on idle, on hover or focus of the launcher, or on click.
import './ask-expert/ask-expert.js';
