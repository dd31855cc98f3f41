import type { ScaleQuestion } from '@crux/domain/survey/questionnaire';
import type { SurveyRoundResults } from '@crux/domain/survey/results';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useSurveyTexts } from '../i18n/survey-texts';
import { ScrollRegion } from './scroll-region';

/** The results route's answer: the job's results, or `results: null` until the job has counted the round. */
export type RoundResultsAnswer = SurveyRoundResults | { round: string; results: null };

/**
 * A closed round's results as the figures job wrote them (results.ts decides what is shown): per
 * question its statement, the positive share among those not "not applicable", the number of answers
 * and the "not applicable" share; a value hidden by the rule against small numbers says so in words.
 */
export function SurveyResults({
  answer,
  questions,
}: {
  answer: RoundResultsAnswer;
  /** The scale questions of the round's version, to word each line. */
  questions: readonly ScaleQuestion[];
}) {
  const { text } = useI18n();
  const s = useSurveyTexts();
  const { results } = answer;
  if (!results) return <p>{s.notCounted}</p>;
  if (!results.shown) return <p>{s.tooFew(results.respondents)}</p>;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const percent = (value: number | null) => (value === null ? s.hidden : `${formatNumber(value)} %`);
  return (
    <>
      <p>{s.respondents(results.respondents)}</p>
      <ScrollRegion labelledBy="survey-results-caption">
        <table className="ds-table" data-color="neutral">
          <caption id="survey-results-caption">{s.resultsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{s.question}</th>
              <th scope="col" className="num">
                {s.share}
              </th>
              <th scope="col" className="num">
                {s.answered}
              </th>
              <th scope="col" className="num">
                {s.notApplicable}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.questions.map((r) => {
              const question = byId.get(r.question);
              return (
                <tr key={r.question}>
                  <th scope="row">{question ? text(question.statement) : r.question}</th>
                  <td className="num">{percent(r.share)}</td>
                  <td className="num">{r.answered === null ? s.hidden : formatNumber(r.answered)}</td>
                  <td className="num">{percent(r.notApplicableShare)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="hint">{s.resultsNote}</p>
    </>
  );
}
