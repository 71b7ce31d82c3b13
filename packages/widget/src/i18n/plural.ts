/**
 * The form of a phrase for a count, chosen by the language's own plural rules
 * (`Intl.PluralRules`), with `#` replaced by the count written the language's way.
 */
export function plural(
  locale: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
  return form.replace('#', new Intl.NumberFormat(locale).format(count));
}
