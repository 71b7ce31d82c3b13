import { z } from '@hono/zod-openapi';

/**
 * Phone numbers as people type them: an international number (`+` and the country code) with
 * any spaces, dashes, dots or parentheses, e.g. `+34 600 000 000`, stored without them
 * (E.164: `+34600000000`, 8 to 15 digits). The widget states the same rule
 * (packages/widget/src/internal/limits.ts; test/cross-package/widget-limits.test.ts).
 */
export const PHONE_INPUT_MAX = 32;
const E164 = /^\+[1-9]\d{7,14}$/;

/** The number without its separators when it is an international number, else null. */
export function normalizePhone(text: string): string | null {
  const compact = text.trim().replace(/[\s().-]/g, '');
  return E164.test(compact) ? compact : null;
}

const PHONE_MESSAGE =
  'must be an international phone number starting with + and the country code, such as +34 600 000 000';

export const PhoneSchema = z
  .string()
  .trim()
  .max(PHONE_INPUT_MAX, `must be at most ${PHONE_INPUT_MAX} characters`)
  .transform((text, ctx) => {
    const phone = normalizePhone(text);
    if (phone === null) {
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
      return z.NEVER;
    }
    return phone;
  })
  .openapi({ type: 'string', example: '+34 600 000 000' });

/** A mentor's way in for calls: a phone number, a `tel:` URI (pauses and PIN allowed) or an https dial-in page. */
export const CALL_BRIDGE_MAX = 500;
const TEL_URI = /^tel:\+?[0-9][0-9A-Za-z()*#,;=.+-]{3,}$/;

/** The bridge as stored (a bare phone number normalised), or null when it is none of the three. */
export function normalizeCallBridge(text: string): string | null {
  const value = text.trim();
  if (value.length > CALL_BRIDGE_MAX) return null;
  if (/^tel:/i.test(value)) return TEL_URI.test(`tel:${value.slice(4)}`) ? `tel:${value.slice(4)}` : null;
  if (/^https:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.includes('.') ? url.toString() : null;
    } catch {
      return null;
    }
  }
  return value.length <= PHONE_INPUT_MAX ? normalizePhone(value) : null;
}

export const CallBridgeSchema = z
  .string()
  .trim()
  .max(CALL_BRIDGE_MAX, `must be at most ${CALL_BRIDGE_MAX} characters`)
  .transform((text, ctx) => {
    const bridge = normalizeCallBridge(text);
    if (bridge === null) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be an international phone number (+34 600 000 000), a tel: link or an https: dial-in link',
      });
      return z.NEVER;
    }
    return bridge;
  })
  .openapi({
    type: 'string',
    example: 'tel:+34910000000,,123456#',
    description:
      'How learners reach you for a call session: a phone number, a `tel:` link (pauses and PIN allowed) or an `https:` dial-in page. Shown to the learners who book a call with you.',
  });
