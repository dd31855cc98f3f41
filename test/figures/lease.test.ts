import { leaseFor } from '@crux/functions/figures-job/lease';
import { describe, expect, it } from 'vitest';
import { figuresTable } from './seed';

/** A lease of 1.5 s renewed every 0.3 s: the real one is 60 s and 20 s, in the same proportions. */
const timing = { leaseMs: 1500, renewEveryMs: 300 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the figures job lease', () => {
  it('is renewed while its run lives, and free within a lease of the run dying', async () => {
    const { doc, table } = await figuresTable();
    const held = await leaseFor(doc, table, 'run-1', new Date(), timing);
    expect(held.outcome.kind).toBe('acquired');
    // Three leases long, another run finds it held the whole time, because the first keeps renewing it.
    for (let i = 0; i < 6; i++) {
      await sleep(750);
      const other = await leaseFor(doc, table, `run-2-${i}`, new Date(), timing);
      other.lease.stop();
      expect(other.outcome).toMatchObject({ kind: 'held', holder: { runId: 'run-1' } });
    }
    await held.lease.assertHeld();
    // The run dies (no renewal, no release): the next run takes over once the lease has run out.
    held.lease.stop();
    await sleep(timing.leaseMs + 300);
    const next = await leaseFor(doc, table, 'run-3', new Date(), timing);
    next.lease.stop();
    expect(next.outcome.kind).toBe('acquired');
    // And the first run, should it wake up, finds it lost the lease and writes nothing more.
    await expect(held.lease.assertHeld()).rejects.toThrow(/lease was lost/);
  }, 20_000);
});
