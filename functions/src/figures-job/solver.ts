import { highsSolver } from '@crux/domain/disclosure/highs-solver';
import type { LpSolver } from '@crux/domain/disclosure/solver';
import loadHighs from 'highs';

let loaded: Promise<LpSolver> | undefined;

/**
 * The disclosure control's LP solver, loaded once per container. HiGHS reads `highs.wasm` beside the
 * script that loads it: the package's own file when run from source, the copy the bundling puts beside
 * the figures job's bundle in Lambda (infra/lib/jobs.ts).
 */
export function lpSolver(): Promise<LpSolver> {
  loaded ??= loadHighs().then(highsSolver);
  return loaded;
}
