import { type NetworkValue as Disclosed, SMALL_MAX } from '../disclosure/types';
import type { NetworkFigures } from '../figure-set';
import type { FigureSet } from './define';
import type { TableLine } from './definition';
import { figureValue } from './display';
import type { FigureId } from './relations';

/** A value of the network's table: a number, hidden (and why), or no value (a mean over nobody). */
export type NetworkValue = Disclosed;

/**
 * A figure as the network may see it. A cell the API sends is shown as sent, hidden or not. A mean or
 * a share the API does not send is derived from the cells it rests on: hidden with the count it is over
 * when that is hidden, hidden as small when over fewer than 5 people, hidden to protect its numerator
 * when that is hidden.
 */
export function networkFigureValue(set: FigureSet, id: FigureId, cells: NetworkFigures): NetworkValue {
  const sent = cells[id];
  if (sent !== undefined) return sent;
  const definition = set.byId.get(id);
  if (!definition) throw new Error(`networkFigureValue: no figure ${id}`);
  const { rule } = definition;
  if (rule.from !== 'figures') return 0;
  if (rule.derive === 'scaled') {
    // FTE from hours: hidden whenever the hours are.
    const source = cells[rule.of] ?? 0;
    if (typeof source !== 'number') return source;
    return figureValue(set, id, { [rule.of]: source });
  }
  const [part, whole] = rule.derive === 'mean' ? [rule.sum, rule.over] : [rule.part, rule.whole];
  const over = cells[whole] ?? 0;
  if (typeof over !== 'number') return { suppressed: over.suppressed };
  if (over === 0) return null;
  if (over <= SMALL_MAX) return { suppressed: 'small' };
  const numerator = cells[part] ?? 0;
  if (typeof numerator !== 'number') return { suppressed: 'secondary' };
  return figureValue(set, id, { [part]: numerator, [whole]: over });
}

export function networkLineValues(set: FigureSet, line: TableLine, cells: NetworkFigures): NetworkValue[] {
  return line.figures.map((id) => networkFigureValue(set, id, cells));
}
