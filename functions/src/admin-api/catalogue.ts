import {
  applyCatalogueChange,
  type CatalogueChange,
  parseCatalogueChange,
} from '@crux/domain/catalogue/change';
import { type Catalogue, type CatalogueListName, catalogueLists } from '@crux/domain/catalogue/lists';
import * as catalogueRules from '@crux/domain/catalogue/rules';
import { fieldError } from '@crux/domain/validation';
import { catalogueHash, catalogueRepo } from '@crux/store/catalogue-repo';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { documentClient, tableName } from '../runtime/dynamo';

const repo = () => catalogueRepo(documentClient(), tableName());

/**
 * The entries a change would take history from: a removed entry, or a kind whose counting rule changes.
 * Refused by the store if the figures job has counted anything under them.
 */
function guarded(base: Catalogue, change: CatalogueChange): { list: CatalogueListName; id: string }[] {
  if (change.op === 'settings' || change.op === 'add') return [];
  if (change.op === 'remove') return change.list === 'sections' ? [] : [{ list: change.list, id: change.id }];
  const locked = catalogueLists[change.list].locked as readonly string[];
  const current = (base[change.list] as readonly Record<string, unknown>[]).find((e) => e.id === change.id);
  const touches = locked.some(
    (f) => f in change.patch && (change.patch as Record<string, unknown>)[f] !== current?.[f],
  );
  return touches ? [{ list: change.list, id: change.id }] : [];
}

/**
 * One change to the catalogue, applied to the catalogue its maker saw (sent with it) and stored only if
 * that is still the stored one: one request, and no change lands on a catalogue nobody looked at.
 */
export async function changeCatalogue(
  req: RequestOf<'POST /api/admin/catalogue/changes'>,
): Promise<ApiResponse> {
  const change = parseCatalogueChange(req.body.change);
  if (!change.ok) {
    const fields = (change.error.fields ?? []).map((f) => ({ ...f, field: `change.${f.field}` }));
    return errorResponse({ ...change.error, fields });
  }
  const base = req.body.base as Catalogue;
  // Whether anything is registered under an entry is the store's to check, against the job's marks.
  const applied = applyCatalogueChange(base, change.value, {
    who: req.principal.subject,
    when: req.now,
    hasHistory: () => false,
  });
  if (!applied.ok) return errorResponse(applied.error);
  const outcome = await repo().change(
    { catalogue: base, hash: catalogueHash(base) },
    applied.value.catalogue,
    applied.value.record,
    guarded(base, change.value),
    req.idempotency,
  );
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.stored);
    case 'has_history':
      return errorResponse(
        fieldError(
          change.value.op === 'remove' ? 'change.id' : 'change.patch.counts',
          change.value.op === 'remove' ? catalogueRules.hasHistory : catalogueRules.countingLocked,
        ),
      );
  }
}

/** Every change the catalogue has had: who, when, what before and after. */
export async function catalogueHistory(): Promise<ApiResponse> {
  return json(200, { items: await repo().history() });
}
