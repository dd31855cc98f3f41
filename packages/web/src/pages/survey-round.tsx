import { isScale, type Questionnaire, type SurveyQuestion } from '@crux/domain/survey/questionnaire';
import { CodesCreate, MAX_CODES, RoundClose, type SurveyRound } from '@crux/domain/survey/requests';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { toFormErrors } from '../forms/form-errors';
import { NetworkRetry } from '../forms/network-retry';
import { useSubmitState } from '../forms/submit-state';
import { useWrite } from '../forms/use-write';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useSurveyTexts } from '../i18n/survey-texts';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { TextField } from '../ui/fields';
import { Notice, Progress, Success } from '../ui/status';
import { type RoundResultsAnswer, SurveyResults } from '../ui/survey-results';
import { SurveySlips } from '../ui/survey-slips';

type Props = {
  centre: string;
  round: SurveyRound;
  questionnaire: Questionnaire | undefined;
  /** The leader: may make codes and close the round (staff read only). */
  leads: boolean;
  onChanged: () => void;
};

type Closed = 'closed' | 'changed';

/** One round: its period and version; for its leader codes and closing while open; results once closed. */
export function SurveyRoundView({ centre, round, questionnaire, leads, onChanged }: Props) {
  const { language } = useI18n();
  const s = useSurveyTexts();
  const closedOn = round.closedOn ? formatDate(round.closedOn, language) : null;
  // Told here, not in the close form: once closed, the round is read again and the form is gone.
  const [closed, setClosed] = useState<Closed | null>(null);
  return (
    <section className="stack" aria-labelledby="survey-round-title">
      <h2 className="ds-heading" data-size="md" id="survey-round-title">
        {s.roundTitle(round.year)}
      </h2>
      <p>
        {s.period(formatDate(round.openedOn, language), closedOn)} {s.publishedVersion(round.version)}
      </p>
      {round.status === 'open' && leads ? (
        <>
          <MakeCodes centre={centre} round={round} onMade={onChanged} />
          <CloseRound
            centre={centre}
            round={round}
            onClosed={(outcome) => {
              setClosed(outcome);
              onChanged();
            }}
          />
        </>
      ) : null}
      {closed === 'closed' ? <Success>{s.closedDone}</Success> : null}
      {closed === 'changed' ? <Notice>{s.changed}</Notice> : null}
      {round.status === 'closed' ? (
        <RoundResults centre={centre} round={round} questionnaire={questionnaire} />
      ) : (
        <p>{s.textsAfterClose}</p>
      )}
    </section>
  );
}

function MakeCodes({ centre, round, onMade }: { centre: string; round: SurveyRound; onMade: () => void }) {
  const { t } = useI18n();
  const s = useSurveyTexts();
  const { api } = useApp();
  const [count, setCount] = useState('20');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [codes, setCodes] = useState<string[] | null>(null);
  const submit = useSubmitState();
  const make = async () => {
    const checked = parse(CodesCreate, { count: count.trim() === '' ? Number.NaN : Number(count) });
    if (!checked.ok) return submit.invalid(toFormErrors(checked.error.fields));
    submit.start();
    const path = `/api/centres/${centre}/survey/rounds/${round.id}/codes`;
    const result = await api.post<{ codes: string[] }>(path, checked.value, key);
    if (!result.ok) {
      if (result.failure.kind === 'http' && result.failure.status < 500) setKey(crypto.randomUUID());
      return submit.fail(result.failure);
    }
    submit.succeed();
    setKey(crypto.randomUUID());
    setCodes(result.value.codes);
    onMade();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    make();
  };
  const { state } = submit;
  return (
    <>
      <h3 className="ds-heading no-print" data-size="sm">
        {s.codesTitle}
      </h3>
      <p className="no-print">{s.codesIntro}</p>
      <form onSubmit={onSubmit} noValidate className="no-print">
        <ErrorSummary
          errors={state.errors}
          fieldIds={{ count: 'survey-count' }}
          attempt={state.attempt}
          extra={state.formError}
        />
        <TextField
          id="survey-count"
          label={s.count}
          hint={s.countHint(MAX_CODES)}
          inputMode="numeric"
          className="short"
          value={count}
          error={state.errors.count}
          onChange={setCount}
        />
        <NetworkRetry visible={state.networkFailed} onRetry={make} />
        <div className="actions">
          <button type="submit" className="ds-button" disabled={state.saving}>
            {s.makeCodes}
          </button>
          {state.saving ? <Progress label={t.saving} /> : null}
        </div>
      </form>
      {codes ? (
        <>
          <div className="no-print stack">
            <Success>{s.madeCodes(codes.length)}</Success>
            <div>
              <button type="button" className="ds-button" onClick={() => window.print()}>
                {s.print}
              </button>
            </div>
          </div>
          <SurveySlips centre={centre} codes={codes} />
        </>
      ) : null}
    </>
  );
}

