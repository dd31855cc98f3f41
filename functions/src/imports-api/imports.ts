import { randomUUID } from 'node:crypto';
import { checkImport } from '@crux/domain/import';
import * as rules from '@crux/domain/rules';
import { fieldError, validationError } from '@crux/domain/validation';
import { importRepo } from '@crux/store/import-repo';
import { catalogueRefusal } from '../http/catalogue-refusal';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

/**
 * Records brought in together by the centre's leader (what the centre kept before the platform; the
 * demo data): the schemas, catalogue and tenancy of the one-by-one routes, written in one transaction.
 */
export async function importRecords(
  req: RequestOf<'POST /api/centres/{centreId}/imports'>,
): Promise<ApiResponse> {
  const checked = checkImport(req.body);
  if (!checked.ok) return errorResponse(checked.error);
  const outcome = await importRepo(clientFor(req.scope), tableName(), req.scope).write(
    req.body,
    randomUUID,
    req.now,
    req.idempotency,
  );
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(201, { imported: outcome.imported });
    case 'too_large':
      return errorResponse(
        validationError([
          {
            field: 'records',
            rule: 'too_large',
            message: {
              nb: `For mye på én gang (${outcome.items} deler, høyst 100): del importen i mindre biter.`,
              en: `Too much at once (${outcome.items} parts, at most 100): split the import into smaller batches.`,
            },
          },
        ]),
      );
    case 'refused': {
      const { part } = outcome;
      if (part.what === 'catalogue')
        return errorResponse(catalogueRefusal(outcome.current, (c) => checkImport(req.body, c)));
      if (part.what === 'exists')
        return errorResponse(fieldError(`records.${part.index}.id`, rules.duplicateId));
      if (part.what === 'account')
        return errorResponse(fieldError(`records.${part.index}.account`, rules.accountTaken));
      if (part.what === 'volunteer') return errorResponse(fieldError('records', rules.unknownVolunteer));
      return errorResponse(fieldError('records', rules.unknownParticipant));
    }
  }
}
