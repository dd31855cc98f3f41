import { describe, expect, it } from 'vitest';
import { startingCatalogue } from '../catalogue/starting';
import { defineFigures, orderLineId } from './define';
import { networkLineValues } from './network-display';

const set = defineFigures(startingCatalogue);
const line = (id: string) => {
  const found = set.lines.find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id}`);
  return found;
};

describe("the network's values of a line", () => {
  it('shows a sent cell as sent, hidden or not, and an unsent count as 0', () => {
    expect(networkLineValues(set, line('kind.visit'), { 'kind.visit': 3643 })).toEqual([3643]);
    expect(networkLineValues(set, line('kind.visit'), { 'kind.visit': { suppressed: 'small' } })).toEqual([
      { suppressed: 'small' },
    ]);
    expect(networkLineValues(set, line('kind.visit'), {})).toEqual([0]);
  });

  it('shows an order line as persons and hours, the hours hidden with their persons', () => {
    const cells = {
      'order.community_sentence.persons': { suppressed: 'small' as const },
      'order.community_sentence.hours': { suppressed: 'secondary' as const },
    };
    expect(networkLineValues(set, line(orderLineId('community_sentence')), cells)).toEqual([
      { suppressed: 'small' },
      { suppressed: 'secondary' },
    ]);
  });

  it('derives a mean over 5 or more, hides it over 1 to 4 or a hidden count, and has none over nobody', () => {
    const mean = line('participants.mean_age');
    expect(networkLineValues(set, mean, { participants: 45, 'participants.age_sum': 1845 })).toEqual([41]);
    expect(networkLineValues(set, mean, { participants: 4, 'participants.age_sum': 160 })).toEqual([
      { suppressed: 'small' },
    ]);
    expect(
      networkLineValues(set, mean, { participants: { suppressed: 'secondary' }, 'participants.age_sum': 1 }),
    ).toEqual([{ suppressed: 'secondary' }]);
    expect(
      networkLineValues(set, mean, { participants: 45, 'participants.age_sum': { suppressed: 'secondary' } }),
    ).toEqual([{ suppressed: 'secondary' }]);
    expect(networkLineValues(set, mean, { participants: 0 })).toEqual([null]);
  });

  it('rounds a share half up from the counts sent', () => {
    const share = line('participants.woman.share');
    expect(networkLineValues(set, share, { participants: 45, 'participants.woman': 23 })).toEqual([51]);
  });
});
