import type { Catalogue } from '@crux/domain/catalogue/lists';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { upgradeCatalogue } from '@crux/domain/catalogue/upgrade';
import type { AppError, Result } from '@crux/domain/errors';
import { validationError } from '@crux/domain/validation';

/**
 * A write that named something the catalogue does not allow (an unknown or retired kind, a participant
 * where the kind takes none) was refused by its transaction's check, which handed back the catalogue as
 * it is. `explain` turns that catalogue into the field errors a person can act on; the starting
 * catalogue is the catalogue while none is stored.
 */
export function catalogueRefusal(
  stored: Record<string, unknown> | undefined,
  explain: (catalogue: Catalogue) => Result<unknown>,
): AppError {
  const document = stored?.catalogue as Catalogue | undefined;
  const catalogue = document ? upgradeCatalogue(document) : startingCatalogue;
  const result = explain(catalogue);
  // The catalogue changed between the check and this reading: say so in general terms.
  return result.ok
    ? validationError([
        {
          field: '(body)',
          rule: 'catalogue_changed',
          message: {
            nb: 'Katalogen ble endret i mellomtiden. Last siden på nytt og prøv igjen.',
            en: 'The catalogue changed in the meantime. Reload the page and try again.',
          },
        },
      ])
    : result.error;
}
