/**
 * The fixed lists a participant's record chooses from, apart from their schemas (participant.ts) so the
 * figures, which only name them, load no validation library in the browser.
 */
export const genders = ['woman', 'man', 'other'] as const;

/** Who referred the participant: NAV, the municipal mental-health and substance team, Friomsorgen, others, or self. */
export const referralSources = ['nav', 'municipal_team', 'probation', 'other_body', 'self'] as const;

/** What a participant goes on to when the participation ends (*går videre til*). */
export const outcomes = ['stable_life', 'treatment', 'other_nav_measure', 'other'] as const;
