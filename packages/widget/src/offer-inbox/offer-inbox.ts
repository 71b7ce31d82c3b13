import { MmOfferInbox } from './offer-inbox.component.js';

export { MmOfferInbox };

if (!customElements.get('mm-offer-inbox')) customElements.define('mm-offer-inbox', MmOfferInbox);

declare global {
  interface HTMLElementTagNameMap {
    'mm-offer-inbox': MmOfferInbox;
  }
}
