// The calendar feed's calls (<mm-calendar-feed>), shared by the mentor console's and the
// follow-up's calls on the SDK.
import type { CalendarFeed, Micromentor } from '@micromentor/sdk';

export function calendarFeedApi(client: Micromentor) {
  return {
    calendarFeed: (): Promise<CalendarFeed> => client.me.calendarFeed(),
    /** Turns the feed on, or makes a new link (the old one stops working). */
    renewCalendarFeed: (): Promise<CalendarFeed> => client.me.renewCalendarFeed(),
    stopCalendarFeed: (): Promise<void> => client.me.stopCalendarFeed(),
  };
}

export type CalendarFeedApi = ReturnType<typeof calendarFeedApi>;
