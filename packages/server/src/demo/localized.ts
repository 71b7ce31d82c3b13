/**
 * A few demo mentors who do not list English, with their profile written in their own language.
 * Job titles stay in English, as they commonly do on Spanish- and Portuguese-language profiles.
 */
import type { DemoField } from './profiles.js';

export interface LocalizedPersona {
  readonly language: 'es' | 'pt';
  readonly field: DemoField;
  /** Regions (see names.ts) the person may come from. */
  readonly regions: readonly string[];
  readonly title: string;
  /** Headline tail, naming `skills`. */
  readonly focus: string;
  readonly skills: readonly string[];
  readonly more: readonly string[];
  readonly companies: readonly string[];
  /** Templates with `{years}` and `{company}`. */
  readonly intros: readonly string[];
  readonly stories: readonly string[];
  readonly help: readonly string[];
  readonly closers: readonly string[];
}

const NUMBER_WORDS: Readonly<Record<'es' | 'pt', readonly string[]>> = {
  es: ['cero', 'un', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  pt: ['zero', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'],
};

/** "siete años" / "sete anos"; digits from ten up. */
export function localizedYears(language: 'es' | 'pt', years: number): string {
  const unit = language === 'es' ? (years === 1 ? 'año' : 'años') : years === 1 ? 'ano' : 'anos';
  return `${NUMBER_WORDS[language][years] ?? String(years)} ${unit}`;
}

export const LOCALIZED_PERSONAS: readonly LocalizedPersona[] = [
  {
    language: 'es',
    field: 'data',
    regions: ['latin-america', 'spain'],
    title: 'Data Analyst',
    focus: 'Excel, SQL y Power BI',
    skills: ['excel', 'sql', 'power-bi'],
    more: ['data-visualization', 'sql-joins', 'statistics'],
    companies: [
      'una cadena de supermercados',
      'una aseguradora',
      'un banco regional',
      'una empresa de logística',
    ],
    intros: [
      'Trabajo con datos desde hace {years}; ahora estoy en {company}.',
      'Llevo {years} analizando datos, los últimos en {company}.',
    ],
    stories: [
      'Empecé en contabilidad y aprendí SQL por mi cuenta, así que sé lo que cuesta el primer paso.',
      'Construí el tablero de ventas que la dirección revisa cada lunes, y sobre todo aprendí a quitar gráficos.',
    ],
    help: [
      'Me gusta ayudar con fórmulas de Excel que no cuadran, consultas SQL con JOIN y tableros de Power BI.',
      'Puedo ayudarte con tablas dinámicas, consultas que devuelven filas de más y medidas DAX que no suman bien.',
    ],
    closers: ['Las sesiones son en español.', 'Solo hablo español, así que las sesiones son en español.'],
  },
  {
    language: 'es',
    field: 'web',
    regions: ['latin-america', 'spain'],
    title: 'Frontend Developer',
    focus: 'JavaScript, React y CSS',
    skills: ['javascript', 'react', 'css'],
    more: ['html', 'responsive-design', 'typescript'],
    companies: [
      'una agencia digital',
      'una tienda en línea',
      'una startup de viajes',
      'un periódico digital',
    ],
    intros: [
      'Hago desarrollo web desde hace {years}; ahora trabajo en {company}.',
      'Llevo {years} construyendo sitios y aplicaciones web, los últimos en {company}.',
    ],
    stories: [
      'Aprendí a programar en un bootcamp después de trabajar en hostelería.',
      'He construido tiendas en línea, landing pages y paneles internos para clientes muy distintos.',
    ],
    help: [
      'Me encanta ayudar con errores de JavaScript, componentes de React que no se actualizan y maquetación con CSS.',
      'Puedo ayudarte con hooks de React, layouts con flexbox y grid, y tu primer proyecto para el portafolio.',
    ],
    closers: ['Prefiero hacer las sesiones en español.', 'Las sesiones son en español.'],
  },
  {
    language: 'pt',
    field: 'mobile',
    regions: ['brazil'],
    title: 'Mobile Developer',
    focus: 'Flutter, Dart e Firebase',
    skills: ['flutter', 'dart', 'firebase'],
    more: ['android', 'ios', 'ui-design'],
    companies: ['uma fintech', 'uma startup de saúde', 'uma varejista', 'uma empresa de logística'],
    intros: [
      'Trabalho com desenvolvimento mobile há {years}, hoje em {company}.',
      'Desenvolvo apps há {years}; atualmente estou em {company}.',
    ],
    stories: [
      'Já publiquei apps de delivery, saúde e banco nas duas lojas.',
      'Comecei no suporte técnico e aprendi Flutter estudando à noite.',
    ],
    help: [
      'Gosto de ajudar com gerenciamento de estado no Flutter, regras do Firestore e layouts que quebram em telas pequenas.',
      'Posso ajudar com publicação na App Store e no Google Play, autenticação com Firebase e widgets que não se comportam.',
    ],
    closers: ['As sessões são em português.', 'Prefiro conversar em português.'],
  },
];
