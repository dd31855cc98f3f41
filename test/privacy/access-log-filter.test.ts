import type { AccessLogPage } from '@crux/domain/privacy/access-log';
import { logRef } from '@crux/store/log-keys';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { createParticipant } from '../api/fixtures';
import { uniqueCentreId } from '../setup/dynamo';

/**
 * The leader's access log, filtered as the page filters it: by participant, by user and by dates; and a
 * malformed filter is a 400 naming the field, with nothing read.
 */
beforeAll(() => functionsReady());

/** The log keeps UTC days. */
const today = new Date().toISOString().slice(0, 10);

describe('the access log, filtered', () => {
  it('by participant, by user and by dates', async () => {
    const centre = uniqueCentreId('filter');
    const [ada, bo] = [await createParticipant(centre), await createParticipant(centre)];
    const reader = claimsFor('staff', centre, { username: 'leser.filter' });
    const subject = String(reader.sub);
    for (const p of [ada, bo, ada])
      expect(
        (await call({ method: 'GET', path: `/api/centres/${centre}/participants/${p.id}`, claims: reader }))
          .status,
      ).toBe(200);
    const leader = claimsFor('leader', centre);
    const log = async (query: Record<string, string>) => {
      const answer = await call({
        method: 'GET',
        path: `/api/centres/${centre}/access-log`,
        query: { from: today, to: today, ...query },
        claims: leader,
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body as AccessLogPage;
    };

    const adaRef = logRef(centre, 'participant', ada.id);
    const aboutAda = await log({ participantId: ada.id });
    expect(aboutAda.items.length).toBeGreaterThanOrEqual(3);
    expect(aboutAda.items.every((e) => e.people.participant?.includes(adaRef))).toBe(true);
    expect(aboutAda.items.filter((e) => e.subject === reader.sub && e.action === 'read')).toHaveLength(2);
    expect(aboutAda.participants.map((p) => p.id)).toContain(ada.id);

    let byReader: AccessLogPage['items'] = [];
    for (const user of [subject, 'leser.filter']) {
      byReader = (await log({ user })).items;
      expect(byReader.map((e) => e.subject)).toEqual([subject, subject, subject]);
      expect(byReader.map((e) => e.people.participant)).toEqual([
        [adaRef],
        [logRef(centre, 'participant', bo.id)],
        [adaRef],
      ]);
    }
    expect((await log({ user: subject, participantId: bo.id })).items).toHaveLength(1);
    expect((await log({ user: 'ingen.slik' })).items).toEqual([]);
    expect((await log({ from: '2020-01-01', to: '2020-12-31' })).items).toEqual([]);

    // Page by page, filtered or not, the cursor goes on where the page stopped: every entry once.
    const pages = async (query: Record<string, string>) => {
      const seen: AccessLogPage['items'] = [];
      let cursor: string | undefined;
      do {
        const page = await log({ ...query, limit: '1', ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen.filter((e) => e.subject === subject);
    };
    const adaPages = await pages({ participantId: ada.id });
    expect(adaPages.map((e) => e.people.participant)).toEqual([[adaRef], [adaRef]]);
    expect((await pages({})).map((e) => e.id)).toEqual(byReader.map((e) => e.id));
  });

  it.each([
    [{ participantId: 'not a uuid' }, 'participantId'],
    [{ user: 'no spaces please' }, 'user'],
    [{ user: 'x'.repeat(129) }, 'user'],
    [{ from: '2024-13-01' }, 'from'],
    [{ to: 'tomorrow' }, 'to'],
    [{ from: '2024-05-02', to: '2024-05-01' }, 'to'],
    [{ from: '2020-01-01', to: '2024-01-01' }, 'to'],
    [{ name: 'Kari' }, 'name'],
  ])('refuses %o, naming %s', async (query, field) => {
    const centre = uniqueCentreId('filter');
    const answer = await call({
      method: 'GET',
      path: `/api/centres/${centre}/access-log`,
      query: { from: today, to: today, ...query },
      claims: claimsFor('leader', centre),
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(`"${field}"`);
  });
});
