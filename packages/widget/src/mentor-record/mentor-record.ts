import { MmMentorRecord } from './mentor-record.component.js';

export { MmMentorRecord };

if (!customElements.get('mm-mentor-record')) customElements.define('mm-mentor-record', MmMentorRecord);

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-record': MmMentorRecord;
  }
}
