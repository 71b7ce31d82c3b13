import type { ReportResolution, SessionFormat } from '../../../db/database.js';
import type { EmailKind } from '../kinds.js';

type Phrase<A extends unknown[] = []> = (...args: A) => string;

/** Every word an email says, per language (en, es). */
export interface EmailWords {
  locale: 'en' | 'es';
  greeting: Phrase<[name: string]>;
  format: Record<SessionFormat, string>;
  when: string;
  duration: Phrase<[minutes: number]>;
  how: string;
  join: string;
  dialIn: Phrase<[number: string]>;
  callsYou: string;
  callLearner: Phrase<[number: string]>;
  chatInPage: string;
  question: string;
  note: string;
  invitationHint: string;
  booked: Record<
    'learner' | 'mentor',
    {
      subject: Phrase<[other: string, when: string]>;
      heading: string;
      intro: Phrase<[other: string, format: string]>;
    }
  >;
  moved: {
    subject: Phrase<[other: string, when: string]>;
    heading: string;
    intro: Phrase<[other: string, previous: string]>;
  };
  cancelled: {
    subject: Phrase<[other: string, when: string]>;
    heading: string;
    intro: Phrase<[other: string, by: 'you' | 'them']>;
    byProgram: Phrase<[other: string]>;
    reason: string;
  };
  reminder: {
    /** `minutes`: how long before the session (the program's `reminderMinutesBefore`). */
    subject: Phrase<[other: string, minutes: number]>;
    heading: Phrase<[minutes: number]>;
    intro: Phrase<[other: string]>;
  };
  feedback: { subject: Phrase<[mentor: string]>; heading: string; intro: Phrase<[mentor: string]> };
  requests: {
    subject: Phrase<[title: string]>;
    digestSubject: Phrase<[count: number]>;
    heading: Phrase<[count: number]>;
    intro: string;
    now: string;
  };
  messages: {
    subject: Phrase<[from: string]>;
    digestSubject: Phrase<[from: string, count: number]>;
    heading: Phrase<[from: string]>;
    replyHint: string;
    openHint: string;
  };
  /** The learner's request went to another mentor (the one it was with did not answer in time). */
  reassigned: {
    subject: Phrase<[title: string]>;
    heading: string;
    intro: string;
    offered: Phrase<[mentors: string]>;
    unanswered: string;
    question: string;
  };
  /** Honest when nobody fits: a mentor took the request from the program queue, or one who fits is here. */
  nobodyFit: {
    takenSubject: Phrase<[title: string]>;
    takenHeading: string;
    takenIntro: Phrase<[mentor: string]>;
    foundSubject: Phrase<[title: string]>;
    foundHeading: string;
    foundIntro: Phrase<[mentors: string]>;
    question: string;
  };
  application: {
    approvedSubject: string;
    approvedHeading: string;
    approvedIntro: string;
    rejectedSubject: string;
    rejectedHeading: string;
    rejectedIntro: string;
    reason: string;
  };
  report: {
    subject: string;
    heading: string;
    outcome: Record<ReportResolution, Phrase<[mentor: string]>>;
    note: string;
  };
  unsubscribePage: {
    title: string;
    confirm: Phrase<[kind: EmailKind, program: string]>;
    button: string;
    done: Phrase<[kind: EmailKind, program: string]>;
    undo: string;
  };
  footer: { why: Phrase<[program: string]>; unsubscribe: Phrase<[kind: EmailKind]>; noTracking: string };
}
