import * as z from 'zod/mini';

/**
 * The catalogue's ids and the sections the figure engine fills, apart from the catalogue's schema
 * (schema.ts, which re-exports them): every record that names a catalogue entry needs `Slug`, and a
 * function that never reads the catalogue whole should not build its schema at every cold start.
 */

/** `visit`, `nav_activity`: lower case, digits and `_`; a figure id is built from it (`kind.visit`). */
export const Slug = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/));

/**
 * Sections the figure engine fills from the participations themselves (participants, outcomes) and from
 * their plans (the wheel's change across a year).
 */
export const peopleSections = ['participants', 'outcomes', 'wheel'] as const;

/** Sections the engine fills from the centre's own registers: volunteers, staff, the shop's reuse, the economy. */
export const registerSections = ['volunteers', 'staff', 'reuse', 'economy'] as const;

/** Every section the engine fills itself: each must exist, and none takes catalogue entries. */
export const engineSections: readonly string[] = [...peopleSections, ...registerSections];
