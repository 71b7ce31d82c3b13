import { badgeNames } from './badges.js';
import { LAUNCHER_LABEL } from './locale.js';
import { plural } from './plural.js';
import { reviewEn } from './review/en.js';

// Every string the learner widget shows, in English. Plurals and values are functions.
export const en = {
  launcher: LAUNCHER_LABEL.en,
  intro: 'We match you with mentors who know it; you pick one and a time.',
  topic: (topic: string) => `Topic: ${topic}`,
  close: 'Close',
  offline: "You're offline. Reconnect to ask or book.",
  over: (n: number) =>
    `${plural('en', n, { one: '# character', other: '# characters' })} too many: nothing was cut, shorten it to send.`,
  guest: {
    heading: 'Who is asking?',
    intro: 'Your mentor will see your name and email.',
    name: 'Your name',
    email: 'Email',
    nameRequired: 'Enter your name.',
    emailInvalid: 'Enter a valid email.',
    submit: 'Continue',
  },
  mine: {
    open: 'My help',
    zone: (zone: string) => `Times in ${zone}`,
    unread: (n: number) => plural('en', n, { one: '# unread message', other: '# unread messages' }),
    cancelAsk: (name: string, when: string) =>
      `Cancel your session with ${name} on ${when}? ${name} is told and the time is freed; this cannot be undone.`,
    keepSession: 'Keep the session',
  },
  form: {
    heading: 'Your question',
    title: 'What are you stuck on?',
    titleHint: 'One sentence is enough.',
    titleRequired: 'Say in a few words what you are stuck on.',
    details: 'Details (optional)',
    detailsHint: 'What did you try? What happened?',
    format: 'How would you like help?',
    formats: reviewEn.formats,
    urgency: 'How soon?',
    urgencies: { now: 'Right now', today: 'Today', this_week: 'This week', flexible: 'Flexible' },
    selection: 'From the page, sent with your question:',
    selectionCut: (max: string) => `Only the first ${max} characters of your selection are sent.`,
    removeSelection: 'Remove selection',
    context: 'Sent with your question',
    contextPage: (title: string) => `Page: ${title}`,
    contextCourse: (course: string) => `Course: ${course}`,
    contextLesson: (lesson: string) => `Lesson: ${lesson}`,
    submit: 'Find a mentor',
    submitting: 'Finding mentors…',
  },
  matches: {
    heading: 'Mentors who can help',
    found: (n: number) => plural('en', n, { one: '# mentor found', other: '# mentors found' }),
    noneHeading: 'No match yet',
    empty: 'No mentor here knows this well yet.',
    broaden: 'Search any format, no rush',
    back: 'Change my question',
    others: 'See other mentors',
    booking: 'Booking…',
    message: (name: string) => `Message ${name} instead`,
    messaged: (name: string) => `Message thread with ${name} open: they will reply there.`,
    askProgram: 'Ask the program',
    askedProgram: 'Your question is with the program: a mentor will take it and write to you.',
    waitForMatch: 'Tell me when a mentor is here',
    waiting: 'We will tell you when a mentor who knows this is here.',
    instantNow: 'Get instant help now',
  },
  slotReview: reviewEn,
  card: {
    rating: (rating: string, count: number) =>
      `Rated ${rating} out of 5 (${plural('en', count, { one: '# review', other: '# reviews' })})`,
    slots: 'Next free times',
    slotsFor: (name: string) => `Free times with ${name}`,
    noSlots: 'No free times in the next days',
    badges: badgeNames.en,
  },
  reasons: {
    skill: (skills: string) => `Knows ${skills}`,
    related: (skill: string, near: string) => `Works with ${skill}, close to ${near}`,
    mentions: (terms: string) => `Profile mentions ${terms}`,
    board: (label: string) => (label ? `On your board for ${label}` : 'On your board'),
    speaks: (languages: string) => `Speaks ${languages}`,
    newMentor: 'New mentor',
    years: (n: number) =>
      n < 1
        ? 'Less than a year of experience'
        : plural('en', n, { one: '# year of experience', other: '# years of experience' }),
    rated: (rating: string, n: number) =>
      `Rated ${rating} from ${plural('en', n, { one: '# session', other: '# sessions' })}`,
    unrated: 'Not rated yet',
    freeNow: 'Free now',
    free: (when: string) => `Free ${when}`,
  },
  confirmation: {
    heading: 'You are booked',
    withMentor: reviewEn.withMentor,
    join: 'Join the session',
    callYou: (phone: string) => `Your mentor will call you at ${phone}.`,
    dialIn: 'Dial in:',
    thread: 'A message thread is open: your mentor will write to you there.',
    calendar: 'Add to calendar',
    cancelReason: 'Reason for cancelling',
    cancelReasonDefault: 'No longer needed',
    cancel: 'Cancel session',
    cancelling: 'Cancelling…',
    cancelled: 'Your session is cancelled.',
    another: 'Ask another question',
  },
  errors: {
    connection: 'Could not connect. Check your connection and try again.',
    auth: 'Your sign-in has expired. Reload the page and try again.',
    permission: 'This site may not use mentoring right now.',
    validation: 'Some details are not right. Check the form.',
    notFound: 'That item no longer exists.',
    slotTaken: 'That time was just taken. Please pick another one.',
    notChangeable:
      'This session has already started or is no longer booked, so it cannot be cancelled or moved.',
    rateLimited: 'Too many tries. Wait a moment and try again.',
    setup: 'This help widget is not set up yet.',
    generic: 'Something went wrong. Please try again.',
  },
};

export type Messages = typeof en;
