import { askedOrder } from '@crux/domain/survey/questionnaire';
import { CommentCreate, type QuestionnaireState } from '@crux/domain/survey/requests';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useRef, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { NetworkRetry } from '../forms/network-retry';
import { useWrite } from '../forms/use-write';
import { useI18n } from '../i18n/i18n';
import { useSurveyTexts } from '../i18n/survey-texts';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { ErrorMessage, SelectField } from '../ui/fields';
import { usePageTitle } from '../ui/page-title';
import { Notice, Progress, Success } from '../ui/status';
import { DraftComments } from '../ui/survey-comments';

const path = '/api/network/survey/questionnaire';
const ids = { question: 'comment-question', text: 'comment-text' };

/**
 * The experience network's input to the questionnaire: the head office's draft to read, by section,
 * the comments given so far, and a form to comment on the draft or on one of its questions.
 */
export function SurveyCommentsPage() {
  const { t, text } = useI18n();
  const s = useSurveyTexts();
  const { api } = useApp();
  usePageTitle(s.questionnaireTitle);
  const [state, reload] = useResource('survey:network', () => api.get<QuestionnaireState>(path));
  const [question, setQuestion] = useState('');
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<'sent' | 'stale' | null>(null);
  const { state: submit, write } = useWrite((outcome) => {
    setNotice(outcome === 'saved' ? 'sent' : 'stale');
    if (outcome === 'saved') setComment('');
    reload();
  });
  // The last draft stays while it loads again after a comment, so the form and its message stay.
  const last = useRef<QuestionnaireState | null>(null);
  if (state.state === 'ok') last.current = state.value;
  const value = last.current;
  const send = () => {
    if (!value) return;
    setNotice(null);
    write(
      'post',
      `${path}/comments`,
      parse(CommentCreate, {
        version: value.draft.version,
        ...(question ? { question } : {}),
        text: comment.trim(),
      }),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const q = value?.draft.questionnaire;
  const sections = q ? [...q.sections].sort((a, b) => a.order - b.order) : [];
  const asked = q ? askedOrder(q) : [];

  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {s.questionnaireTitle}
      </h1>
      {state.state === 'loading' && !value ? <Progress label={t.loading} /> : null}
      {state.state === 'failed' ? <FailureView failure={state.failure} retry={reload} /> : null}
      {value && q ? (
        <>
          <p>{s.networkIntro(value.draft.version)}</p>
          <p>{text(q.intro)}</p>
          {sections.map((s) => (
            <section key={s.id} aria-labelledby={`section-${s.id}`}>
              <h2 className="ds-heading" data-size="sm" id={`section-${s.id}`}>
                {text(s.title)}
              </h2>
              <ol>
                {asked
                  .filter((question) => question.section === s.id)
                  .map((question) => (
                    <li key={question.id}>
                      {text(question.text)}
                      {question.kind === 'scale' ? (
                        <span className="hint block">{text(question.statement)}</span>
                      ) : null}
                    </li>
                  ))}
              </ol>
            </section>
          ))}
          <DraftComments comments={value.comments} questionnaire={q} />
          <form onSubmit={onSubmit} noValidate className="stack">
            <h2 className="ds-heading" data-size="md">
              {s.sendComment}
            </h2>
            <ErrorSummary
              errors={submit.errors}
              fieldIds={ids}
              attempt={submit.attempt}
              extra={submit.formError}
            />
            <SelectField
              id={ids.question}
              label={s.commentQuestion}
              value={question}
              error={submit.errors.question}
              onChange={setQuestion}
              options={[
                { value: '', label: s.wholeQuestionnaire },
                ...asked.map((a) => ({ value: a.id, label: text(a.text) })),
              ]}
            />
            <div className="ds-field">
              <label className="ds-label" htmlFor={ids.text}>
                {s.commentText}
              </label>
              <textarea
                id={ids.text}
                className="ds-input"
                rows={4}
                value={comment}
                aria-invalid={submit.errors.text ? true : undefined}
                aria-describedby={submit.errors.text ? `${ids.text}-error` : undefined}
                onChange={(event) => setComment(event.target.value)}
              />
              <ErrorMessage id={ids.text} error={submit.errors.text} />
            </div>
            <NetworkRetry visible={submit.networkFailed} onRetry={send} />
            <div className="actions">
              <button type="submit" className="ds-button" disabled={submit.saving}>
                {s.sendComment}
              </button>
              {submit.saving ? <Progress label={t.saving} /> : null}
            </div>
            {notice === 'sent' ? <Success>{s.commentSent}</Success> : null}
            {notice === 'stale' ? <Notice>{s.noDraft}</Notice> : null}
          </form>
        </>
      ) : null}
    </section>
  );
}
