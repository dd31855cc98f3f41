import { statusOf } from '@crux/api/errors';
import { IDEMPOTENCY_KEY_PATTERN } from '@crux/api/headers';
import { type PathParamName, pathParameters } from '@crux/api/path-parameters';
import type { AppError, ErrorCode } from '@crux/domain/errors';
import * as z from 'zod/mini';

/** A copy of `schema` with a description for the document: the domain's own schema stays untouched. */
const described = <T extends z.ZodMiniType>(schema: T, description: string, id?: string): T => {
  const copy = schema.clone() as z.ZodMiniType;
  copy.register(z.globalRegistry, { description, ...(id ? { id } : {}) } as never);
  return copy as T;
};

/** What each path parameter is, for a reader of the document; its rule is path-parameters.ts's. */
const pathParameterText: Record<PathParamName, string> = {
  centreId: "The caller's own centre (a slug such as `ovre-eiker`).",
  participantId: 'A participant id (a UUID).',
  entryId: 'An entry id (a UUID).',
  measureId: 'A measure id (a UUID).',
  orderId: 'An order id (a UUID).',
  hoursId: 'The id of logged hours (a UUID).',
  volunteerId: 'A volunteer id (a UUID).',
  positionId: 'A staff position id (a UUID).',
  stepId: "A step's id in a participant's plan (a UUID).",
  conversationId: 'A wheel conversation id (a UUID).',
  accountId: "An account id: the identity provider's `sub` (a UUID).",
  roundId: 'A survey round id (a UUID).',
  date: 'The day the record is dated, YYYY-MM-DD.',
  year: 'A year, 2000–2100.',
  month: 'A month, YYYY-MM, of a year 2000–2100.',
};

/** The schema of every path parameter the route table uses, by name, described. */
export const pathParameterSchemas = Object.fromEntries(
  Object.entries(pathParameters).map(([name, { schema }]) => [
    name,
    described(schema, pathParameterText[name as PathParamName]),
  ]),
) as Record<PathParamName, z.ZodMiniType>;

export const IdempotencyKey = described(
  z.string().check(z.regex(IDEMPOTENCY_KEY_PATTERN)),
  'A new key for each new write (a UUID will do). A retry with the same key and body answers what the first answered and writes nothing more.',
);

const Text = z.object({ nb: z.string(), en: z.string() });

/**
 * The one error shape every refusal and failure answers, as a schema for the document; the codes are
 * the pipeline's own (response.ts). The type assertions below fail to compile if it drifts from AppError.
 */
const AppErrorSchema = z.object({
  code: z.enum(Object.keys(statusOf) as [ErrorCode, ...ErrorCode[]]),
  message: described(Text, 'What went wrong, in Norwegian bokmål and English, for a person to read.'),
  fields: z.optional(
    z.array(
      z.object({
        field: described(
          z.string(),
          'A dotted path into the body (`entries.0.count`), a query parameter or a header.',
        ),
        rule: described(
          z.string(),
          'A stable code of the rule the field broke (`required`, `max`, `date`…).',
        ),
        message: Text,
      }),
    ),
  ),
  current: z.optional(described(z.unknown(), 'For `conflict`: what is stored now, so the user can choose.')),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const errorShapeMatches: Same<z.infer<typeof AppErrorSchema>, AppError> = true;
void errorShapeMatches;

export const ErrorBody = described(z.object({ error: AppErrorSchema }), 'An error: `{"error": …}`.', 'Error');
