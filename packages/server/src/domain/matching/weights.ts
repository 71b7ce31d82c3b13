/**
 * Every weight and threshold of mentor matching, in one place so they can be tuned (and reviewed)
 * together. Pure data: `analyze.ts` reads the query-side numbers, `rank.ts` the scoring ones.
 *
 * How the score is put together (see `scoreCandidates`):
 *
 *   relevance R = text·t + skill·s + related·r + meaning·m (renormalised over the parts that exist)
 *   gate      g = min(1, R / relevanceGate)              (1 when the query carries no topical signal)
 *   raw         = relevance·R + g·(seniority·S + quality·Q + availability[urgency]·A
 *                                  + newMentor·N + board·B − overload·O)
 *   score       = clamp01(raw / (relevance + the positive secondary weights for that urgency))
 *
 * The gate is what makes relevance dominate: a mentor with no topical match (R = 0) scores 0
 * whatever their seniority, rating or availability, and a weak match only gets a proportional
 * share of the secondary signals. `relevance > overload / relevanceGate` (checked by a test)
 * keeps every topical match strictly above 0, i.e. above every non-topical one.
 */
export const MATCH_WEIGHTS = {
  query: {
    /** A skill the learner picked from the skill picker is the clearest statement of need. */
    explicit: 1,
    /** The widget's topic (e.g. the course chapter the learner is on) is chosen, not inferred. */
    topic: 1,
    /** A skill, synonym or label written in the text: strong, but words can be incidental. */
    text: 0.9,
    /**
     * A single word that only appears inside a longer matched phrase ("react" in "React hooks",
     * "sql" in "SQL joins"): the broader skill is still useful, but the phrase is the actual ask.
     */
    textSubsumed: 0.6,
    /** A typo repaired by trigram similarity: usually right, occasionally a false friend. */
    fuzzy: 0.7,
    /**
     * pg_trgm similarity needed to accept a typo. 0.44 lets one dropped letter in a six-letter word
     * through ("pyton" → python is 4/9 = 0.444). Candidates must also be within one edit (two from
     * 8 letters on), so words that merely share a stem ("started" / startups) stay out.
     */
    fuzzyThreshold: 0.44,
    /** Shorter words have too few trigrams for similarity to mean anything ("rusty" ≈ "rust"). */
    fuzzyMinLength: 5,
    /** A related skill's weight is this share of its parent's: adjacent expertise, not the ask. */
    related: 0.5,
    /** Cap on requested skills: a long rambling text must not dilute the main ask into noise. */
    maxSkills: 10,
    /** Cap on full-text terms: keeps the OR tsquery cheap and the rank about the main words. */
    maxTerms: 40,
  },

  relevance: {
    /** Weight of relevance in the final score: the largest single weight by far (see above). */
    weight: 0.62,
    /**
     * Secondary signals count fully only once relevance reaches this level, and proportionally
     * below it. 0.25 ≈ "covers a related skill" or "is a middling text hit".
     */
    gate: 0.25,
    /** Full-text rank (ts_rank, normalised by the best candidate): catches words no taxonomy has. */
    text: 0.3,
    /**
     * ...normalised by at least this ts_rank: one stray word in a bio (~0.02) is not a full text
     * match just because nobody matched better; a skill or several headline words (≥ 0.1) are.
     */
    textFull: 0.1,
    /** Share of the requested skill weight the mentor lists: the most precise evidence there is. */
    skill: 0.5,
    /** Share of requested skills the mentor is only next to (React for React hooks): partial credit. */
    related: 0.2,
    /**
     * Closeness in meaning of the question to the profile (sentence embeddings): finds the mentor
     * whose words differ from the learner's ("side effect runs twice" / "double-firing hooks").
     */
    meaning: 0.3,
  },

  /**
   * Meaning's standing (standard deviations above the question's mean cosine over the tenant's
   * profiles) mapped to 0..1: at or below `floor` nothing, `full` and above fully. With Universal
   * Sentence Encoder lite on the judged set, unrelated profiles sit at 0.35–0.4 cosine and the
   * right mentor a median 1.2 sd above them.
   */
  meaning: {
    floor: 0.5,
    full: 2.5,
    /**
     * Share of meaning's weight given up when some candidate matches the question's skills or
     * words fully: then it orders what they found rather than overruling them.
     */
    yieldToKeywords: 0.75,
    /**
     * How much a text match counts given the profile's meaning standing: base + perSd × standing,
     * capped at 1 (0.5 at the crowd's mean, full from ~1.4 sd above it).
     */
    textTrustBase: 0.5,
    textTrustPerSd: 0.35,
  },

  /**
   * The page the learner asked from (topic, page title) never outvotes their question. When the
   * question names a skill, the page only adds `boost` × its own relevance to mentors the
   * question already found (a tie-breaker: at most 0.15 of relevance). When the question has
   * words but no skill ("how do I tell stakeholders…"), the page's share is `blend`: below one
   * half, so a mentor who fits the words always beats one who only fits the page.
   */
  context: {
    boost: 0.15,
    blend: 0.35,
  },

  /**
   * What counts as the question giving evidence for a mentor (RankedMatch.fits) when meaning is
   * known: a skill or a neighbour of one, or words and meaning that together reach this
   * relevance. One stray word in a bio with an ordinary meaning stays below it ("how do I train a
   * dragon" → the ML mentor who "trains models"); without meaning, any evidence fits.
   */
  fit: {
    minRelevance: 0.12,
    /**
     * ...and that evidence is a close meaning (cosine ≥ this: with USE lite the right mentor's
     * profile sits at 0.33 or more for nine questions in ten, the nearest profile to a question
     * nobody here can answer mostly below 0.3) or a word match at least this strong (half the
     * best text match, with the textFull floor): one word a profile happens to share is not it.
     */
    minSimilarity: 0.33,
    minText: 0.5,
    /** A page that agrees with the mentor corroborates a somewhat weaker meaning. */
    minSimilarityOnPage: 0.28,
    /**
     * Words count as evidence only from a profile at least this close in meaning: below it the
     * texts are unrelated (a right mentor's profile sits at 0.25 or more for 19 questions in 20),
     * and the shared word is a false friend ("fetch the newspaper" → a developer at a newspaper).
     */
    minSimilarityForWords: 0.22,
    /** The mentor's nearest sentence is quoted from this standing on: clearly closer than most. */
    quoteStanding: 1,
  },

  /** Years of experience saturate here: 20 years is not meaningfully better than 15 for a 30-min call. */
  seniorityCapYears: 20,
  /** Log-shaped seniority: the first years matter most. Small: a tie-breaker among equal matches. */
  seniority: 0.06,

  /** Bayesian rating, rescaled 1..5 → 0..1. Modest: ratings on a mentoring platform cluster high. */
  quality: 0.1,
  /** Pseudo-ratings at the prior mean: one 5★ moves the estimate little, forty 4.8★ move it a lot. */
  ratingPriorWeight: 5,
  /** Prior mean rating when the tenant has none of its own. */
  defaultPriorRating: 4.2,
  /** Rating reasons are shown only from this many ratings on: one or two ratings say little. */
  ratingReasonMinCount: 3,

  /** Availability weight by urgency: it decides a "now" request, and barely matters when flexible. */
  availability: {
    now: 0.22,
    today: 0.16,
    this_week: 0.08,
    flexible: 0.03,
  },
  /** "now": a slot within the hour is what was asked; within 3 h is a partial fit. */
  nowFullMinutes: 60,
  nowPartialMinutes: 180,
  nowPartial: 0.3,
  /** "today": within 12 h counts fully, within 24 h half (time zones make "today" fuzzy). */
  todayFullHours: 12,
  todayPartialHours: 24,
  todayPartial: 0.5,
  /** "this_week": anything within 7 days. */
  weekDays: 7,
  /** "flexible": sooner is slightly better, linearly down to 0 at this horizon. */
  flexibleHorizonDays: 14,

  /**
   * Penalty (subtracted) for an overloaded mentor: spreads the load, and a busy mentor is slow to
   * answer. Smaller than relevance × gate so it can never push a topical match to 0.
   */
  overload: 0.1,
  /** Bookings at or above this share of the mentor's weekly cap count as overloaded. */
  overloadCapShare: 0.8,
  /** ...or above medianFactor × median + medianSlack bookings this week (no cap set). */
  overloadMedianFactor: 2,
  overloadMedianSlack: 2,
  /**
   * Penalty (subtracted, like overload) for a mentor who missed sessions lately: learners
   * recorded it. Smaller than overload + relevance × gate, so a topical match stays above 0.
   */
  noShow: 0.05,
  /** No-shows count while the last one is this recent... */
  noShowDays: 90,
  /** ...and this many (or more) count fully. */
  noShowFull: 2,
  /** Small lift so newly approved mentors get their first sessions (cold start). */
  newMentor: 0.04,
  /** A mentor is new for this many days after approval... */
  newMentorDays: 30,
  /** ...and while they have had fewer sessions than this. */
  newMentorMaxSessions: 3,

  /** Lift for a mentor on the learner's own board of advisors, when topically related. */
  board: 0.08,

  /**
   * MMR trade-off between score and novelty (1 = pure score). With scores taken relative to the
   * best one, an exact clone (similarity 1) yields only to an alternative within (1−λ)/λ = 25 %
   * of the top score: comparably good, never much weaker.
   */
  mmrLambda: 0.8,
  /** Similarity of two mentors: mostly their skill sets, a little their headline words. */
  mmrSkillShare: 0.85,
  mmrHeadlineShare: 0.15,

  /**
   * Display priority of the "Speaks Spanish" reason, on the same scale as the score contributions
   * that order the other reasons: the learner asked for the language, so it is worth saying, but it
   * is a filter (every candidate speaks one of the learner's languages), not a ranking signal.
   */
  languageReason: 0.05,
  /** At most this many reasons per match, and at least this many. */
  maxReasons: 4,
  minReasons: 2,
} as const;

export type MatchWeights = typeof MATCH_WEIGHTS;
