import { MmAvailabilityEditor } from './availability-editor.component.js';

export { MmAvailabilityEditor };

if (!customElements.get('mm-availability-editor'))
  customElements.define('mm-availability-editor', MmAvailabilityEditor);

declare global {
  interface HTMLElementTagNameMap {
    'mm-availability-editor': MmAvailabilityEditor;
  }
}
