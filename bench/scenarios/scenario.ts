import type { Role } from '@crux/domain/roles';
import type { DirectAnswer, DirectCall } from '@crux/local/direct-call';

/** One request the bench times: a route called as a user would call it. */
export type Step = Omit<DirectCall, 'claims' | 'token'>;

/**
 * Who calls: a role of the bench centre (or a platform role); a participant signs in as one participant
 * (`participant`: their id). The audience and its function come from the route table, never from here.
 */
export type Caller = { role: Role; participant?: string };

/**
 * A route's bench: who calls it and, per call, the next request (made before the timing starts, so
 * the set-up a call needs, such as a fresh entry to delete, is not timed). A route called without a
 * token (the audiences table says which) has no caller. `needs` states why a call makes more than the
 * one DynamoDB request the issues ask of every route, when it does: reported beside the count, never
 * counted as a pass.
 */
export type Scenario = { caller?: Caller; next: () => Promise<Step>; needs?: string };

/** What scenarios are built on: the year, a centre with data, and a way to make set-up requests. */
export type ScenarioContext = {
  year: number;
  centre: string;
  /** `/api/centres/<centre>` */
  base: string;
  /** An untimed request (by a caller of the bench centre, a platform role, or no one): its answer's body. */
  send: (caller: Caller | Role | undefined, step: Step) => Promise<DirectAnswer['body']>;
};

export const as = (role: Role, next: () => Promise<Step>, needs?: string): Scenario => ({
  caller: { role },
  next,
  ...(needs ? { needs } : {}),
});

/** A participant staff register at the bench centre, their participation from `startDate`. */
export async function newParticipant(
  { base, send }: Pick<ScenarioContext, 'base' | 'send'>,
  startDate: string,
): Promise<{ id: string; version: number }> {
  return send('staff', {
    method: 'POST',
    path: `${base}/participants`,
    body: { displayName: 'Deltaker B', birthYear: 1985, startDate, referralSource: 'nav' },
  });
}
