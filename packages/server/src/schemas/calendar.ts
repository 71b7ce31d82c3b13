import { z } from '@hono/zod-openapi';

export const CalendarFeedSchema = z
  .object({
    enabled: z.boolean(),
    url: z
      .url()
      .nullable()
      .openapi({
        description:
          'The private feed to subscribe to (`…/calendar/<secret>.ics`); anyone with it sees the sessions. ' +
          'Null when off, or on but unreadable after the server key changed (get a new link).',
      }),
    createdAt: z.iso.datetime().nullable().openapi({ description: 'When this link was made.' }),
  })
  .openapi('CalendarFeed');

/** The feed's file name: `<secret>.ics`. Anything else is simply not found, as a wrong secret is. */
export const CalendarFeedFileParamSchema = z.object({
  file: z.string().openapi({
    param: { name: 'file', in: 'path' },
    description: 'The secret from the feed’s URL, with `.ics`.',
    example: '3kTMd2Vq8ZrW0hXn5bYc7LpA1sEf9GuJ4iKo6NmQ.ics',
  }),
});
