/**
 * Types only (no code): React 19's JSX for the widget's custom elements. Bring it into a
 * React + TypeScript project once, e.g. in a `.d.ts` or the file that renders them:
 *
 * ```ts
 * import type {} from '@micromentor/widget/react';
 * ```
 *
 * Then `<mm-ask-expert topic="sql-joins" course-id="sql-101" onmm-booking-created={…} />`
 * type-checks: attributes by their HTML names (React 19 sets an unknown prop as an attribute
 * until the element is defined, so `course-id`, not `courseId`), `on<event-name>` handlers with
 * the event's own type (React 19 adds them with `addEventListener`), `ref` as the element class.
 * Object-valued properties (`tokenProvider`, `client`) are set as properties once the element
 * is defined. Needs `@types/react` 19.
 */
import type { Micromentor, MicromentorCore, UserTokenProvider } from '@micromentor/sdk';
import type { MicromentorAdmin } from '@micromentor/sdk/admin';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MmAdminConsole } from './admin-console/admin-console.js';
// The guest form's event is declared in its own module, which a program checking the widget's
// source through this file would otherwise miss.
import type {} from './events/mm-guest-ready.js';
import type { MmFollowUp } from './follow-up/follow-up.js';
import type { MmAskExpert } from './index.js';
import type { MmMentorConsole } from './mentor-console/mentor-console.js';

/** The event an element dispatches under `name`: the typed one when the widget declares it. */
type EventOf<Name extends string> = Name extends keyof HTMLElementEventMap
  ? HTMLElementEventMap[Name]
  : CustomEvent<unknown>;

/** `on<event-name>` handler props, as React 19 wires them on custom elements. */
export type MmEventProps<Names extends string> = {
  [Name in Names as `on${Name}`]?: (event: EventOf<Name>) => void;
};

/** What every widget element accepts: the connection attributes and React's own props. */
export type MmElementProps<Element extends HTMLElement> = DetailedHTMLProps<
  HTMLAttributes<Element>,
  Element
> & {
  /** The tenant's publishable key (`pk_…`). The script tag's `data-key` sets it for you. */
  'publishable-key'?: string;
  /** API origin; the script tag defaults it to its own origin. */
  'api-base'?: string;
  /** A short-lived user token signed by the host's backend. */
  'user-token'?: string;
  /** Renews the user token (an async function returning a fresh one). */
  tokenProvider?: UserTokenProvider | undefined;
  /** `light`, `dark` or `auto`. */
  theme?: string;
  /** `en`, `es` or `fr`; empty: the page's `lang`, then the browser's. */
  locale?: string;
};

export type MmAskExpertProps = MmElementProps<MmAskExpert> &
  MmEventProps<
    | 'mm-open'
    | 'mm-close'
    | 'mm-request-created'
    | 'mm-booking-created'
    | 'mm-booking-cancelled'
    | 'mm-thread-created'
    | 'mm-error'
  > & {
    /** What the learner is working on (e.g. `sql-joins`). */
    topic?: string;
    'course-id'?: string;
    'lesson-id'?: string;
    /** What learners read for the topic, course and lesson (the ids are never shown). */
    'topic-title'?: string;
    'course-title'?: string;
    'lesson-title'?: string;
    /** Pins the launcher to a corner of the viewport. */
    floating?: boolean;
    /** `bottom-right`, `bottom-left`, `top-right` or `top-left`. */
    position?: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | '';
    client?: MicromentorCore | null;
  };

export type MmMentorConsoleProps = MmElementProps<MmMentorConsole> &
  MmEventProps<
    | 'mm-offer-accepted'
    | 'mm-offer-declined'
    | 'mm-booking-cancelled'
    | 'mm-booking-rescheduled'
    | 'mm-notes-saved'
    | 'mm-no-show-recorded'
    | 'mm-message-sent'
    | 'mm-availability-saved'
    | 'mm-mentor-applied'
    | 'mm-profile-saved'
    | 'mm-record-downloaded'
    | 'mm-error'
  > & { client?: Micromentor | null };

export type MmAdminConsoleProps = MmElementProps<MmAdminConsole> &
  MmEventProps<
    | 'mm-mentor-status-changed'
    | 'mm-report-resolved'
    | 'mm-settings-saved'
    | 'mm-webhook-created'
    | 'mm-webhook-secret-rotated'
    | 'mm-error'
  > & { client?: MicromentorAdmin | null };

export type MmFollowUpProps = MmElementProps<MmFollowUp> &
  MmEventProps<
    | 'mm-feedback-submitted'
    | 'mm-action-item-toggled'
    | 'mm-booking-created'
    | 'mm-board-changed'
    | 'mm-report-submitted'
    | 'mm-instant-matched'
    | 'mm-instant-expired'
  > & {
    /** An instant-help request to follow until a mentor accepts it or it expires. */
    'request-id'?: string;
    client?: Micromentor | null;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'mm-ask-expert': MmAskExpertProps;
      'mm-mentor-console': MmMentorConsoleProps;
      'mm-admin-console': MmAdminConsoleProps;
      'mm-follow-up': MmFollowUpProps;
    }
  }
}
