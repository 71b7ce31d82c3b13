import type { MentorInput } from './fixtures.js';

/**
 * ~30 mentor profiles on distinct topics, and one (NEGOTIATOR) no question below shares a content
 * word with: what matching by meaning must find and keywords cannot.
 */
export const NEGOTIATOR: MentorInput = {
  name: 'Nadia Offer',
  headline: 'Career coach',
  bio: 'I help people negotiate a higher salary and a better compensation package. I rehearse the conversation with you before the meeting.',
  skills: ['negotiation', 'career-growth'],
};

/** Questions that mean NEGOTIATOR's work in other words (no content word in common with the profile). */
export const PARAPHRASES = [
  'How should I ask my boss for more pay?',
  'My manager offered a small raise, can I push back?',
];

const topics: [string, string, string[]][] = [
  ['Database engineer', 'I tune PostgreSQL query plans and teach joins and indexes.', ['postgresql', 'sql']],
  [
    'Frontend lead',
    'I debug double-firing effects in React 18 strict mode and teach hooks.',
    ['react', 'react-hooks'],
  ],
  [
    'Site reliability engineer',
    'I run Kubernetes clusters and write on-call runbooks.',
    ['kubernetes', 'devops'],
  ],
  [
    'Data scientist',
    'I build churn models with scikit-learn and explain feature importance.',
    ['machine-learning', 'python'],
  ],
  ['iOS developer', 'I ship SwiftUI apps and fix Core Data migrations.', ['swift', 'ios']],
  ['Android developer', 'Kotlin coroutines, Jetpack Compose and Play Store releases.', ['kotlin', 'android']],
  [
    'Security engineer',
    'I review threat models and teach OAuth flows and token handling.',
    ['security', 'oauth'],
  ],
  ['UX designer', 'I run usability tests and turn findings into Figma prototypes.', ['ux-design', 'figma']],
  [
    'Technical writer',
    'I help engineers write clear API reference docs and tutorials.',
    ['technical-writing'],
  ],
  ['Rust engineer', 'Ownership, lifetimes and async Rust services with Tokio.', ['rust']],
  ['Go backend engineer', 'I build gRPC services in Go and profile them with pprof.', ['go', 'grpc']],
  ['Data engineer', 'I design Airflow pipelines and dbt models on Snowflake.', ['airflow', 'dbt']],
  [
    'Cloud architect',
    'AWS networking, VPC design and cost control for startups.',
    ['aws', 'cloud-architecture'],
  ],
  ['QA lead', 'I set up Playwright end-to-end suites and flaky test triage.', ['testing', 'playwright']],
  ['Game developer', 'Unity gameplay programming, physics and shader basics.', ['unity', 'csharp']],
  ['Embedded engineer', 'Firmware in C for ARM microcontrollers, debugging with JTAG.', ['c', 'embedded']],
  [
    'Accessibility specialist',
    'I audit websites against WCAG and fix screen reader issues.',
    ['accessibility'],
  ],
  ['Java architect', 'Spring Boot microservices, JVM tuning and garbage collection.', ['java', 'spring']],
  ['Analytics engineer', 'I write SQL for dashboards in Looker and define metrics.', ['analytics', 'sql']],
  ['Compiler engineer', 'LLVM passes, parsing and type checkers.', ['compilers', 'llvm']],
  ['Blockchain developer', 'Solidity smart contracts and auditing token logic.', ['solidity', 'ethereum']],
  [
    'Product manager',
    'I write product specs, prioritise roadmaps and run discovery interviews.',
    ['product-management'],
  ],
  [
    'Engineering manager',
    'I help new managers run one-on-ones and give feedback.',
    ['leadership', 'management'],
  ],
  ['Startup founder', 'Fundraising decks, pitching investors and early hiring.', ['startups', 'fundraising']],
  ['Photographer', 'Portrait lighting, camera settings and editing in Lightroom.', ['photography']],
  ['Statistician', 'Experiment design, A/B test power and Bayesian inference.', ['statistics', 'ab-testing']],
  ['Linux administrator', 'Bash scripting, systemd units and hardening servers.', ['linux', 'bash']],
  ['Vue developer', 'Vue 3 composition API, Pinia stores and Nuxt.', ['vue', 'javascript']],
  ['Network engineer', 'BGP, firewalls and troubleshooting packet loss.', ['networking']],
];

/** The other mentors of the world, each on its own topic. */
export const OTHERS: MentorInput[] = topics.map(([headline, bio, skills], i) => ({
  name: `Mentor ${i + 1}`,
  headline,
  bio,
  skills,
}));
