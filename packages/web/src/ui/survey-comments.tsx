import type { Questionnaire } from '@crux/domain/survey/questionnaire';
import type { DraftComment } from '@crux/domain/survey/requests';
import { formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useSurveyTexts } from '../i18n/survey-texts';

/** The network's comments on the draft, oldest first, each naming its question when it has one. */
export function DraftComments({
  comments,
  questionnaire,
}: {
  comments: readonly DraftComment[];
  questionnaire: Questionnaire;
}) {
  const { text, language } = useI18n();
  const s = useSurveyTexts();
  const questionText = (id: string) => {
    const q = questionnaire.questions.find((q) => q.id === id);
    return q ? text(q.text) : id;
  };
  return (
    <section className="stack" aria-labelledby="survey-comments-title">
      <h2 className="ds-heading" data-size="md" id="survey-comments-title">
        {s.commentsTitle}
      </h2>
      {comments.length === 0 ? <p>{s.noComments}</p> : null}
      {comments.length > 0 ? (
        <ul className="comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="hint">
                {formatTimestamp(c.at, language)}
                {c.question ? ` · ${s.commentOn(questionText(c.question))}` : ''}
              </p>
              <p className="notes">{c.text}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
