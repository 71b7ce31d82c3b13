/**
 * Building blocks for demo mentor profiles, per field of expertise. A mentor gets one field and one
 * "track" in it (a coherent specialty); the headline and bio are composed from the track's and
 * field's fragments so profiles vary while staying consistent with the listed skills.
 *
 * Conventions: `lead` skills are always listed and named by `focus` (the headline tail); `help`
 * items are noun phrases that fit "I'm happiest helping with …" and "Ask me about …"; stories
 * are first-person sentences, gated by `minYears` when they imply seniority.
 */

export type DemoField =
  | 'web'
  | 'mobile'
  | 'data'
  | 'ml'
  | 'cloud'
  | 'security'
  | 'design'
  | 'product'
  | 'careers'
  | 'leadership'
  | 'writing';

export interface Story {
  readonly text: string;
  readonly minYears?: number;
}

export interface Track {
  /** A role noun that gets a seniority prefix from the field's ladder, or `[minYears, title]` steps. */
  readonly role: string | readonly (readonly [number, string])[];
  readonly minYears?: number;
  readonly lead: readonly string[];
  readonly focus: string;
  readonly more: readonly string[];
  readonly help: readonly string[];
  readonly stories: readonly Story[];
}

export type Ladder = 'engineering' | 'design' | 'product';

export interface FieldProfile {
  readonly field: DemoField;
  /** Relative share of demo mentors beyond the first of each field. */
  readonly weight: number;
  readonly minYears?: number;
  readonly ladder: Ladder;
  readonly freelance: boolean;
  /** Chance the employer comes from `companies` rather than GENERAL_COMPANIES. */
  readonly ownCompanyShare: number;
  readonly companies: readonly string[];
  /** Templates with `{years}` ("seven years") and `{where}` ("at a fintech" / "working freelance"). */
  readonly intros: readonly string[];
  readonly stories: readonly Story[];
  /** Cross-cutting skills a mentor in this field may add. */
  readonly extras: readonly string[];
  readonly tracks: readonly Track[];
}

/** Seniority prefixes by minimum years of experience. */
export const LADDERS: Readonly<Record<Ladder, readonly (readonly [number, readonly string[]])[]>> = {
  engineering: [
    [0, ['']],
    [5, ['Senior']],
    [9, ['Staff', 'Lead', 'Senior']],
    [15, ['Principal', 'Staff']],
  ],
  design: [
    [0, ['']],
    [5, ['Senior']],
    [9, ['Lead', 'Senior']],
    [14, ['Principal', 'Lead']],
  ],
  product: [
    [0, ['']],
    [5, ['Senior']],
    [9, ['Group', 'Lead', 'Senior']],
    [14, ['Principal', 'Group']],
  ],
};

export const GENERAL_COMPANIES: readonly string[] = [
  'a fintech',
  'a healthtech startup',
  'an e-commerce marketplace',
  'a B2B SaaS company',
  'a logistics scale-up',
  'a travel booking site',
  'a global bank',
  'an insurance company',
  'a streaming service',
  'a payments company',
  'a climate-tech startup',
  'a government digital service',
  'an edtech nonprofit',
  'a food delivery app',
  'a ride-hailing company',
  'a telecom operator',
  'a games studio',
  'a retail chain',
  'a developer tools company',
  'a proptech startup',
  'an online grocery service',
  'a hospital network',
  'an energy company',
  'a public broadcaster',
];

export const GENERAL_INTROS: readonly string[] = [
  "I'm {role} with {years} of experience, currently {where}.",
  "I've spent {years} in tech, and these days I'm {role} {where}.",
];

export const GENERAL_STORIES: readonly Story[] = [
  { text: 'I learned most of what I know from patient colleagues, and mentoring is how I pay that back.' },
  {
    text: 'I have mentored through a couple of community programmes and still learn something from every session.',
    minYears: 3,
  },
];

/** Help-sentence templates; `{a}` and `{b}` are a track's help items. */
export const HELP_TEMPLATES: readonly string[] = [
  "I'm happiest helping with {a} and {b}.",
  'I especially enjoy questions about {a} and {b}.',
  'Ask me about {a} or {b}: those are my favourite problems.',
  "If you're stuck on {a} or {b}, I'd love to help.",
  'Most people come to me for help with {a} or {b}.',
];

export const PREVIOUS_CAREERS: readonly string[] = [
  'teaching',
  'nursing',
  'accounting',
  'hospitality',
  'journalism',
  'the army',
  'retail',
  'music',
  'architecture',
  'lab research',
];

/** Closing sentences that fit any mentor; `{previous}` is one of PREVIOUS_CAREERS. */
export const GENERAL_CLOSERS: readonly string[] = [
  "Bring whatever you're stuck on, whether code, a document or a decision, plus what you've tried so far.",
  'I keep sessions practical: we look at your actual problem, not slides.',
  'No question is too basic; I asked all of them myself once.',
  'I switched into tech from {previous}, so I remember how overwhelming the first year can be.',
  'I like to end every session with one concrete next step you can take the same day.',
];

