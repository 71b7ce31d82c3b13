import { type FollowUpMessages, followUpMessages } from '../i18n/follow-up.js';
import { ApiElement } from './api-element.js';
import type { FollowUpApi } from './follow-up-api.js';

/** A part of the learner's follow-up. */
export class FollowUpElement extends ApiElement<FollowUpApi, FollowUpMessages> {
  get t(): FollowUpMessages {
    return followUpMessages(this.locale, this);
  }
}
