import { loadOnce } from './load-once';

/** The participant page's form checks (participant-checks.ts): one load for all its forms. */
export const loadParticipantChecks = loadOnce(() => import('./participant-checks'));

/**
 * One check run with those, once they have come; `null` if they could not be loaded (offline before
 * the first save), which the form reports as a request that did not arrive: what was typed is kept.
 */
export const participantCheck = <T>(
  check: (checks: typeof import('./participant-checks')) => T,
): Promise<T | null> => loadParticipantChecks().then(check, () => null);
