import type { CentreId } from '@crux/domain/centre';
import type { CentreRole } from '@crux/domain/roles';

const issued = new WeakSet<object>();

/**
 * The only way to reach a centre's items. Created by the request pipeline from a verified access token
 * (`functions/src/http/api-handler.ts`) or, for the figures job, from the centre registry; repositories
 * build every key from it and refuse a scope that was not issued here.
 */
export type TenantScope = {
  readonly centre: CentreId;
  /** `respondent`: a survey answer, with no token, at the centre its path names (its code is its proof). */
  readonly role: CentreRole | 'job' | 'respondent';
  readonly subject: string;
  /** A participant's own scope: the one participant whose plan it reaches. */
  readonly participant?: string;
};

export function issueTenantScope(
  centre: CentreId,
  role: TenantScope['role'],
  subject: string,
  participant?: string,
): TenantScope {
  const scope = Object.freeze({ centre, role, subject, ...(participant ? { participant } : {}) });
  issued.add(scope);
  return scope;
}

/** Throws on a hand-made object: a scope must come from `issueTenantScope`. */
export function assertIssued(scope: TenantScope): void {
  if (!issued.has(scope)) throw new Error('TenantScope was not issued by the auth layer');
}
