import type { Questionnaire } from '@crux/domain/survey/questionnaire';
import type { DraftComment } from '@crux/domain/survey/requests';
import { formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** The network's comments on the draft, oldest first, each naming its question when it has one. */
export function DraftComments({
  comments,
  questionnaire,
}: {
  comments: readonly DraftComment[];
  questionnaire: Questionnaire;
}) {
  const { t, text, language } = useI18n();
  const questionText = (id: string) => {
    const q = questionnaire.questions.find((q) => q.id === id);
    return q ? text(q.text) : id;
  };
  return (
    <section className="stack" aria-labelledby="survey-comments-title">
      <h2 className="ds-heading" data-size="md" id="survey-comments-title">
        {t.survey.commentsTitle}
      </h2>
      {comments.length === 0 ? <p>{t.survey.noComments}</p> : null}
      {comments.length > 0 ? (
        <ul className="comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="hint">
                {formatTimestamp(c.at, language)}
                {c.question ? ` · ${t.survey.commentOn(questionText(c.question))}` : ''}
              </p>
              <p className="notes">{c.text}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
