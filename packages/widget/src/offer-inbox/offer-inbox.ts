import { define } from '../internal/define.js';
import { MmOfferInbox } from './offer-inbox.component.js';

export { MmOfferInbox };
export default MmOfferInbox;

define('mm-offer-inbox', MmOfferInbox);
