import { MmAdvisorBoard } from './advisor-board.component.js';

export { MmAdvisorBoard };

if (!customElements.get('mm-advisor-board')) customElements.define('mm-advisor-board', MmAdvisorBoard);

declare global {
  interface HTMLElementTagNameMap {
    'mm-advisor-board': MmAdvisorBoard;
  }
}
