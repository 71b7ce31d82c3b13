import type { Booking } from '@micromentor/sdk';
import { html, nothing, type TemplateResult } from 'lit';

/**
 * Where a call's dial-in leads, as a link: a `tel:` or `https:` one as given, a bare number as
 * `tel:`; anything else (it came from someone's profile) stays plain text.
 */
export function dialHref(dialIn: string): string | null {
  if (/^tel:[+0-9]/i.test(dialIn)) return dialIn;
  if (/^\+[0-9]+$/.test(dialIn)) return `tel:${dialIn}`;
  try {
    return new URL(dialIn).protocol === 'https:' ? dialIn : null;
  } catch {
    return null;
  }
}

/** How a call session happens: the mentor's dial-in, else the learner's number (if the viewer may see it). */
export function callWay(
  booking: Booking,
): { dialIn: string; href: string | null } | { phone: string } | null {
  if (booking.format !== 'call') return null;
  if (booking.dialIn) return { dialIn: booking.dialIn, href: dialHref(booking.dialIn) };
  return booking.phone ? { phone: booking.phone } : null;
}

/** The link to a dial-in or a number, as text when it cannot be one. */
export function dialLink(text: string, href: string | null): TemplateResult | string {
  return href
    ? html`<a href=${href} target=${href.startsWith('https:') ? '_blank' : nothing} rel="noopener noreferrer">${text}</a>`
    : text;
}

/** The learner's line on how their call happens ("Your mentor will call you at …" / "Dial in: …"). */
export function callLine(
  booking: Booking,
  t: { callYou(phone: string): string; dialIn: string },
): TemplateResult | typeof nothing {
  const way = callWay(booking);
  if (!way) return nothing;
  return html`<p class="call">${'phone' in way ? t.callYou(way.phone) : html`${t.dialIn} ${dialLink(way.dialIn, way.href)}`}</p>`;
}
