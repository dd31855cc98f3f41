/*
 * The sections the figure engine fills itself, apart from the catalogue's ids (ids.ts re-exports them)
 * so the figures, which only name them, load no validation library in the browser.
 */

/**
 * Sections the figure engine fills from the participations themselves (participants, outcomes) and from
 * their plans (the wheel's change across a year).
 */
export const peopleSections = ['participants', 'outcomes', 'wheel'] as const;

/** Sections the engine fills from the centre's own registers: volunteers, staff, the shop's reuse, the economy. */
export const registerSections = ['volunteers', 'staff', 'reuse', 'economy'] as const;

/** Every section the engine fills itself: each must exist, and none takes catalogue entries. */
export const engineSections: readonly string[] = [...peopleSections, ...registerSections];
