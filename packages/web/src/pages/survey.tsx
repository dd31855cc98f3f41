import { RoundOpen, type SurveyRound } from '@crux/domain/survey/requests';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useRef, useState } from 'react';
import { usePublishedQuestionnaires } from '../api/survey';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { NetworkRetry } from '../forms/network-retry';
import { useWrite } from '../forms/use-write';
import { formatDate, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useSurveyTexts } from '../i18n/survey-texts';
import { mayCall } from '../routing/access';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { SelectField, TextField } from '../ui/fields';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Notice, Progress, Success } from '../ui/status';
import { currentYear } from '../ui/year-picker';
import { SurveyRoundView } from './survey-round';

/**
 * Deltakerundersøkelsen at a centre: its rounds, newest first; the one chosen with its period and
 * version, its codes and close for the leader, its results once closed. A leader opens a round when
 * none is open. Staff see the same rounds and results, without the leader's buttons, as the route
 * table allows.
 */
export function SurveyPage({ centre }: { centre: string }) {
  const { t, language } = useI18n();
  const s = useSurveyTexts();
  const { api, claims } = useApp();
  usePageTitle(s.title);
  const [list, reload] = useResource(`${centre}:survey`, () =>
    api.get<{ rounds: SurveyRound[] }>(`/api/centres/${centre}/survey/rounds`),
  );
  const [published] = usePublishedQuestionnaires();
  const [chosen, setChosen] = useState<string | null>(null);
  const leads = mayCall(claims, 'POST /api/centres/{centreId}/survey/rounds', centre);
  // The last list stays while it loads again, so a round's fresh codes stay on screen to be printed.
  const last = useRef<SurveyRound[]>([]);
  if (list.state === 'ok') last.current = list.value.rounds;
  const rounds = [...last.current].sort((a, b) => b.year - a.year || (a.id < b.id ? 1 : -1));
  const open = rounds.find((r) => r.status === 'open');
  const round = rounds.find((r) => r.id === chosen) ?? open ?? rounds[0];
  const versions = published.state === 'ok' ? published.value : [];
  const status = (r: SurveyRound) => (r.status === 'open' ? s.open : s.closed);

  return (
    <section className="stack">
      <h1 className="ds-heading no-print" data-size="lg">
        {s.title}
      </h1>
      <p className="no-print">{s.intro}</p>
      {leads ? null : <p className="no-print">{s.readOnly}</p>}
      <h2 className="ds-heading no-print" data-size="md" id="survey-rounds-title">
        {s.roundsTitle}
      </h2>
      {list.state === 'loading' && rounds.length === 0 ? <Progress label={t.loading} /> : null}
      {list.state === 'failed' ? <FailureView failure={list.failure} retry={reload} /> : null}
      {list.state === 'ok' && rounds.length === 0 ? <p>{s.noRounds}</p> : null}
      {rounds.length > 0 ? (
        <div className="no-print">
          <ScrollRegion labelledBy="survey-rounds-title">
            <table className="ds-table" data-color="neutral">
              <thead>
                <tr>
                  <th scope="col">{s.year}</th>
                  <th scope="col">{s.status}</th>
                  <th scope="col">{s.openedOn}</th>
                  <th scope="col">{s.closedOn}</th>
                  <th scope="col" className="num">
                    {s.version}
                  </th>
                  <th scope="col" className="num">
                    {s.codesMade}
                  </th>
                  <th scope="col" className="num">
                    {s.codesUsed}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id} aria-current={r.id === round?.id ? 'true' : undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="ds-button"
                        data-variant="tertiary"
                        aria-label={s.show(r.year)}
                        aria-pressed={r.id === round?.id}
                        onClick={() => setChosen(r.id)}
                      >
                        {r.year}
                      </button>
                    </th>
                    <td>{status(r)}</td>
                    <td>{formatDate(r.openedOn, language)}</td>
                    <td>{r.closedOn ? formatDate(r.closedOn, language) : ''}</td>
                    <td className="num">{r.version}</td>
                    <td className="num">{formatNumber(r.codes.made)}</td>
                    <td className="num">{formatNumber(r.codes.used)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ) : null}
      {leads && list.state === 'ok' && !open ? (
        <OpenRound
          centre={centre}
          versions={versions.map((v) => v.version)}
          onOpened={(opened) => {
            setChosen(opened);
            reload();
          }}
        />
      ) : null}
      {round ? (
        <SurveyRoundView
          key={round.id}
          centre={centre}
          round={round}
          questionnaire={versions.find((v) => v.version === round.version)?.questionnaire}
          leads={leads}
          onChanged={reload}
        />
      ) : null}
    </section>
  );
}

const ids = { year: 'survey-year', version: 'survey-version' };

function OpenRound({
  centre,
  versions,
  onOpened,
}: {
  centre: string;
  versions: number[];
  onOpened: (round: string | null) => void;
}) {
  const { t } = useI18n();
  const s = useSurveyTexts();
  const [year, setYear] = useState(String(currentYear()));
  const [version, setVersion] = useState('');
  const [notice, setNotice] = useState<'opened' | 'conflict' | null>(null);
  const chosenVersion = version || String(versions.at(-1) ?? '');
  const { state, write } = useWrite((outcome) => {
    setNotice(outcome === 'saved' ? 'opened' : 'conflict');
    onOpened(null);
  });
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setNotice(null);
    write(
      'post',
      `/api/centres/${centre}/survey/rounds`,
      parse(RoundOpen, { year: Number(year), version: Number(chosenVersion) }),
    );
  };
  return (
    <form onSubmit={submit} noValidate className="stack no-print">
      <h2 className="ds-heading" data-size="md">
        {s.openTitle}
      </h2>
      <p>{s.openIntro}</p>
      {versions.length === 0 ? <Notice>{s.noPublished}</Notice> : null}
      <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
      <TextField
        id={ids.year}
        label={s.year}
        inputMode="numeric"
        className="short"
        value={year}
        error={state.errors.year}
        onChange={setYear}
      />
      <SelectField
        id={ids.version}
        label={s.version}
        value={chosenVersion}
        error={state.errors.version}
        onChange={setVersion}
        options={[...versions].reverse().map((v) => ({ value: String(v), label: String(v) }))}
      />
      <NetworkRetry visible={state.networkFailed} onRetry={submit} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving || versions.length === 0}>
          {s.openButton}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
      {notice === 'opened' ? <Success>{s.opened}</Success> : null}
      {notice === 'conflict' ? <Notice>{s.alreadyOpen}</Notice> : null}
    </form>
  );
}
