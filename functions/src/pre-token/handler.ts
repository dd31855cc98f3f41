import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { CentreId } from '@crux/domain/centre';
import { ParticipantId } from '@crux/domain/participant';
import { Role } from '@crux/domain/role-schema';
import { isCentreRole, PARTICIPANT_ROLE } from '@crux/domain/roles';
import { participantSignInOpen } from '@crux/store/centre-settings-repo';
import { centresRepo } from '@crux/store/centres-repo';
import { dbFailureOf } from '@crux/store/db-failure';
import middy from '@middy/core';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { errorFields, loggerFor } from '../observability/logger';
import { metricsFor } from '../observability/metrics';
import { metricNames, serviceNames } from '../observability/names';
import { tracing } from '../observability/tracing';
import { documentClient, onDocumentClient, tableName } from '../runtime/dynamo';

/** The claims the API and the web client read from the access token. */
export type TenantClaims = { role: Role; centre?: CentreId; participant?: string };

/**
 * Cognito shows this text on the sign-in page when the trigger refuses; it names no attribute value, so
 * a stranger learns nothing about the account.
 */
export const refusal = {
  role: 'Kontoen har ingen gyldig rolle. Kontakt lederen ved senteret. / The account has no valid role. Contact your centre leader.',
  centre:
    'Kontoen er ikke knyttet til et gyldig senter. Kontakt lederen ved senteret. / The account is not linked to a valid centre. Contact your centre leader.',
  participant:
    'Kontoen er ikke knyttet til en deltaker ved senteret, eller senteret har ikke slått på innlogging for deltakere. Kontakt senteret. / The account is not linked to a participant, or the centre has not turned on participant sign-in. Contact the centre.',
  unavailable:
    'Innlogging er ikke mulig akkurat nå. Prøv igjen om litt. / Signing in is not possible right now. Please try again shortly.',
} as const;

/**
 * From the user's attributes to the access token's claims. Throws rather than issue a token without a
 * valid role, or a centre role without a valid centre, or a participant without their participant id: a
 * failed sign-in is safe, a token the API has to guess about is not. Roles above the centres carry no
 * centre claim at all.
 */
export function tenantClaims(attributes: Readonly<Record<string, string>>): TenantClaims {
  const role = Role.safeParse(attributes['custom:role']);
  if (!role.success) throw new Error(refusal.role);
  if (!isCentreRole(role.data)) return { role: role.data };
  const centre = CentreId.safeParse(attributes['custom:centre']);
  if (!centre.success) throw new Error(refusal.centre);
  if (role.data !== PARTICIPANT_ROLE) return { role: role.data, centre: centre.data };
  const participant = ParticipantId.safeParse(attributes['custom:participant']);
  if (!participant.success) throw new Error(refusal.participant);
  return { role: role.data, centre: centre.data, participant: participant.data };
}

const service = serviceNames.preToken;
const logger = loggerFor(service);
const metrics = metricsFor(service);

/**
 * The claims, once the centre is known to exist: a well-formed centre that is not in the registry (never
 * onboarded, or a typo in the account) is refused here, once per sign-in and refresh, so that no API call
 * has to ask. Refused with the same text as a malformed centre, so the answer tells a stranger nothing.
 * A participant signs in only where the centre has turned participant sign-in on; turned off, their
 * writes stop at once and their reads when the token expires. The local identity provider calls this
 * too, against its own DynamoDB Local.
 */
export async function signInClaims(attributes: Readonly<Record<string, string>>): Promise<TenantClaims> {
  const claims = tenantClaims(attributes);
  const { centre } = claims;
  if (centre === undefined) return claims;
  const ask = async <T>(question: () => Promise<T>): Promise<T> => {
    try {
      return await question();
    } catch (e) {
      if (dbFailureOf(e)) throw new Error(refusal.unavailable);
      throw e;
    }
  };
  if (!(await ask(() => centresRepo(documentClient(), tableName()).isRegistered(centre))))
    throw new Error(refusal.centre);
  if (
    claims.role === PARTICIPANT_ROLE &&
    !(await ask(() => participantSignInOpen(documentClient(), tableName(), centre)))
  )
    throw new Error(refusal.participant);
  return claims;
}

/**
 * Cognito pre-token-generation trigger (event version V2_0): custom attributes never reach the access
 * token by themselves, so this copies `role`, `centre` and (for a participant) `participant` there. It runs on every sign-in and refresh,
 * so a changed role takes effect at the next refresh. Its log line names the role and centre it
 * issued, or why it refused: never the user's name, e-mail or any other attribute.
 */
export const handler = middy<PreTokenGenerationV2TriggerEvent, PreTokenGenerationV2TriggerEvent>()
  .use(tracing(service, onDocumentClient))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .handler(async (event) => {
    let claims: TenantClaims;
    try {
      claims = await signInClaims(event.request.userAttributes);
    } catch (error) {
      logger.warn('token refused', { trigger: event.triggerSource, ...errorFields(error) });
      metrics.addMetric(metricNames.tokensRefused, MetricUnit.Count, 1);
      throw error;
    }
    logger.info('token issued', { trigger: event.triggerSource, role: claims.role, centre: claims.centre });
    metrics.addMetric(metricNames.tokensIssued, MetricUnit.Count, 1);
    event.response = {
      claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: claims } },
    };
    return event;
  });
