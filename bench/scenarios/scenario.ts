import type { Audience } from '@crux/api/audiences';
import type { Role } from '@crux/domain/roles';
import type { DirectAnswer, DirectCall } from '@crux/local/direct-call';

/** One request the bench times: a route called as a user would call it. */
export type Step = Omit<DirectCall, 'claims' | 'token'>;

/**
 * A route's bench: who calls it and, per call, the next request (made before the timing starts, so
 * the set-up a call needs, such as a fresh entry to delete, is not timed).
 */
export type Scenario = { audience: Audience; role: Role; next: () => Promise<Step> };

/** What scenarios are built on: the year, a centre with data, and a way to make set-up requests. */
export type ScenarioContext = {
  year: number;
  centre: string;
  /** `/api/centres/<centre>` */
  base: string;
  /** An untimed request as a role of the bench centre (or a platform role); its answer's body. */
  send: (role: Role, step: Step) => Promise<DirectAnswer['body']>;
};
