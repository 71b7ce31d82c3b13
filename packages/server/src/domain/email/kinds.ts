/**
 * The kinds of email a person can turn off, one by one (preferences, one-click unsubscribe).
 * `requests`: a mentor's new requests and instant-help offers (several in the program's window
 * come as one digest), and a learner's request passed to another mentor; `account`: application and report outcomes.
 */
export const EMAIL_KINDS = ['bookings', 'reminders', 'requests', 'messages', 'feedback', 'account'] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

export function isEmailKind(value: string): value is EmailKind {
  return (EMAIL_KINDS as readonly string[]).includes(value);
}
