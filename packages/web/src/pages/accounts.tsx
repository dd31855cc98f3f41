import { mayManage } from '@crux/domain/account-rules';
import type { Account } from '@crux/domain/accounts';
import { useState } from 'react';
import type { ApiFailure } from '../api/client';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { NewAccountForm } from '../forms/new-account';
import { useI18n } from '../i18n/i18n';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Progress, Success } from '../ui/status';

type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; failure: ApiFailure; retry: () => void };

/**
 * The leader's accounts: everyone at the centre, and for the accounts the leader manages (staff and
 * volunteers, never another leader or the leader's own) a button that turns the account off or on.
 */
export function AccountsPage({ centre }: { centre: string }) {
  const { t } = useI18n();
  const { api, claims } = useApp();
  usePageTitle(t.accounts.title);
  const [list, reload] = useResource(centre, () =>
    api.get<{ items: Account[] }>(`/api/centres/${centre}/accounts`),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const toggle = async (account: Account) => {
    const action = account.status === 'deactivated' ? 'reactivate' : 'deactivate';
    setBusy(account.id);
    setOutcome(null);
    const result = await api.post<Account>(
      `/api/centres/${centre}/accounts/${account.id}/${action}`,
      {},
      crypto.randomUUID(),
    );
    setBusy(null);
    if (!result.ok) {
      setOutcome({ kind: 'failed', failure: result.failure, retry: () => void toggle(account) });
      return;
    }
    const text = action === 'deactivate' ? t.accounts.deactivated : t.accounts.reactivated;
    setOutcome({ kind: 'done', text: text(account.name) });
    reload();
  };

  const items = list.state === 'ok' ? list.value.items : [];
  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t.accounts.title}
      </h1>
      <p className="ds-paragraph">{t.accounts.intro}</p>
      {outcome?.kind === 'done' ? <Success>{outcome.text}</Success> : null}
      {outcome?.kind === 'failed' ? <FailureView failure={outcome.failure} retry={outcome.retry} /> : null}
      {list.state === 'loading' ? <Progress label={t.loading} /> : null}
      {list.state === 'failed' ? <FailureView failure={list.failure} retry={reload} /> : null}
      {list.state === 'ok' && items.length === 0 ? <p>{t.accounts.empty}</p> : null}
      {items.length > 0 ? (
        <ScrollRegion labelledBy="accounts-caption">
          <table className="ds-table" data-color="neutral">
            <caption id="accounts-caption" className="ds-sr-only">
              {t.accounts.listLabel}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.accounts.name}</th>
                <th scope="col">{t.accounts.email}</th>
                <th scope="col">{t.accounts.role}</th>
                <th scope="col">{t.accounts.status}</th>
                <th scope="col">{t.accounts.actions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{a.email}</td>
                  <td>{t.roles[a.role]}</td>
                  <td>
                    <span className="ds-tag" data-color={a.status === 'deactivated' ? 'neutral' : 'success'}>
                      {t.accounts.statuses[a.status]}
                    </span>
                  </td>
                  <td>
                    {mayManage(claims.role, a.role) && a.id !== claims.sub ? (
                      <button
                        type="button"
                        className="ds-button"
                        data-variant="secondary"
                        data-size="sm"
                        disabled={busy !== null}
                        onClick={() => void toggle(a)}
                      >
                        {a.status === 'deactivated'
                          ? t.accounts.reactivate(a.name)
                          : t.accounts.deactivate(a.name)}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <NewAccountForm centre={centre} onCreated={reload} />
    </section>
  );
}
