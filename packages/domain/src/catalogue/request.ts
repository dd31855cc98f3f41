import * as z from 'zod/mini';
import type { Catalogue } from './lists';
import { CatalogueShape } from './schema';

/**
 * A change to the catalogue as the admin page sends it: the change, and the catalogue it was made on
 * (as the page read it). The server applies the change to that catalogue and stores the result only if
 * the stored catalogue is still exactly that one (by its fingerprint), so the change is one request and
 * never lands on a catalogue its maker did not see. The change itself is parsed in steps
 * (parseCatalogueChange), so an error names its field.
 */
export const CatalogueChangeRequest = z.strictObject({ base: CatalogueShape, change: z.unknown() });
export type CatalogueChangeRequest = z.infer<typeof CatalogueChangeRequest>;

/** The catalogue as GET /api/catalogue answers it: the document and its fingerprint. */
export type StoredCatalogue = { catalogue: Catalogue; hash: string };
