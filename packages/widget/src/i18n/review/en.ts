// The review of a chosen time before it is booked, in English. The learner flow's catalogue and
// the follow-up's (board of advisors, instant help) both show it; a module per language keeps
// each bundle to the languages it loads.
export const reviewEn = {
  review: 'Check your session',
  withMentor: (name: string) => `Session with ${name}`,
  zone: (zone: string) => `Time zone: ${zone}`,
  formats: { video: 'Video call', call: 'Phone call', chat: 'Text chat' },
  book: 'Book',
  change: 'Change time',
  phone: 'Your phone number',
  phoneHint: 'Only your mentor sees it. Start with + and the country code: +34 600 000 000',
  phoneBad: 'Enter your number with + and the country code, such as +34 600 000 000.',
};

export type ReviewWords = typeof reviewEn;
