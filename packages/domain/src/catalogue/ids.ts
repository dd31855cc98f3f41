import * as z from 'zod/mini';

/**
 * The catalogue's ids and the sections the figure engine fills, apart from the catalogue's schema
 * (schema.ts, which re-exports them): every record that names a catalogue entry needs `Slug`, and a
 * function that never reads the catalogue whole should not build its schema at every cold start.
 */

export { engineSections, peopleSections, registerSections } from './sections';

/** `visit`, `nav_activity`: lower case, digits and `_`; a figure id is built from it (`kind.visit`). */
export const Slug = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/));
