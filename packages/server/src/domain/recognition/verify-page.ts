import { createHash } from 'node:crypto';
import { escapeHtml } from '../email/layout.js';
import type { IssuedCredential } from './issued.js';

/**
 * The public verification page of one issued credential: who, which achievement and badges,
 * issued by whom, valid or revoked. Every value from the credential is written as text
 * (escaped); no script; one stylesheet allowed by its hash in the page's CSP.
 */

export type PageLocale = 'en' | 'es' | 'fr';

interface PageWords {
  title: string;
  valid: (issuer: string, date: string) => string;
  revoked: (date: string) => string;
  revokedSuspended: string;
  revokedErased: string;
  who: string;
  achievement: string;
  sessions: (n: number) => string;
  minutes: (n: number) => string;
  badges: string;
  noBadges: string;
  issuer: string;
  how: string;
  notFoundTitle: string;
  notFound: string;
}

export const PAGE_WORDS: Record<PageLocale, PageWords> = {
  en: {
    title: 'Mentoring record',
    valid: (issuer, date) => `Valid. Issued by ${issuer} on ${date}, and not revoked.`,
    revoked: (date) => `Revoked on ${date}. This credential is no longer valid.`,
    revokedSuspended: 'The program suspended this mentor.',
    revokedErased: 'The mentor’s data was erased at their request.',
    who: 'Mentor',
    achievement: 'Achievement',
    sessions: (n) => `${n} completed ${n === 1 ? 'session' : 'sessions'}`,
    minutes: (n) => `${n} minutes of mentoring`,
    badges: 'Badges',
    noBadges: 'No badges yet.',
    issuer: 'Issued by',
    how: 'This page is the credential’s id. The signed file (an Open Badges 3.0 credential) can be checked with any JOSE library against the program’s published key.',
    notFoundTitle: 'Credential not found',
    notFound: 'No credential has this address. Check the link you were given.',
  },
  es: {
    title: 'Historial de mentoría',
    valid: (issuer, date) => `Válida. Emitida por ${issuer} el ${date}, y no revocada.`,
    revoked: (date) => `Revocada el ${date}. Esta credencial ya no es válida.`,
    revokedSuspended: 'El programa suspendió a este mentor.',
    revokedErased: 'Los datos del mentor se borraron a petición suya.',
    who: 'Mentor',
    achievement: 'Logro',
    sessions: (n) => `${n} ${n === 1 ? 'sesión completada' : 'sesiones completadas'}`,
    minutes: (n) => `${n} minutos de mentoría`,
    badges: 'Insignias',
    noBadges: 'Aún no hay insignias.',
    issuer: 'Emitida por',
    how: 'Esta página es el identificador de la credencial. El archivo firmado (una credencial Open Badges 3.0) se puede comprobar con cualquier biblioteca JOSE con la clave publicada del programa.',
    notFoundTitle: 'Credencial no encontrada',
    notFound: 'Ninguna credencial tiene esta dirección. Revisa el enlace que te dieron.',
  },
  fr: {
    title: 'Parcours de mentorat',
    valid: (issuer, date) => `Valide. Émise par ${issuer} le ${date}, et non révoquée.`,
    revoked: (date) => `Révoquée le ${date}. Cette attestation n’est plus valide.`,
    revokedSuspended: 'Le programme a suspendu ce mentor.',
    revokedErased: 'Les données du mentor ont été effacées à sa demande.',
    who: 'Mentor',
    achievement: 'Réussite',
    sessions: (n) => `${n} ${n <= 1 ? 'séance terminée' : 'séances terminées'}`,
    minutes: (n) => `${n} minutes de mentorat`,
    badges: 'Badges',
    noBadges: 'Pas encore de badge.',
    issuer: 'Émise par',
    how: 'Cette page est l’identifiant de l’attestation. Le fichier signé (une attestation Open Badges 3.0) se vérifie avec n’importe quelle bibliothèque JOSE grâce à la clé publiée du programme.',
    notFoundTitle: 'Attestation introuvable',
    notFound: 'Aucune attestation n’a cette adresse. Vérifiez le lien reçu.',
  },
};

