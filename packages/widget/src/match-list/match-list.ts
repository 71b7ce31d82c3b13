import { MmMatchList } from './match-list.component.js';

export { MmMatchList };
export default MmMatchList;

if (!customElements.get('mm-match-list')) customElements.define('mm-match-list', MmMatchList);
