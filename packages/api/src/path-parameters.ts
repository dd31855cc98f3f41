import { CentreId } from '@crux/domain/centre';
import { type AppError, notFound } from '@crux/domain/errors';
import { IsoDate } from '@crux/domain/period';
import { RecordId } from '@crux/domain/record-id';
import { MonthParam, monthParamError, YearParam, yearParamError } from '@crux/domain/year-param';
import type * as z from 'zod/mini';
import type { Route } from './routes';

/** The `{name}`s a path names, e.g. `'centreId' | 'participantId'`. */
export type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | ParamNames<Rest>
  : never;
export type PathParamName = ParamNames<Route['path']>;

type PathParameter = {
  schema: z.ZodMiniType<string>;
  /** What a value that breaks the rule answers. */
  malformed: () => AppError;
};

/** A malformed id names no record: it is not found, exactly like an unknown one. */
const record: PathParameter = { schema: RecordId, malformed: notFound };

/**
 * Every path parameter of the route table, by name, with its rule: the request pipeline checks each
 * before a handler runs (so handlers get only well-formed values), and the OpenAPI document describes
 * them from here. A route naming a parameter missing here does not compile.
 */
export const pathParameters: Record<PathParamName, PathParameter> = {
  centreId: { schema: CentreId, malformed: notFound },
  participantId: record,
  entryId: record,
  measureId: record,
  orderId: record,
  hoursId: record,
  volunteerId: record,
  positionId: record,
  stepId: record,
  conversationId: record,
  accountId: record,
  roundId: record,
  date: { schema: IsoDate, malformed: notFound },
  year: { schema: YearParam, malformed: yearParamError },
  month: { schema: MonthParam, malformed: monthParamError },
};

/** The refusal of the first path value that breaks its rule, or undefined when all keep them. */
export function refusePathParameters(
  params: Readonly<Record<string, string | undefined>>,
): AppError | undefined {
  for (const [name, value] of Object.entries(params)) {
    const parameter = pathParameters[name as PathParamName];
    if (!parameter || value === undefined || !parameter.schema.safeParse(value).success)
      return (parameter ?? record).malformed();
  }
  return undefined;
}
