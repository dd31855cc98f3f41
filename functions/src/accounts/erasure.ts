import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { apartFromLoggedWrite } from '@crux/store/access-log';
import { externalIdempotency } from '@crux/store/external-idempotency';
import { accountDirectory } from './directory';

/**
 * What an erasure (or retention's anonymisation) removes outside the participant's records: their own
 * account in the user pool (issue 12), which carries their name, e-mail and id, and the accounts API's
 * remembered answers that carry that account. Run before the record is erased, so a failure here
 * leaves the participant in place and the retry does it all; each step finds nothing the second time.
 * The centre's accounts are listed once (Cognito cannot search custom attributes; a centre's group is a
 * few dozen accounts), then `remove` is asked per participant.
 */
export function participantAccounts(doc: DynamoDBDocumentClient, table: string, centre: string) {
  const requests = externalIdempotency(doc, table, 'accounts');
  let accounts: ReturnType<ReturnType<typeof accountDirectory>['list']> | undefined;
  return {
    /** The number of accounts deleted (0 or 1). */
    remove(participant: string): Promise<number> {
      // Not the person's data in the table: the pool and the accounts' request records, apart from the
      // erasure's logged transactions (the entry commits with the erasure's first one).
      return apartFromLoggedWrite(async () => {
        const directory = accountDirectory();
        accounts ??= directory.list(centre);
        const linked = (await accounts).filter((a) => a.participant === participant);
        for (const account of linked) await directory.remove(account.id);
        await requests.forget({ centre, participant });
        return linked.length;
      });
    },
  };
}
