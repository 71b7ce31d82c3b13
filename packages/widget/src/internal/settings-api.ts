// The calls of the consoles' settings part (<mm-calendar-feed>, <mm-email-preferences>), shared
// by the mentor console's and the follow-up's calls on the SDK.
import type {
  CalendarFeed,
  EmailPreferences,
  Micromentor,
  UpdateEmailPreferencesParams,
} from '@micromentor/sdk';

export function settingsApi(client: Micromentor) {
  return {
    calendarFeed: (): Promise<CalendarFeed> => client.me.calendarFeed(),
    /** Turns the feed on, or makes a new link (the old one stops working). */
    renewCalendarFeed: (): Promise<CalendarFeed> => client.me.renewCalendarFeed(),
    stopCalendarFeed: (): Promise<void> => client.me.stopCalendarFeed(),
    emailPreferences: (): Promise<EmailPreferences> => client.me.emailPreferences(),
    updateEmailPreferences: (params: UpdateEmailPreferencesParams): Promise<EmailPreferences> =>
      client.me.updateEmailPreferences(params),
  };
}

export type SettingsApi = ReturnType<typeof settingsApi>;
export type CalendarFeedApi = Pick<SettingsApi, 'calendarFeed' | 'renewCalendarFeed' | 'stopCalendarFeed'>;
