import type { Catalogue, CatalogueListName } from '../catalogue/lists';
import type { FieldError } from '../errors';
import * as rules from '../rules';
import { fieldError } from '../validation';

/**
 * What a new record may name: an entry of the catalogue that is in use. A retired entry leaves
 * registration; what was registered under it stays counted.
 */
export function catalogueRefErrors(
  catalogue: Catalogue,
  list: Exclude<CatalogueListName, 'sections'>,
  id: string,
  field: string,
): FieldError[] {
  const entry = catalogue[list].find((e) => e.id === id);
  if (!entry) return fieldError(field, rules.unknownType).fields ?? [];
  if (entry.status === 'retired') return fieldError(field, rules.retired).fields ?? [];
  return [];
}
