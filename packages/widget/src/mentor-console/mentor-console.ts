import { MmMentorConsole } from './mentor-console.component.js';

export type { LiveEvent, Subscribe } from './mentor-console.component.js';
export { MmMentorConsole };

if (!customElements.get('mm-mentor-console')) customElements.define('mm-mentor-console', MmMentorConsole);

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-console': MmMentorConsole;
  }
}