export const FIELDS: readonly FieldProfile[] = [
  {
    field: 'web',
    weight: 14,
    ladder: 'engineering',
    freelance: true,
    ownCompanyShare: 0.5,
    companies: [
      'a web agency',
      'an online newspaper',
      'a SaaS startup',
      'a ticketing platform',
      'a digital studio',
    ],
    intros: [
      "I've been building for the web for {years}, most recently {where}.",
      "I've spent {years} writing software for browsers and servers, most recently {where}.",
    ],
    stories: [
      {
        text: 'The first website I built was for my school band, and I have been hooked on the web ever since.',
      },
      {
        text: 'I have reviewed hundreds of pull requests from junior developers, and I like explaining the why behind a change.',
        minYears: 5,
      },
    ],
    extras: ['git', 'debugging', 'code-review', 'testing', 'system-design', 'mentoring', 'career-change'],
    tracks: [
      {
        role: 'frontend engineer',
        lead: ['react', 'accessibility', 'design-systems'],
        focus: 'React, accessibility, design systems',
        more: ['typescript', 'react-hooks', 'css', 'testing', 'nextjs'],
        help: [
          'stale closures and dependency arrays in React hooks',
          'keyboard and screen-reader accessibility',
          'typing tricky React props in TypeScript',
          'components that re-render for no obvious reason',
        ],
        stories: [
          {
            text: 'Most recently I rebuilt our checkout in React and got it through a full WCAG 2.2 AA audit.',
            minYears: 4,
          },
          {
            text: 'I once spent a memorable week chasing a re-render loop that turned out to be an object literal in a dependency array.',
          },
        ],
      },
      {
        role: 'UI engineer',
        lead: ['css', 'html', 'responsive-design'],
        focus: 'CSS, semantic HTML and responsive layouts',
        more: ['accessibility', 'sass', 'tailwind', 'web-components', 'javascript'],
        help: [
          'CSS grid and flexbox layouts that refuse to behave',
          'responsive designs that break at odd widths',
          'semantic HTML',
          'z-index and stacking-context mysteries',
        ],
        stories: [
          {
            text: 'I maintain the component library at work, which means I get to argue about spacing tokens for a living.',
          },
          {
            text: 'I once deleted 40% of a 12,000-line stylesheet without a single visual regression, thanks to screenshot tests.',
            minYears: 4,
          },
        ],
      },
      {
        role: 'full-stack developer',
        lead: ['nextjs', 'node', 'typescript'],
        focus: 'Next.js, Node.js and TypeScript end to end',
        more: ['react', 'postgresql', 'rest-api', 'graphql', 'web-performance'],
        help: [
          'Next.js routing and data fetching',
          'server versus client component confusion',
          'shaping a REST or GraphQL API for a frontend',
          'deploying a side project for the first time',
        ],
        stories: [
          {
            text: 'I have taken three products from an empty repo to paying customers, each time as one of two or three engineers.',
            minYears: 5,
          },
          {
            text: 'Last year I moved a slow single-page app to server rendering and cut our largest contentful paint in half.',
            minYears: 3,
          },
        ],
      },
      {
        role: 'backend engineer',
        lead: ['python', 'django', 'postgresql'],
        focus: 'Python, Django and PostgreSQL',
        more: ['rest-api', 'fastapi', 'message-queues', 'testing', 'docker'],
        help: [
          'Django ORM queries that do far more work than they should',
          'designing models and migrations',
          'failing pytest suites',
          'background jobs that silently stop',
        ],
        stories: [
          {
            text: 'I maintain a Django monolith that serves a few million requests a day, so I have opinions about migrations.',
            minYears: 4,
          },
          { text: 'The bug I am proudest of finding was an N+1 query hiding behind a template tag.' },
        ],
      },
      {
        role: 'backend engineer',
        lead: ['go', 'microservices', 'kubernetes'],
        focus: 'Go, microservices and Kubernetes',
        more: ['grpc', 'concurrency', 'postgresql', 'distributed-systems', 'observability'],
        help: [
          'goroutine leaks and deadlocks',
          'structuring a Go service so it stays readable',
          'gRPC versus REST decisions',
          'the first service you split out of a monolith',
        ],
        stories: [
          {
            text: 'I helped split a payments monolith into a dozen Go services, and later merged a few back, which taught me even more.',
            minYears: 6,
          },
          { text: 'I like boring, well-instrumented services, and I am happy to explain why.' },
        ],
      },
      {
        role: 'backend engineer',
        lead: ['java', 'spring', 'event-driven-architecture'],
        focus: 'Java, Spring Boot and event-driven systems',
        more: ['kafka', 'microservices', 'sql', 'testing', 'system-design'],
        help: [
          'Spring configuration that only works on your machine',
          'Kafka consumers that fall behind',
          'writing tests for legacy Java code',
          'JVM memory issues',
        ],
        stories: [
          {
            text: 'I have spent most of my career on high-volume Java systems in banking, including a core-ledger migration that took two years.',
            minYears: 8,
          },
          {
            text: 'My favourite debugging session involved a thread dump, a whiteboard and a very patient SRE.',
          },
        ],
      },
      {
        role: 'software engineer',
        lead: ['rails', 'ruby', 'postgresql'],
        focus: 'Ruby on Rails and PostgreSQL',
        more: ['rest-api', 'test-driven-development', 'refactoring', 'redis'],
        help: [
          'ActiveRecord associations and callbacks',
          'untangling fat models and controllers',
          'getting a first test suite in place',
          'slow pages in Rails apps',
        ],
        stories: [
          {
            text: 'I learned to code at a Rails bootcamp and stayed because I still enjoy how much one person can ship with it.',
          },
          {
            text: 'I led the upgrade of a ten-year-old Rails app across four major versions without a feature freeze.',
            minYears: 6,
          },
        ],
      },
      {
        role: 'web developer',
        lead: ['php', 'laravel', 'mysql'],
        focus: 'PHP, Laravel and MySQL',
        more: ['wordpress', 'rest-api', 'javascript', 'query-optimization'],
        help: [
          'Laravel queues, jobs and scheduling',
          'legacy PHP that nobody dares to touch',
          'MySQL queries that got slow as the data grew',
          'WordPress plugins that conflict',
        ],
        stories: [
          {
            text: 'I have built and maintained Laravel apps for everything from a ticketing startup to a regional newspaper.',
          },
          { text: 'I started out editing WordPress themes over FTP, so no legacy PHP scares me.' },
        ],
      },
      {
        role: '.NET developer',
        lead: ['csharp', 'dotnet', 'sql-server'],
        focus: 'C#, .NET and SQL Server',
        more: ['azure', 'rest-api', 'object-oriented-programming', 'design-patterns', 'unit-testing'],
        help: [
          'async/await deadlocks in C#',
          'Entity Framework queries and migrations',
          'dependency injection in ASP.NET Core',
          'moving an app from .NET Framework to modern .NET',
        ],
        stories: [
          {
            text: 'I moved a large line-of-business app from .NET Framework to .NET 8 one project at a time.',
            minYears: 5,
          },
          {
            text: 'I like C# for its tooling and SQL Server for its query plans, which I will happily read with you.',
          },
        ],
      },
      {
        role: 'frontend engineer',
        lead: ['vue', 'javascript', 'css'],
        focus: 'Vue, JavaScript and CSS',
        more: ['nuxt', 'typescript', 'vite', 'state-management', 'web-performance'],
        help: [
          'Vue reactivity surprises',
          'moving from the Options API to the Composition API',
          'Pinia and state management',
          'build errors after a Vite upgrade',
        ],
        stories: [
          { text: 'I have written Vue since version 2 and migrated two large apps to Vue 3.', minYears: 4 },
          { text: 'I care a lot about small bundles and fast first loads on cheap phones.' },
        ],
      },
      {
        role: 'frontend engineer',
        lead: ['angular', 'typescript', 'state-management'],
        focus: 'Angular, TypeScript and state management',
        more: ['javascript', 'testing', 'frontend-architecture', 'web-performance', 'accessibility'],
        help: [
          'RxJS streams that never complete',
          'change detection performance',
          'structuring a large Angular workspace',
          'upgrades across Angular versions',
        ],
        stories: [
          {
            text: 'I work on a large Angular app that thousands of staff use all day, so I care about forms and performance.',
          },
          {
            text: 'I led our move from AngularJS to Angular, which took longer than anyone wants to admit.',
            minYears: 7,
          },
        ],
      },
    ],
  },
  {
    field: 'mobile',
    weight: 6,
    ladder: 'engineering',
    freelance: true,
    ownCompanyShare: 0.5,
    companies: [
      'a mobile banking app',
      'a fitness app',
      'a mobility startup',
      'a dating app',
      'an app studio',
    ],
    intros: ["I've been building mobile apps for {years}, most recently {where}."],
    stories: [{ text: 'I still test every release on the oldest phone in my drawer before it ships.' }],
    extras: ['git', 'debugging', 'ci-cd', 'accessibility', 'mentoring', 'ux-design'],
    tracks: [
      {
        role: 'iOS engineer',
        lead: ['ios', 'swift', 'swiftui'],
        focus: 'iOS, Swift and SwiftUI',
        more: ['objective-c', 'testing', 'accessibility', 'debugging'],
        help: [
          'SwiftUI state that updates at the wrong time',
          'migrating UIKit screens to SwiftUI',
          'App Store review rejections',
          'async/await and actor warnings in Swift',
        ],
        stories: [
          {
            text: 'I have shipped iOS apps used by more than a million people, including one featured on the App Store.',
            minYears: 5,
          },
          {
            text: 'I started with Objective-C and remember retain cycles vividly, which is why I love what Swift concurrency fixes.',
            minYears: 8,
          },
        ],
      },
      {
        role: 'Android engineer',
        lead: ['android', 'kotlin', 'jetpack-compose'],
        focus: 'Android, Kotlin and Jetpack Compose',
        more: ['java', 'testing', 'firebase', 'accessibility'],
        help: [
          'recomposition and state in Jetpack Compose',
          'coroutines and Flow',
          'Gradle builds that suddenly fail',
          'apps that behave differently on low-end phones',
        ],
        stories: [
          {
            text: 'I build for markets where most users are on low-end Android phones with patchy data, so offline-first is my default.',
          },
          {
            text: 'I led the migration of a large app from XML layouts to Jetpack Compose, screen by screen.',
            minYears: 4,
          },
        ],
      },
      {
        role: 'mobile engineer',
        lead: ['react-native', 'typescript', 'react'],
        focus: 'React Native, TypeScript and React',
        more: ['ios', 'android', 'firebase', 'testing'],
        help: [
          'navigation and deep links in React Native',
          'native module build errors',
          'performance on older devices',
          'getting a first app through store review',
        ],
        stories: [
          {
            text: 'I moved from web development to mobile through React Native, so I know both worlds and where they differ.',
          },
          {
            text: 'My team replaced two native apps with one React Native codebase and kept our store ratings above 4.5.',
            minYears: 4,
          },
        ],
      },
      {
        role: 'mobile developer',
        lead: ['flutter', 'dart', 'firebase'],
        focus: 'Flutter, Dart and Firebase',
        more: ['ios', 'android', 'ui-design', 'testing'],
        help: [
          'state management in Flutter',
          'Firebase auth and Firestore security rules',
          'widgets that overflow on small screens',
          'publishing to both app stores',
        ],
        stories: [
          {
            text: 'I have built Flutter apps for clients in health, logistics and retail, usually as the only mobile developer.',
          },
          { text: 'I like pixel-perfect interfaces and am happy to pair on the fiddly layout bits.' },
        ],
      },
    ],
  },
  {
    field: 'data',
    weight: 9,
    ladder: 'engineering',
    freelance: true,
    ownCompanyShare: 0.5,
    companies: ['a supermarket chain', 'a marketing analytics firm', 'a sports betting company', 'a bank'],
    intros: ["I've worked with data for {years}, most recently {where}."],
    stories: [{ text: 'I believe most data problems are naming problems in disguise.' }],
    extras: ['statistics', 'data-analysis', 'git', 'python', 'communication', 'career-change'],
    tracks: [
      {
        role: 'data analyst',
        lead: ['sql', 'excel', 'data-visualization'],
        focus: 'SQL, Excel and clear data visualization',
        more: ['power-bi', 'tableau', 'statistics', 'data-analysis', 'sql-joins'],
        help: [
          'SQL joins that return too many rows',
          'Excel formulas, pivot tables and lookups',
          'turning a messy spreadsheet into a clear chart',
          'explaining numbers to non-technical stakeholders',
        ],
        stories: [
          {
            text: 'I moved into analytics from finance, so I still think in spreadsheets and translate them into SQL.',
          },
          {
            text: "I built the weekly sales dashboard my company's leadership actually reads, which mostly involved deleting charts.",
            minYears: 3,
          },
        ],
      },
      {
        role: 'analytics engineer',
        lead: ['dbt', 'sql', 'data-modeling'],
        focus: 'dbt, SQL and data modeling',
        more: ['snowflake', 'bigquery', 'data-warehousing', 'window-functions', 'git'],
        help: [
          'modeling messy source data into clean tables',
          'SQL window functions',
          'dbt tests and incremental models',
          'naming things in a warehouse',
        ],
        stories: [
          {
            text: 'I introduced dbt at my company and watched our arguments about metric definitions go from weekly to rare.',
            minYears: 4,
          },
          {
            text: 'I came to analytics engineering from a data analyst role, so I know both sides of the handover.',
          },
        ],
      },
      {
        role: 'data engineer',
        lead: ['python', 'spark', 'airflow'],
        focus: 'Python, Spark and Airflow pipelines',
        more: ['data-engineering', 'etl', 'kafka', 'aws', 'sql'],
        help: [
          'Spark jobs that run out of memory',
          'Airflow DAGs that fail at 3 a.m.',
          'choosing between batch and streaming',
          'making pipelines idempotent',
        ],
        stories: [
          {
            text: 'I run pipelines that move a few terabytes a day, and I have been paged for most of the ways they can fail.',
            minYears: 5,
          },
          { text: 'I like making pipelines boring: idempotent, observable and easy to rerun.' },
        ],
      },
      {
        role: 'database engineer',
        minYears: 4,
        lead: ['postgresql', 'query-optimization', 'database-indexing'],
        focus: 'PostgreSQL performance, indexing and query tuning',
        more: ['sql', 'data-modeling', 'mysql', 'redis', 'sql-joins'],
        help: [
          'reading EXPLAIN ANALYZE output',
          'choosing the right index',
          'schema design for a new product',
          'migrations on big tables without downtime',
        ],
        stories: [
          {
            text: 'I have been the person people call when PostgreSQL is slow for most of a decade.',
            minYears: 9,
          },
          {
            text: 'My favourite fix was one line: a missing index that turned a 40-second report into 200 milliseconds.',
          },
        ],
      },
      {
        role: 'BI developer',
        lead: ['power-bi', 'sql-server', 'excel'],
        focus: 'Power BI, SQL Server and Excel',
        more: ['data-visualization', 'data-modeling', 'sql', 'statistics'],
        help: [
          'DAX measures that give the wrong total',
          'star schemas for Power BI',
          'refreshes that time out',
          'Excel models that have outgrown Excel',
        ],
        stories: [
          { text: 'I build reporting for operations teams who need answers before their 9 a.m. meeting.' },
          {
            text: 'I replaced a 60-tab spreadsheet with a Power BI model without anyone losing their favourite view.',
            minYears: 3,
          },
        ],
      },
    ],
  },
  {
    field: 'ml',
    weight: 7,
    ladder: 'engineering',
    freelance: false,
    ownCompanyShare: 0.5,
    companies: [
      'an AI research lab',
      'a university research group',
      'a recommendation platform',
      'an insurtech',
    ],
    intros: ["I've worked in machine learning for {years}, most recently {where}."],
    stories: [
      { text: 'I always ask what the simplest baseline would score before anyone trains anything big.' },
    ],
    extras: ['python', 'statistics', 'data-analysis', 'git', 'public-speaking', 'technical-writing'],
    tracks: [
      {
        role: 'machine learning engineer',
        lead: ['machine-learning', 'python', 'scikit-learn'],
        focus: 'machine learning with Python and scikit-learn',
        more: ['feature-engineering', 'pandas', 'statistics', 'mlops', 'time-series'],
        help: [
          'models that look great offline and fail in production',
          'feature leakage',
          'picking a baseline before reaching for deep learning',
          'evaluation metrics that match the business question',
        ],
        stories: [
          {
            text: 'I have put fraud and churn models into production and learned that monitoring matters more than the model.',
            minYears: 4,
          },
          {
            text: 'I came to machine learning from physics, so I like to start from the data and a simple baseline.',
          },
        ],
      },
      {
        role: 'NLP engineer',
        lead: ['llms', 'nlp', 'prompt-engineering'],
        focus: 'LLMs, NLP and prompt engineering',
        more: ['rag', 'hugging-face', 'python', 'pytorch'],
        help: [
          'retrieval-augmented generation that retrieves the wrong thing',
          'evaluating LLM output without relying on vibes',
          'prompts that must return structured output',
          'fine-tuning versus prompting decisions',
        ],
        stories: [
          {
            text: 'I built search and classification systems with classic NLP before LLMs, which helps me tell hype from progress.',
            minYears: 6,
          },
          {
            text: 'Most recently I shipped a retrieval-augmented support assistant and spent most of the time on evaluation.',
          },
        ],
      },
      {
        role: 'computer vision engineer',
        lead: ['computer-vision', 'pytorch', 'deep-learning'],
        focus: 'computer vision and deep learning in PyTorch',
        more: ['python', 'mlops', 'numpy', 'tensorflow'],
        help: [
          "training runs that don't converge",
          'data augmentation and labelling strategy',
          'moving a model from a notebook to a GPU server',
          'PyTorch shape errors',
        ],
        stories: [
          {
            text: 'I have trained defect-detection models for factory lines, where a false negative is expensive.',
          },
          { text: 'I did a PhD in medical imaging before moving into industry.', minYears: 6 },
        ],
      },
      {
        role: 'MLOps engineer',
        lead: ['mlops', 'docker', 'kubernetes'],
        focus: 'MLOps, Docker and Kubernetes for model serving',
        more: ['machine-learning', 'ci-cd', 'python', 'aws', 'observability'],
        help: [
          'packaging a model as a service',
          'reproducible training pipelines',
          'monitoring data and model drift',
          'GPU scheduling on Kubernetes',
        ],
        stories: [
          { text: 'I sit between data scientists and platform engineers and translate in both directions.' },
          {
            text: 'I built the model-serving platform at my company, which now runs a few hundred models.',
            minYears: 5,
          },
        ],
      },
      {
        role: 'data scientist',
        lead: ['statistics', 'ab-testing', 'python'],
        focus: 'statistics, A/B testing and Python',
        more: ['machine-learning', 'pandas', 'r', 'sql', 'jupyter'],
        help: [
          'A/B tests with surprising results',
          'choosing the right statistical test',
          'explaining uncertainty to stakeholders',
          'pandas code that takes forever',
        ],
        stories: [
          {
            text: 'I have run hundreds of product experiments, and the most valuable ones were the ones that failed.',
            minYears: 4,
          },
          { text: 'I like turning a vague question into one a dataset can actually answer.' },
        ],
      },
    ],
  },
  {
    field: 'cloud',
    weight: 8,
    ladder: 'engineering',
    freelance: true,
    ownCompanyShare: 0.5,
    companies: ['a hosting provider', 'a cloud consultancy', 'a video platform', 'a stock exchange'],
    intros: ["I've spent {years} keeping production systems running, most recently {where}."],
    stories: [{ text: 'My favourite kind of change is the one that lets me delete a runbook.' }],
    extras: ['git', 'debugging', 'networking', 'system-design', 'mentoring', 'technical-writing'],
    tracks: [
      {
        role: 'site reliability engineer',
        lead: ['site-reliability', 'observability', 'kubernetes'],
        focus: 'SRE, observability and Kubernetes',
        more: ['incident-response', 'linux', 'aws', 'terraform', 'go'],
        help: [
          'alerts that page you for nothing',
          'blameless postmortems',
          'SLOs that mean something',
          'a pod stuck in CrashLoopBackOff',
        ],
        stories: [
          {
            text: 'I have been on call for systems serving millions of users and have written more postmortems than I can count.',
            minYears: 5,
          },
          { text: 'I like turning scary outages into calm checklists.' },
        ],
      },
      {
        role: 'platform engineer',
        lead: ['terraform', 'aws', 'ci-cd'],
        focus: 'Terraform, AWS and CI/CD pipelines',
        more: [
          'docker',
          'github-actions',
          'infrastructure-as-code',
          'kubernetes',
          'cloud-cost-optimization',
          'bash',
        ],
        help: [
          'Terraform state and module structure',
          'CI pipelines that take 40 minutes',
          'IAM policies that deny everything',
          'a first AWS architecture for a small product',
        ],
        stories: [
          {
            text: 'I migrated a company from hand-built servers to Terraform and AWS, one service at a time.',
            minYears: 5,
          },
          { text: 'I once cut our CI time from 35 minutes to 8, and I still think about it fondly.' },
        ],
      },
      {
        role: 'DevOps engineer',
        lead: ['docker', 'linux', 'bash'],
        focus: 'Docker, Linux and shell scripting',
        more: ['ci-cd', 'nginx', 'networking', 'github-actions', 'git'],
        help: [
          'Dockerfiles that build huge images',
          'containers that work locally but not in CI',
          'Linux permissions and networking basics',
          'shell scripts that need to become real tools',
        ],
        stories: [
          { text: 'I started as a Linux sysadmin and still reach for the terminal first.' },
          {
            text: 'I enjoy teaching people what a container actually is, because everything gets easier after that.',
          },
        ],
      },
      {
        role: [
          [0, 'cloud architect'],
          [13, 'principal cloud architect'],
        ],
        minYears: 7,
        lead: ['cloud-architecture', 'azure', 'gcp'],
        focus: 'cloud architecture on Azure and Google Cloud',
        more: [
          'kubernetes',
          'terraform',
          'networking',
          'cloud-cost-optimization',
          'cloud-security',
          'system-design',
        ],
        help: [
          'choosing between managed services',
          'landing zones and network design',
          'cloud bills that keep growing',
          'multi-region designs',
        ],
        stories: [
          {
            text: 'I have designed cloud platforms for banks and retailers, usually after their first cloud bill surprised everyone.',
            minYears: 8,
          },
          {
            text: 'I am vendor-neutral by temperament and happy to talk through trade-offs rather than sell you a service.',
          },
        ],
      },
    ],
  },
  {
    field: 'security',
    weight: 5,
    ladder: 'design',
    freelance: true,
    ownCompanyShare: 0.5,
    companies: [
      'a security consultancy',
      'a cybersecurity firm',
      'a password manager company',
      'a national bank',
    ],
    intros: ["I've worked in security for {years}, most recently {where}."],
    stories: [{ text: 'I would rather help you fix one real vulnerability than recite a checklist.' }],
    extras: ['linux', 'networking', 'incident-response', 'python', 'technical-writing', 'mentoring'],
    tracks: [
      {
        role: 'application security engineer',
        lead: ['application-security', 'owasp', 'secure-code-review'],
        focus: 'application security, OWASP Top 10 and secure code review',
        more: ['threat-modeling', 'authentication', 'penetration-testing', 'devsecops'],
        help: [
          'fixing findings from a security scan',
          'SQL injection and XSS in real code',
          'security checks in CI that do not annoy everyone',
          'session and token handling',
        ],
        stories: [
          {
            text: 'I was a backend developer for years before moving into security, so I try to suggest fixes developers can actually ship.',
            minYears: 6,
          },
          {
            text: 'I have triaged a lot of bug bounty reports, and the best ones taught me more than any course.',
          },
        ],
      },
      {
        role: 'penetration tester',
        lead: ['penetration-testing', 'network-security', 'application-security'],
        focus: 'penetration testing, network and web security',
        more: ['owasp', 'linux', 'networking', 'cryptography'],
        help: [
          'getting started in offensive security',
          'preparing for certifications like OSCP',
          'pentest reports that people actually read',
          'home lab setups',
        ],
        stories: [
          { text: 'I have led dozens of penetration tests for banks, hospitals and startups.', minYears: 5 },
          { text: 'I got into security through capture-the-flag competitions and still play them.' },
        ],
      },
      {
        role: 'security engineer',
        lead: ['cloud-security', 'identity-and-access', 'threat-modeling'],
        focus: 'cloud security, IAM and threat modeling',
        more: ['aws', 'oauth', 'authentication', 'security-compliance', 'devsecops'],
        help: [
          'least-privilege IAM policies',
          'OAuth and OpenID Connect flows',
          'running a first threat-modeling session',
          'SOC 2 evidence without the pain',
        ],
        stories: [
          {
            text: 'I built the security programme at a startup from nothing to its first SOC 2 report.',
            minYears: 7,
          },
          { text: 'I like security work that makes the secure path the easy path.' },
        ],
      },
      {
        role: 'security architect',
        minYears: 8,
        lead: ['cryptography', 'privacy', 'security-compliance'],
        focus: 'cryptography, privacy engineering and compliance',
        more: ['identity-and-access', 'application-security', 'threat-modeling'],
        help: [
          'choosing encryption that fits your threat model',
          'key management and rotation',
          'the GDPR questions engineers actually face',
          'TLS certificate headaches',
        ],
        stories: [
          { text: 'I review a lot of designs that roll their own crypto, and I try to be kind about it.' },
          {
            text: 'I have worked on payments and health data systems where privacy mistakes are not an option.',
            minYears: 6,
          },
        ],
      },
    ],
  },
  {
    field: 'design',
    weight: 7,
    ladder: 'design',
    freelance: true,
    ownCompanyShare: 0.5,
    companies: ['a design agency', 'a product studio', 'a banking app', 'a music streaming service'],
    intros: ["I've been designing digital products for {years}, most recently {where}."],
    stories: [
      { text: 'I sketch on paper before I open any tool, and I will probably ask you to do the same.' },
    ],
    extras: ['figma', 'portfolio', 'communication', 'career-change', 'mentoring', 'user-research'],
    tracks: [
      {
        role: 'product designer',
        lead: ['product-design', 'figma', 'prototyping'],
        focus: 'product design, Figma and prototyping',
        more: ['ux-design', 'ui-design', 'user-research', 'design-systems', 'portfolio'],
        help: [
          'portfolio case studies that show your thinking',
          'Figma auto layout and components',
          'design critiques',
          'presenting work to engineers and PMs',
        ],
        stories: [
          {
            text: 'I moved into product design from graphic design, so I care about craft and about the business problem.',
          },
          {
            text: 'I led the redesign of an onboarding flow that lifted activation by a fifth.',
            minYears: 4,
          },
        ],
      },
      {
        role: 'UX researcher',
        lead: ['user-research', 'usability-testing', 'ux-design'],
        focus: 'user research, usability testing and UX',
        more: ['product-discovery', 'information-architecture', 'interaction-design', 'analytics'],
        help: [
          'writing an interview guide',
          'recruiting participants on a tiny budget',
          'synthesizing research into decisions',
          'usability tests that lead to change',
        ],
        stories: [
          {
            text: 'I have run hundreds of user interviews, from hospital wards to farm co-ops.',
            minYears: 5,
          },
          { text: 'I like helping teams who think they have no time for research find an hour for it.' },
        ],
      },
      {
        role: 'design systems designer',
        minYears: 4,
        lead: ['design-systems', 'ui-design', 'accessibility'],
        focus: 'design systems, UI design and accessibility',
        more: ['figma', 'typography', 'visual-design', 'frontend-architecture'],
        help: [
          'naming tokens and components',
          'accessible colour palettes',
          'getting teams to adopt a design system',
          'Figma libraries that scale',
        ],
        stories: [
          { text: 'I built and ran a design system used by eight product teams.', minYears: 6 },
          { text: 'I pair a lot with frontend engineers, so I speak a little CSS.' },
        ],
      },
      {
        role: 'UX designer',
        lead: ['ux-design', 'interaction-design', 'information-architecture'],
        focus: 'UX, interaction design and information architecture',
        more: ['prototyping', 'usability-testing', 'ux-writing', 'figma'],
        help: [
          'navigation that makes sense to users',
          'complex forms and flows',
          'wireframing before pixels',
          'breaking into UX from another field',
        ],
        stories: [
          { text: 'I design tools people use eight hours a day, so small bits of friction matter.' },
          {
            text: 'I switched into UX from architecture, and I still sketch everything on paper first.',
            minYears: 3,
          },
        ],
      },
    ],
  },
  {
    field: 'product',
    weight: 6,
    ladder: 'product',
    freelance: false,
    ownCompanyShare: 0.5,
    companies: [
      'a marketplace startup',
      'a productivity app',
      'a mobility company',
      'an HR software company',
    ],
    intros: ["I've spent {years} in product roles, most recently {where}."],
    stories: [
      { text: 'I think a good spec fits on one page and a good roadmap admits what it does not know.' },
    ],
    extras: [
      'communication',
      'stakeholder-management',
      'sql',
      'public-speaking',
      'career-change',
      'mentoring',
    ],
    tracks: [
      {
        role: 'product manager',
        lead: ['product-management', 'roadmapping', 'prioritization'],
        focus: 'product management, roadmaps and prioritization',
        more: ['okrs', 'stakeholder-management', 'user-stories', 'agile', 'analytics'],
        help: [
          'saying no to stakeholders without burning bridges',
          'turning strategy into a roadmap',
          'prioritization frameworks that survive contact with reality',
          'your first 90 days as a PM',
        ],
        stories: [
          {
            text: 'I have been a product manager at a 20-person startup and at a 20,000-person company, and the job was very different.',
            minYears: 6,
          },
          { text: 'I started in customer support, which is still the best product training I ever had.' },
        ],
      },
      {
        role: 'product manager',
        lead: ['product-discovery', 'product-strategy', 'roadmapping'],
        focus: 'product discovery, strategy and outcome-based roadmaps',
        more: ['user-research', 'okrs', 'product-management', 'analytics', 'startups'],
        help: [
          'running discovery interviews',
          'a product strategy people remember',
          'moving from feature roadmaps to outcomes',
          'PM interview case questions',
        ],
        stories: [
          {
            text: 'I spend at least an hour a week talking to customers, and it is the hour I protect most.',
          },
          {
            text: 'I led the discovery work that convinced my company to kill its most expensive feature, and I am still proud of it.',
            minYears: 5,
          },
        ],
      },
      {
        role: 'growth product manager',
        lead: ['growth', 'analytics', 'ab-testing'],
        focus: 'growth, product analytics and experimentation',
        more: ['go-to-market', 'sql', 'product-management', 'data-analysis'],
        help: [
          'experiments that answer a real question',
          'activation and retention metrics',
          'funnels in Amplitude or Mixpanel',
          'reading A/B test results honestly',
        ],
        stories: [
          {
            text: 'I ran the growth team at a consumer app as it grew from 50,000 to two million users.',
            minYears: 6,
          },
          {
            text: "I learned SQL so I would stop waiting in the data team's queue, and I recommend it to every PM.",
          },
        ],
      },
      {
        role: [
          [0, 'agile coach'],
          [12, 'enterprise agile coach'],
        ],
        minYears: 5,
        lead: ['agile', 'scrum', 'kanban'],
        focus: 'Agile, Scrum and Kanban without the ceremony overload',
        more: ['user-stories', 'stakeholder-management', 'okrs', 'coaching', 'team-building'],
        help: [
          'retrospectives that lead to change',
          'estimates and deadlines',
          'teams drowning in meetings',
          'becoming a Scrum Master',
        ],
        stories: [
          { text: 'I have coached teams at banks, a public broadcaster and a games studio.', minYears: 6 },
          { text: 'My rule of thumb is to delete one meeting before adding a new one.' },
        ],
      },
      {
        role: [[0, 'co-founder']],
        minYears: 6,
        lead: ['startups', 'go-to-market', 'product-strategy'],
        focus: 'early-stage startups, go-to-market and product strategy',
        more: ['growth', 'product-management', 'hiring', 'okrs'],
        help: [
          'finding your first ten customers',
          'pricing your first product',
          'pitch decks and narrative',
          'deciding what not to build',
        ],
        stories: [
          { text: 'I have co-founded two startups: one was acquired and one taught me a great deal.' },
          {
            text: 'Before founding a company I was a product manager, so I still write specs, just shorter ones.',
          },
        ],
      },
    ],
  },
  {
    field: 'careers',
    weight: 6,
    ladder: 'design',
    freelance: false,
    ownCompanyShare: 1,
    companies: [
      'a coding bootcamp',
      'a tech recruiting agency',
      'a university careers service',
      'a big tech company',
      'an online learning platform',
      'a nonprofit that trains career changers',
    ],
    intros: ["I've spent {years} helping people find and grow into jobs in tech, most recently {where}."],
    stories: [{ text: 'I believe job searching is a skill, and skills can be practised.' }],
    extras: ['communication', 'mentoring', 'public-speaking', 'personal-branding', 'interviewing'],
    tracks: [
      {
        role: [[0, 'career coach']],
        lead: ['career-change', 'job-search', 'resume-review'],
        focus: 'career changes into tech, job search and resumes',
        more: ['portfolio', 'personal-branding', 'interviewing', 'salary-negotiation'],
        help: [
          'telling your career-change story',
          'resumes that get past the first screen',
          'finding roles that value your previous career',
          'staying motivated through a long search',
        ],
        stories: [
          {
            text: 'I changed careers myself, from teaching to software, and now help others do it with fewer detours.',
          },
          {
            text: 'I have coached more than 300 bootcamp graduates through their first tech job search.',
            minYears: 4,
          },
        ],
      },
      {
        role: [
          [0, 'technical recruiter'],
          [8, 'senior technical recruiter'],
        ],
        lead: ['interviewing', 'resume-review', 'salary-negotiation'],
        focus: 'interview prep, resumes and offer negotiation',
        more: ['job-search', 'behavioral-interviews', 'personal-branding', 'hiring'],
        help: [
          'what recruiters look for in the first 30 seconds',
          'negotiating an offer without fear',
          'answering "tell me about yourself"',
          'equity and total compensation',
        ],
        stories: [
          {
            text: 'I have hired for startups and for big tech, and read more resumes than I would like to admit.',
            minYears: 3,
          },
          {
            text: 'I can tell you what recruiters really think, because I have been one for years.',
            minYears: 3,
          },
        ],
      },
      {
        role: [[0, 'interview coach']],
        minYears: 6,
        lead: ['coding-interviews', 'system-design', 'behavioral-interviews'],
        focus: 'coding, system design and behavioral interviews',
        more: ['algorithms', 'data-structures', 'interviewing', 'salary-negotiation'],
        help: [
          'thinking out loud in a coding interview',
          'structuring a system design answer',
          'STAR stories that sound like you',
          'what to do when your mind goes blank',
        ],
        stories: [
          { text: 'I have run more than 500 technical interviews at two large tech companies.', minYears: 6 },
          { text: 'I believe interviews are a skill you can practise, not a test of your worth.' },
        ],
      },
      {
        role: [[0, 'career coach']],
        minYears: 8,
        lead: ['career-growth', 'personal-branding', 'salary-negotiation'],
        focus: 'career growth, promotions and personal branding',
        more: ['performance-reviews', 'public-speaking', 'mentoring', 'remote-work'],
        help: [
          'building a promotion case',
          'a LinkedIn profile that reflects what you actually do',
          'asking for a raise',
          'deciding whether to stay or leave',
        ],
        stories: [
          {
            text: 'I spent ten years as an engineer before moving into coaching, so I know the career ladder from the inside.',
            minYears: 12,
          },
          {
            text: 'I help people say out loud what they want from their careers, which is harder than it sounds.',
          },
        ],
      },
      {
        role: [[0, 'career advisor']],
        lead: ['portfolio', 'job-search', 'remote-work'],
        focus: 'portfolios, job search and landing remote roles',
        more: ['career-change', 'resume-review', 'freelancing', 'personal-branding'],
        help: [
          'choosing portfolio projects that stand out',
          'freelancing while you look for a job',
          'applying to remote roles across time zones',
          'project READMEs that recruiters read',
        ],
        stories: [
          {
            text: 'I review portfolios every week and can usually point to the one change that will matter most.',
          },
          { text: 'I landed my first remote job from a small town, and I love helping others do the same.' },
        ],
      },
    ],
  },
  {
    field: 'leadership',
    weight: 6,
    minYears: 7,
    ladder: 'engineering',
    freelance: false,
    ownCompanyShare: 0.5,
    companies: ['a scale-up', 'a unicorn fintech', 'a software consultancy', 'a large retailer'],
    intros: [
      "I've been in tech for {years} and have led teams for a good part of that, most recently {where}.",
    ],
    stories: [
      { text: 'I keep a folder of every mistake I made as a new manager, and I am happy to share it.' },
    ],
    extras: ['mentoring', 'hiring', 'career-growth', 'communication', 'remote-work'],
    tracks: [
      {
        role: [
          [0, 'engineering manager'],
          [11, 'senior engineering manager'],
          [15, 'director of engineering'],
        ],
        lead: ['engineering-management', 'one-on-ones', 'hiring'],
        focus: 'engineering management, 1:1s and hiring',
        more: [
          'people-management',
          'performance-reviews',
          'feedback',
          'team-building',
          'conflict-resolution',
        ],
        help: [
          'your first months as a new manager',
          'one-on-ones that are not status updates',
          'hiring loops that are fair and fast',
          'managing former peers',
        ],
        stories: [
          {
            text: 'I moved from tech lead to manager without any training, and I want to make that jump easier for others.',
          },
          {
            text: 'I have grown teams from four to thirty engineers, and back down again during a restructure.',
            minYears: 12,
          },
        ],
      },
      {
        role: [
          [0, 'tech lead'],
          [12, 'principal engineer'],
        ],
        lead: ['tech-leadership', 'system-design', 'code-review'],
        focus: 'technical leadership, system design and code review',
        more: ['mentoring', 'software-architecture', 'communication', 'stakeholder-management'],
        help: [
          'leading without authority',
          'design docs that get read',
          'technical decisions under uncertainty',
          'a healthier code review culture',
        ],
        stories: [
          { text: 'I like being the engineer who makes the rest of the team faster.' },
          {
            text: 'I have led the technical design of three platform rewrites, and only one of them needed a rewrite of its own.',
            minYears: 10,
          },
        ],
      },
      {
        role: [
          [0, 'engineering manager'],
          [14, 'VP of engineering'],
        ],
        lead: ['people-management', 'performance-reviews', 'conflict-resolution'],
        focus: 'people management, performance reviews and difficult conversations',
        more: ['feedback', 'coaching', 'one-on-ones', 'team-building', 'remote-work'],
        help: [
          'feedback that lands',
          'performance plans done humanely',
          'conflict between strong engineers',
          'managing a distributed team',
        ],
        stories: [
          { text: 'I have managed managers across four countries, mostly remotely.', minYears: 12 },
          { text: 'I believe most people problems are clarity problems.' },
        ],
      },
      {
        role: [
          [0, 'engineering manager'],
          [13, 'CTO'],
        ],
        lead: ['public-speaking', 'communication', 'coaching'],
        focus: 'public speaking, communication and coaching',
        more: ['mentoring', 'tech-leadership', 'personal-branding', 'stakeholder-management'],
        help: [
          'your first conference talk',
          'presenting to executives',
          'writing a clear update',
          'coaching your own team',
        ],
        stories: [
          {
            text: 'I have spoken at conferences on four continents and still get nervous every time.',
            minYears: 8,
          },
          { text: 'Every year I coach first-time speakers for a local meetup.' },
        ],
      },
    ],
  },
  {
    field: 'writing',
    weight: 4,
    ladder: 'design',
    freelance: true,
    ownCompanyShare: 0.5,
    companies: [
      'a developer tools company',
      'an API platform',
      'an open-source foundation',
      'a cloud provider',
    ],
    intros: ["I've been writing about software for {years}, most recently {where}."],
    stories: [{ text: 'I read every draft out loud before I publish it, and I recommend it to everyone.' }],
    extras: ['editing', 'communication', 'seo', 'blogging', 'git'],
    tracks: [
      {
        role: 'technical writer',
        lead: ['technical-writing', 'documentation', 'api-documentation'],
        focus: 'technical writing, docs and API references',
        more: ['editing', 'git', 'open-source', 'information-architecture'],
        help: [
          'structuring documentation so people find things',
          'READMEs that get a project adopted',
          'API reference pages',
          'editing your own drafts',
        ],
        stories: [
          {
            text: 'I moved into technical writing from support, where I saw what happens when docs are missing.',
          },
          {
            text: 'I rebuilt the developer docs for an API platform and cut support tickets by a third.',
            minYears: 4,
          },
        ],
      },
      {
        role: 'developer advocate',
        lead: ['blogging', 'public-speaking', 'technical-writing'],
        focus: 'technical blogging, talks and developer education',
        more: ['personal-branding', 'documentation', 'open-source', 'communication'],
        help: [
          'your first technical blog post',
          'turning a talk into a post and back again',
          'finding your own voice',
          'tutorials that actually work',
        ],
        stories: [
          {
            text: 'I have written more than a hundred tutorials, and I still run every command before publishing.',
            minYears: 4,
          },
          { text: 'I started blogging to remember what I had learned, and it quietly changed my career.' },
        ],
      },
      {
        role: 'content designer',
        lead: ['ux-writing', 'copywriting', 'content-strategy'],
        focus: 'UX writing, copywriting and content strategy',
        more: ['editing', 'seo', 'ux-design', 'information-architecture'],
        help: [
          'error messages that actually help',
          'microcopy for onboarding',
          'landing page copy',
          'voice and tone guides',
        ],
        stories: [
          { text: 'I was a journalist before I was a content designer, so I cut words for a living.' },
          { text: 'I wrote the voice and tone guide my company still uses.', minYears: 5 },
        ],
      },
      {
        role: 'documentation engineer',
        lead: ['documentation', 'git', 'open-source'],
        focus: 'docs as code, Git and open-source documentation',
        more: ['technical-writing', 'ci-cd', 'api-documentation', 'github-actions'],
        help: [
          'setting up a docs site from a repository',
          'documentation review in pull requests',
          'contributing docs to open source',
          'keeping docs in sync with code',
        ],
        stories: [
          { text: 'I maintain the docs for a popular open-source project in my spare time.' },
          { text: 'I believe docs should be reviewed like code and shipped like code.' },
        ],
      },
    ],
  },
];