/** The first of en, es, fr the Accept-Language header names (by weight), else English. */
export function pageLocale(acceptLanguage: string | undefined): PageLocale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { lang } of ranked) if (lang === 'en' || lang === 'es' || lang === 'fr') return lang;
  return 'en';
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}' +
  '.status{padding:.75rem 1rem;border-radius:6px;border:2px solid currentColor;font-weight:600}' +
  'dt{font-weight:600;margin-top:1rem}dd{margin:0}ul{padding-left:1.2rem}small{opacity:.8}';

/** The page's Content-Security-Policy: nothing but its own stylesheet. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function page(locale: PageLocale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

const dateIn = (locale: PageLocale, at: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at);

interface ShownCredential {
  issuer?: { id?: string; name?: string };
  credentialSubject?: {
    identifier?: { identityHash?: string }[];
    achievement?: { name?: string; description?: string };
    result?: { resultDescription?: string; value?: string }[];
  };
  evidence?: { name?: string; description?: string }[];
}

export function renderNotFound(locale: PageLocale): string {
  const w = PAGE_WORDS[locale];
  return page(
    locale,
    w.notFoundTitle,
    `<h1>${escapeHtml(w.notFoundTitle)}</h1><p>${escapeHtml(w.notFound)}</p>`,
  );
}

export function renderVerificationPage(
  locale: PageLocale,
  issued: IssuedCredential,
  fallbackIssuerName: string,
): string {
  const w = PAGE_WORDS[locale];
  const vc = (issued.credential ?? {}) as ShownCredential;
  const issuerName = vc.issuer?.name ?? fallbackIssuerName;
  const status = issued.revokedAt
    ? `<p class="status" role="status">${escapeHtml(w.revoked(dateIn(locale, issued.revokedAt)))} ${escapeHtml(
        issued.revokedReason === 'mentor_erased' ? w.revokedErased : w.revokedSuspended,
      )}</p>`
    : `<p class="status" role="status">${escapeHtml(w.valid(issuerName, dateIn(locale, issued.issuedAt)))}</p>`;
  const parts = [`<h1>${escapeHtml(w.title)}</h1>`, status];
  if (issued.credential) {
    const subject = vc.credentialSubject ?? {};
    const figure = (suffix: string) =>
      Number(subject.result?.find((r) => r.resultDescription?.endsWith(`#${suffix}`))?.value ?? 0);
    const name = subject.identifier?.[0]?.identityHash ?? '';
    const badges = vc.evidence ?? [];
    parts.push(
      '<dl>',
      `<dt>${escapeHtml(w.who)}</dt><dd>${escapeHtml(name)}</dd>`,
      `<dt>${escapeHtml(w.achievement)}</dt><dd>${escapeHtml(subject.achievement?.name ?? '')}<br><small>${escapeHtml(
        subject.achievement?.description ?? '',
      )}</small></dd>`,
      `<dd>${escapeHtml(w.sessions(figure('sessions')))}</dd><dd>${escapeHtml(w.minutes(figure('minutes')))}</dd>`,
      `<dt>${escapeHtml(w.badges)}</dt><dd>${
        badges.length
          ? `<ul>${badges
              .map(
                (b) =>
                  `<li>${escapeHtml(b.name ?? '')}<br><small>${escapeHtml(b.description ?? '')}</small></li>`,
              )
              .join('')}</ul>`
          : escapeHtml(w.noBadges)
      }</dd>`,
      `<dt>${escapeHtml(w.issuer)}</dt><dd>${escapeHtml(issuerName)}${
        vc.issuer?.id ? `<br><small>${escapeHtml(vc.issuer.id)}</small>` : ''
      }</dd>`,
      '</dl>',
      `<p><small>${escapeHtml(w.how)}</small></p>`,
    );
  }
  return page(locale, `${w.title} · ${issuerName}`, parts.join(''));
}
