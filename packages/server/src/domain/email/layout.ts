/** What one email says, before it is laid out as HTML and as plain text. */
export interface EmailContent {
  heading: string;
  greeting: string;
  paragraphs: string[];
  /** Label/value rows (when, how…). */
  details?: { label: string; value: string }[];
  /** People's own words (a question, a message): always shown as text, never as markup. */
  quotes?: { label?: string; text: string }[];
  /** The one button, for an https link only. */
  action?: { label: string; url: string };
  hints?: string[];
}

export interface EmailFooter {
  why: string;
  unsubscribe: { label: string; url: string } | null;
  noTracking: string;
}

/** The program as its email shows it: name, colour, logo (tenant branding). */
export interface Brand {
  name: string;
  accentColor: string | null;
  logoUrl: string | null;
}

const DEFAULT_ACCENT = '#3355ff';

/** Text made safe inside HTML and its attribute values. */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Black or white, whichever reads better on the accent (WCAG relative luminance). */
function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return luminance > 0.179 ? '#111111' : '#ffffff';
}

const paragraph = (text: string) =>
  `<p style="margin:0 0 16px;font-size:16px;line-height:1.5">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;

/**
 * The email as HTML (one column, inline styles, readable without images, in the recipient's
 * language, no tracking pixels) and as plain text saying the same. Every value is escaped.
 */
export function renderEmail(
  content: EmailContent,
  footer: EmailFooter,
  brand: Brand,
  lang: string,
): { html: string; text: string } {
  const accent = brand.accentColor ?? DEFAULT_ACCENT;
  const logo = brand.logoUrl?.startsWith('https://')
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" height="32" style="display:block;height:32px;border:0">`
    : `<strong style="font-size:18px">${escapeHtml(brand.name)}</strong>`;
  const details = content.details?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;font-size:16px;line-height:1.5">${content.details
        .map(
          (d) =>
            `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:600">${escapeHtml(d.label)}</th><td style="padding:4px 0">${escapeHtml(d.value).replace(/\n/g, '<br>')}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const quotes = (content.quotes ?? [])
    .map(
      (q) =>
        `${q.label ? `<p style="margin:0 0 4px;font-weight:600">${escapeHtml(q.label)}</p>` : ''}<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid ${accent};background:#f4f4f6;white-space:pre-wrap">${escapeHtml(q.text)}</blockquote>`,
    )
    .join('');
  const action =
    content.action && /^https?:\/\//.test(content.action.url)
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:${accent};color:${textOn(accent)};font-weight:600;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`
      : '';
  const unsubscribe = footer.unsubscribe
    ? `<br><a href="${escapeHtml(footer.unsubscribe.url)}" style="color:#444">${escapeHtml(footer.unsubscribe.label)}</a>`
    : '';
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="color-scheme" content="light dark"><title>${escapeHtml(content.heading)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f6;color:#111111;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif">
<div role="article" aria-label="${escapeHtml(content.heading)}" style="max-width:560px;margin:0 auto;padding:24px 16px">
<div style="padding:0 0 16px;border-bottom:4px solid ${accent}">${logo}</div>
<div style="background:#ffffff;padding:24px;margin:16px 0">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${escapeHtml(content.heading)}</h1>
${paragraph(content.greeting)}${content.paragraphs.map(paragraph).join('')}${details}${quotes}${action}${(content.hints ?? []).map(paragraph).join('')}
</div>
<p style="margin:0;font-size:13px;line-height:1.5;color:#444">${escapeHtml(footer.why)} ${escapeHtml(footer.noTracking)}${unsubscribe}</p>
</div></body></html>`;
  const text = [
    content.heading,
    '',
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.details ?? []).map((d) => `${d.label}: ${d.value}`),
    ...(content.details?.length ? [''] : []),
    ...(content.quotes ?? []).flatMap((q) => [
      ...(q.label ? [`${q.label}:`] : []),
      ...q.text.split('\n').map((line) => `  ${line}`),
      '',
    ]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.hints ?? []).flatMap((h) => [h, '']),
    '-- ',
    brand.name,
    footer.why,
    ...(footer.unsubscribe ? [`${footer.unsubscribe.label}: ${footer.unsubscribe.url}`] : []),
  ].join('\n');
  return { html, text: `${text}\n` };
}
