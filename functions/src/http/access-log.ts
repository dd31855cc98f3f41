import { loggedAction, type NamedValues, namesInAnswer, peopleNamed } from '@crux/api/personal-data';
import type { RouteDef } from '@crux/api/routes';
import { CentreId } from '@crux/domain/centre';
import type { AppError } from '@crux/domain/errors';
import {
  type AccessDraft,
  issueLogScope,
  type LogScope,
  newNonce,
  type PendingEntry,
  withPendingEntry,
} from '@crux/store/access-log';
import { writeAccessEntry } from '@crux/store/access-log-repo';
import { dbFailureOf } from '@crux/store/db-failure';
import type { TenantScope } from '@crux/store/tenant-scope';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { clientFor, tableName } from '../runtime/dynamo';
import { accessLogUnavailable } from './errors';
import { logError } from './log';
import type { Principal } from './principal';
import { type ApiResponse, errorResponse, isRefusal } from './response';

/** The error code of an answer, if it is one. */
function codeOf(answer: ApiResponse): string | undefined {
  if (answer.statusCode < 400) return undefined;
  try {
    return (JSON.parse(String(answer.body)) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

function bodyOf(answer: ApiResponse): unknown {
  if (answer.statusCode >= 300 || !answer.body) return undefined;
  try {
    return JSON.parse(answer.body);
  } catch {
    return undefined;
  }
}

export type RequestLog = {
  /** The caller was turned away (403, or 404 for another centre): logged in the centre the path names. */
  refused(error: AppError): Promise<ApiResponse>;
  /** Let through, but the request itself was refused before the handler (a bad body): nothing was done. */
  failed(scope: TenantScope, error: AppError): Promise<ApiResponse>;
  /** The handler's work, logged as the route declares. */
  around(
    scope: TenantScope,
    values: Omit<NamedValues, 'answer'>,
    run: () => Promise<ApiResponse>,
  ): Promise<ApiResponse>;
};

/**
 * The access log of one request, for a route that declares personal data (`personal` in the route
 * table); undefined for the others. Nothing here is per route: the declaration says what the request
 * does and where its request or answer names the people.
 * - A read is logged beside the read (both requests at once), or, when only its answer names the people
 *   (a list), right after it; either way before it is answered, and a log that cannot be written turns
 *   the answer into a 503.
 * - A write is logged in its own transaction: the store adds the entry to the first transaction the
 *   handler sends (transact.ts). A write that stored nothing (refused, replayed, stale) is logged on its
 *   own after, under the same key, so a retry after an unclear outcome never logs twice.
 * - A refused caller is logged in the log of the centre the path names, so that centre's leader sees
 *   every attempt on its people.
 * A caller with no valid token is not: there is no one to name (the function's own log has the request).
 */
export function requestLog(
  route: RouteDef,
  principal: Principal,
  event: APIGatewayProxyEventV2,
): RequestLog | undefined {
  const personal = route.personal;
  const centre = CentreId.safeParse(event.pathParameters?.centreId);
  if (!personal || !centre.success) return undefined;
  const path = event.pathParameters ?? {};
  const rawQuery = event.queryStringParameters ?? {};
  const at = new Date().toISOString();
  const nonce = newNonce();
  const base: Omit<AccessDraft, 'outcome' | 'people'> = {
    at,
    requestId: event.requestContext.requestId,
    subject: principal.subject,
    ...(principal.username ? { username: principal.username } : {}),
    role: principal.role,
    ...(principal.centre && principal.centre !== centre.data ? { callerCentre: principal.centre } : {}),
    via: `${route.method} ${route.path}`,
    records: path,
    action: loggedAction(personal, rawQuery),
  };
  const fields = { audience: route.audience, route: base.via, requestId: base.requestId };

  const write = async (scope: LogScope | TenantScope, draft: AccessDraft): Promise<boolean> => {
    try {
      await writeAccessEntry(clientFor(scope), tableName(), scope, draft, nonce);
      return true;
    } catch (error) {
      logError('access_log_unavailable', fields, error);
      return false;
    }
  };
  const people = (values: Partial<NamedValues>) => peopleNamed(personal, values);
  const unlogged = () => errorResponse(accessLogUnavailable());

  async function standalone(scope: LogScope | TenantScope, outcome: 'allowed' | 'refused', error: AppError) {
    const draft: AccessDraft = {
      ...base,
      outcome,
      code: error.code,
      people: people({ path, query: rawQuery }),
    };
    return (await write(scope, draft)) ? errorResponse(error) : unlogged();
  }

  return {
    // A refused caller has no scope of that centre: a log scope lets the pipeline add the entry only.
    refused: (error) => standalone(issueLogScope(centre.data), 'refused', error),
    failed: (scope, error) => standalone(scope, 'allowed', error),

    async around(scope, values, run) {
      const allowed = (answer?: ApiResponse): AccessDraft => ({
        ...base,
        outcome: answer && isRefusal(answer) ? 'refused' : 'allowed',
        ...(answer && codeOf(answer) ? { code: codeOf(answer) } : {}),
        people: people({ ...values, ...(answer ? { answer: bodyOf(answer) } : {}) }),
      });

      if (route.method === 'GET') {
        // A volunteer reaches only the record linked to their account, which only the read itself shows:
        // whether the read was allowed is known after it.
        if (namesInAnswer(personal) || principal.role === 'volunteer') {
          const answer = await run();
          // The database was away: nothing was read, and a log entry could not be written either.
          if (answer.statusCode === 503) return answer;
          return (await write(scope, allowed(answer))) ? answer : unlogged();
        }
        const [answer, logged] = await Promise.all([run(), write(scope, allowed())]);
        return logged ? answer : unlogged();
      }

      const entry: PendingEntry = {
        table: tableName(),
        scope,
        at,
        nonce,
        draft: (answer) => ({ ...allowed(), people: people({ ...values, answer }) }),
        committed: false,
      };
      let answer: ApiResponse;
      try {
        answer = await withPendingEntry(entry, run);
      } catch (error) {
        // The change may have been stored with its entry; if not, this one says it was tried — unless
        // the database itself was away (a 503 follows), when this write would only wait out the same.
        if (!entry.committed && !dbFailureOf(error)) await write(scope, allowed());
        throw error;
      }
      if (entry.committed) return answer;
      return (await write(scope, allowed(answer))) ? answer : unlogged();
    },
  };
}
