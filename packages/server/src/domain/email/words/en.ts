import type { EmailWords } from './types.js';

export const en: EmailWords = {
  locale: 'en',
  greeting: (name) => `Hi ${name},`,
  format: { video: 'video call', call: 'phone call', chat: 'text chat' },
  when: 'When',
  duration: (minutes) => `${minutes} minutes`,
  how: 'How',
  join: 'Join the session',
  dialIn: (number) => `Dial in: ${number}`,
  callsYou: 'Your mentor calls the number you gave.',
  callLearner: (number) => `Call the learner at ${number}.`,
  chatInPage: 'In the text thread, where you asked for help.',
  question: 'The question',
  note: 'Note',
  invitationHint: 'The attached invitation puts it in your calendar, in your own time zone.',
  booked: {
    learner: {
      subject: (mentor, when) => `Booked: your session with ${mentor}, ${when}`,
      heading: 'Your session is booked',
      intro: (mentor, format) => `You have a ${format} with ${mentor}.`,
    },
    mentor: {
      subject: (learner, when) => `New session: ${learner}, ${when}`,
      heading: 'A learner booked you',
      intro: (learner, format) => `${learner} booked a ${format} with you.`,
    },
  },
  moved: {
    subject: (other, when) => `Moved: your session with ${other} is now ${when}`,
    heading: 'Your session moved',
    intro: (other, previous) => `Your session with ${other} was moved from ${previous}.`,
  },
  cancelled: {
    subject: (other, when) => `Cancelled: your session with ${other}, ${when}`,
    heading: 'Your session is cancelled',
    intro: (other, by) =>
      by === 'you' ? `You cancelled your session with ${other}.` : `${other} cancelled your session.`,
    byProgram: (other) => `The program cancelled your session with ${other}.`,
    reason: 'Reason',
  },
  reminder: {
    subject: (other, minutes) => `${inTime(minutes)}: your session with ${other}`,
    heading: (minutes) => `Your session starts ${inTime(minutes).toLowerCase()}`,
    intro: (other) => `A reminder of your session with ${other}.`,
  },
  feedback: {
    subject: (mentor) => `How did your session with ${mentor} go?`,
    heading: 'How did it go?',
    intro: (mentor) =>
      `Your session with ${mentor} is over. Two taps tell them — and the program — whether it helped; the action items you agreed are in My help.`,
  },
  requests: {
    subject: (title) => `New request: ${title}`,
    digestSubject: (count) => `${count} new requests for you`,
    heading: (count) =>
      count === 1 ? 'A learner is asking for your help' : `${count} learners are asking for your help`,
    intro: 'Open your mentor console to answer or pass.',
    now: 'Wants help now',
  },
  messages: {
    subject: (from) => `New message from ${from}`,
    digestSubject: (from, count) => `${count} new messages from ${from}`,
    heading: (from) => `${from} wrote to you`,
    replyHint: 'Reply to this email to answer in the thread.',
    openHint: 'Open the thread where you asked for help to answer.',
  },
  reassigned: {
    subject: (title) => `Your request went to another mentor: ${title}`,
    heading: 'We passed your request on',
    intro: 'The mentor your request was with did not answer in time, so we did not leave you waiting.',
    offered: (mentors) => `It is now with ${mentors}. You will hear as soon as they answer.`,
    unanswered:
      'No other mentor fits it right now. It stays open, and the program can see it and will help find someone.',
    question: 'Your request',
  },
  nobodyFit: {
    takenSubject: (title) => `A mentor took your request: ${title}`,
    takenHeading: 'A mentor took your question',
    takenIntro: (mentor) =>
      `${mentor} took your request from the program and will write to you. Answer in the request’s thread and book a time with them there.`,
    foundSubject: (title) => `A mentor who knows this is here: ${title}`,
    foundHeading: 'A mentor is here',
    foundIntro: (mentors) =>
      `You asked us to tell you when a mentor who knows this joins or frees up. ${mentors} can help now: open your request to book a time.`,
    question: 'Your request',
  },
  application: {
    approvedSubject: 'Your mentor profile is approved',
    approvedHeading: 'Welcome aboard',
    approvedIntro: 'Learners can now find and book you. Set your hours in the mentor console.',
    rejectedSubject: 'About your mentor application',
    rejectedHeading: 'Your application was not approved',
    rejectedIntro: 'The program reviewed your application and did not approve it this time.',
    reason: 'Reason',
  },
  report: {
    subject: 'Your report has been reviewed',
    heading: 'We reviewed your report',
    outcome: {
      dismiss: (mentor) => `The program reviewed your report about ${mentor} and took no action.`,
      pause: (mentor) => `The program paused ${mentor} while it looks into your report.`,
      suspend: (mentor) => `The program suspended ${mentor} after your report.`,
    },
    note: 'From the program',
  },
  unsubscribePage: {
    title: 'Email preferences',
    confirm: (kind, program) => `Stop ${kindName.en[kind]} emails from ${program}?`,
    button: 'Stop these emails',
    done: (kind, program) => `Done: ${program} sends you no more ${kindName.en[kind]} emails.`,
    undo: 'Changed your mind? Turn them back on in your email preferences (My help, or your mentor console).',
  },
  footer: {
    why: (program) => `You get this email because you use ${program}'s mentoring.`,
    unsubscribe: (kind) => `Stop ${kindName.en[kind]} emails`,
    noTracking: 'This email has no tracking pixels or tracked links.',
  },
};

/** "In 10 minutes", "In 2 hours", "Tomorrow" (24 h), "In 3 days". */
function inTime(minutes: number): string {
  if (minutes === 24 * 60) return 'Tomorrow';
  if (minutes % (24 * 60) === 0) return `In ${minutes / (24 * 60)} days`;
  if (minutes % 60 === 0) return minutes === 60 ? 'In 1 hour' : `In ${minutes / 60} hours`;
  return `In ${minutes} minutes`;
}

/** What each kind is called in "Stop … emails". */
export const kindName = {
  en: {
    bookings: 'booking',
    reminders: 'reminder',
    requests: 'new-request',
    messages: 'message',
    feedback: 'feedback',
    account: 'account',
  },
  es: {
    bookings: 'de reservas',
    reminders: 'de recordatorio',
    requests: 'de nuevas solicitudes',
    messages: 'de mensajes',
    feedback: 'de valoración',
    account: 'de tu cuenta',
  },
} as const;
