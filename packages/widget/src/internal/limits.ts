// The server's length limits on what people type (its zod schemas in packages/server/src/schemas),
// restated here because the widget imports no server code; test/cross-package/widget-limits.test.ts
// checks each one against the server's schema. The server trims, then counts the string's length.

/** A help request's title and details (`CreateRequestSchema`). */
export const TITLE_MAX = 200;
export const DETAILS_MAX = 4000;
/** The text the learner had selected on the page (`RequestContextSchema.selection`). */
export const SELECTION_MAX = 2000;
/** A message in a thread (`PostMessageSchema.body`, and a new thread's first `message`). */
export const MESSAGE_MAX = 4000;
/** Why a session is cancelled (`CancelBookingSchema.reason`). */
export const CANCEL_REASON_MAX = 500;
/** The learner's feedback comment (`CreateFeedbackSchema.comment`). */
export const COMMENT_MAX = 2000;
/** What a report about a session says (`CreateReportSchema.details`). */
export const REPORT_DETAILS_MAX = 2000;
/** A mentor's profile (`ApplyMentorSchema` / `UpdateOwnMentorSchema`). */
export const NAME_MAX = 120;
export const HEADLINE_MAX = 200;
export const BIO_MAX = 4000;
/** Why an admin rejects, pauses or suspends a mentor (`StatusReasonSchema.reason`). */
export const STATUS_REASON_MAX = 1000;
/** An admin's note when resolving a report (`ResolveReportSchema.note`). */
export const REPORT_NOTE_MAX = 2000;
/** The program's brand name (`UpdateProgramSettingsSchema.branding.name`). */
export const BRAND_NAME_MAX = 120;

/**
 * A call's phone number (`PhoneSchema`: `CreateBookingSchema.phone`): `+`, the country code and
 * 8–15 digits in all, once spaces, dashes, dots and parentheses are taken out; at most
 * `PHONE_CHARS` characters as typed. Returns the number as the server keeps it, or null.
 */
export const PHONE_CHARS = 32;
export function phoneNumber(text: string): string | null {
  const typed = text.trim();
  const compact = typed.replace(/[\s().-]/g, '');
  return typed.length <= PHONE_CHARS && /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
}

/** A mentor's call bridge (`CallBridgeSchema`): a phone number, a `tel:` link or an `https:` page. */
export const CALL_BRIDGE_CHARS = 500;
export function isCallBridge(text: string): boolean {
  const value = text.trim();
  if (value.length > CALL_BRIDGE_CHARS) return false;
  if (/^tel:/i.test(value)) return /^\+?[0-9][0-9A-Za-z()*#,;=.+-]{3,}$/.test(value.slice(4));
  if (/^https:\/\//i.test(value)) {
    try {
      return new URL(value).hostname.includes('.');
    } catch {
      return false;
    }
  }
  return phoneNumber(value) !== null;
}

/** What the server counts: the trimmed text's length. */
export const chars = (text: string): number => text.trim().length;

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A form's `input` listener, for fields with a `data-max`: their counted lengths by id (else
 * name), as `counter()` shows them. Nothing is cut: a paste past the limit stays, and says so.
 */
export function measure(lengths: Record<string, number>, event: Event): Record<string, number> {
  const field = event.target as Field;
  return field.dataset?.max ? { ...lengths, [field.id || field.name]: chars(field.value) } : lengths;
}

/** The form's first field longer than its `data-max`, focused (the submit waits); null when all fit. */
export function overLimit(form: ParentNode): Field | null {
  const over =
    Array.from(form.querySelectorAll<Field>('[data-max]')).find(
      (field) => chars(field.value) > Number(field.dataset.max),
    ) ?? null;
  over?.focus();
  return over;
}
