import type { MatchReason } from '@micromentor/sdk';
import type { Locale, Messages } from '../i18n/index.js';
import { formatSlot } from './time.js';

function languages(codes: string, locale: Locale): string {
  const names = new Intl.DisplayNames(locale, { type: 'language' });
  const list = codes.split(',').map((code) => {
    try {
      return names.of(code.trim()) ?? code;
    } catch {
      return code;
    }
  });
  return new Intl.ListFormat(locale).format(list);
}

/** The reason worded from its code and params; falsy when either is unknown or incomplete. */
function word(
  { code, params }: MatchReason,
  t: Messages,
  locale: Locale,
): string | number | false | null | undefined {
  const r = t.reasons;
  const { skills, skill, near, terms, label, language, years, rating, count, minutes, at } = params as Record<
    string,
    string | number | undefined
  >;
  const num = (value: unknown): value is number => typeof value === 'number';
  switch (code) {
    case 'skill_match':
      return skills && r.skill(`${skills}`);
    case 'related_skill':
      return skill && near && r.related(`${skill}`, `${near}`);
    case 'text_match':
      return terms && r.mentions(`${terms}`);
    case 'on_board':
      return r.board(`${label ?? ''}`);
    case 'language':
      return language && r.speaks(languages(`${language}`, locale));
    case 'new_mentor':
      return r.newMentor;
    case 'experience':
      return num(years) && r.years(years);
    case 'rating':
      return (
        num(rating) &&
        num(count) &&
        (count ? r.rated(rating.toLocaleString(locale, { minimumFractionDigits: 1 }), count) : r.unrated)
      );
    case 'available_soon':
      if (!num(minutes)) return null;
      if (minutes < 1) return r.freeNow;
      if (minutes < 60) return r.free(new Intl.RelativeTimeFormat(locale).format(minutes, 'minute'));
      return at && r.free(formatSlot(`${at}`, locale));
  }
  return null;
}

/**
 * A match reason in the learner's language, built from its stable `code` and `params`; the
 * server's English `text` for a code (or params) this release does not know.
 */
export function reasonText(reason: MatchReason, t: Messages, locale: Locale): string {
  return `${word(reason, t, locale) || reason.text}`;
}
