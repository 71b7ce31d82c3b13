import { MmProgramSettings } from './program-settings.component.js';

export { MmProgramSettings };

if (!customElements.get('mm-program-settings'))
  customElements.define('mm-program-settings', MmProgramSettings);

declare global {
  interface HTMLElementTagNameMap {
    'mm-program-settings': MmProgramSettings;
  }
}