function CloseRound({
  centre,
  round,
  onClosed,
}: {
  centre: string;
  round: SurveyRound;
  onClosed: (outcome: Closed) => void;
}) {
  const { t } = useI18n();
  const s = useSurveyTexts();
  const { state, write } = useWrite((outcome) => onClosed(outcome === 'saved' ? 'closed' : 'changed'));
  const close = () =>
    write(
      'post',
      `/api/centres/${centre}/survey/rounds/${round.id}/close`,
      parse(RoundClose, { year: round.year }),
    );
  return (
    <div className="stack no-print">
      <h3 className="ds-heading" data-size="sm">
        {s.closeTitle}
      </h3>
      <p>{s.closeIntro}</p>
      <ErrorSummary errors={state.errors} fieldIds={{}} attempt={state.attempt} extra={state.formError} />
      <NetworkRetry visible={state.networkFailed} onRetry={close} />
      <div className="actions">
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          disabled={state.saving}
          onClick={close}
        >
          {s.closeButton}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
    </div>
  );
}

/** Results once closed; the free texts too, which the API gives the centre only after the close. */
function RoundResults({ centre, round, questionnaire }: Omit<Props, 'leads' | 'onChanged'>) {
  const { t } = useI18n();
  const s = useSurveyTexts();
  const { api } = useApp();
  const base = `/api/centres/${centre}/survey/rounds/${round.id}`;
  const [results, reloadResults] = useResource(`${base}/results`, () =>
    api.get<RoundResultsAnswer>(`${base}/results`),
  );
  const [texts, reloadTexts] = useResource(`${base}/texts`, () =>
    api.get<{ texts: Record<string, string[]> }>(`${base}/texts`),
  );
  const questions = questionnaire?.questions ?? [];
  const textQuestions = questions.filter((q) => q.kind === 'text');
  return (
    <>
      <h3 className="ds-heading" data-size="sm">
        {s.resultsTitle}
      </h3>
      {results.state === 'loading' ? <Progress label={t.loading} /> : null}
      {results.state === 'failed' ? <FailureView failure={results.failure} retry={reloadResults} /> : null}
      {results.state === 'ok' ? (
        <SurveyResults answer={results.value} questions={questions.filter(isScale)} />
      ) : null}
      <h3 className="ds-heading" data-size="sm">
        {s.textsTitle}
      </h3>
      {texts.state === 'loading' ? <Progress label={t.loading} /> : null}
      {texts.state === 'failed' ? <FailureView failure={texts.failure} retry={reloadTexts} /> : null}
      {texts.state === 'ok' ? <Texts texts={texts.value.texts} questions={textQuestions} /> : null}
    </>
  );
}

/** The free texts by question, in the order the API gives them (sorted, so no order of answering shows). */
function Texts({ texts, questions }: { texts: Record<string, string[]>; questions: SurveyQuestion[] }) {
  const { text } = useI18n();
  const s = useSurveyTexts();
  const asked = questions.filter((q) => (texts[q.id] ?? []).length > 0);
  if (asked.length === 0) return <p>{s.noTexts}</p>;
  return asked.map((q) => (
    <section key={q.id} aria-label={text(q.text)}>
      <p className="ds-paragraph">
        <strong>{text(q.text)}</strong>
      </p>
      <ul>
        {(texts[q.id] ?? []).map((answer, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two participants may write the same words.
          <li key={i}>{answer}</li>
        ))}
      </ul>
    </section>
  ));
}
