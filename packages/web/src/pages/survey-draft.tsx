import type { Questionnaire, SurveyQuestion } from '@crux/domain/survey/questionnaire';
import { DraftPublish, DraftSave, type QuestionnaireState } from '@crux/domain/survey/requests';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { NetworkRetry } from '../forms/network-retry';
import { QuestionEditor, questionFields, questionInputId, questionPath } from '../forms/question-editor';
import {
  type EditedParts,
  editedParts,
  HeadEditor,
  partFieldIds,
  partsOf,
  SectionsEditor,
} from '../forms/questionnaire-parts';
import { ScalesEditor } from '../forms/scales-editor';
import { useWrite } from '../forms/use-write';
import { formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useSurveyTexts } from '../i18n/survey-texts';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { Notice, Progress, Success } from '../ui/status';
import { DraftComments } from '../ui/survey-comments';

const path = '/api/headoffice/survey/questionnaire';

/**
 * The head office's questionnaire: the draft to edit (its title and introduction, its sections and answer
 * scales, and each question's texts in bokmål and English, its section, and for a scale question its
 * scale, positive answers and statement; a free-text question has none), the network's comments on it, and publishing the
 * saved draft as the next version. A save names the revision it was read at; a stale one is reloaded.
 */
export function SurveyDraftPage() {
  const { t } = useI18n();
  const s = useSurveyTexts();
  const { api } = useApp();
  usePageTitle(s.questionnaireTitle);
  // Every write is followed by a fresh read (a new revision, a new version), and its outcome told after it.
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<Outcome>(null);
  const [state, reload] = useResource(`survey:draft:${generation}`, () => api.get<QuestionnaireState>(path));
  const after = (outcome: Outcome) => {
    setNotice(outcome);
    setGeneration((g) => g + 1);
  };
  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {s.questionnaireTitle}
      </h1>
      {state.state === 'loading' ? <Progress label={t.loading} /> : null}
      {state.state === 'failed' ? <FailureView failure={state.failure} retry={reload} /> : null}
      {state.state === 'ok' ? (
        <DraftEditor key={generation} state={state.value} notice={notice} after={after} />
      ) : null}
    </section>
  );
}

type Outcome = 'saved' | 'conflict' | { published: number } | null;
type Item = { uid: string; question: SurveyQuestion; isNew: boolean };
const savedIds = (q: Questionnaire) => ({
  sections: new Set(q.sections.map((x) => x.id)),
  scales: new Map(q.scales.map((x) => [x.id, new Set(x.options.map((o) => o.id))])),
});
type EditorProps = { state: QuestionnaireState; notice: Outcome; after: (outcome: Outcome) => void };

function DraftEditor({ state, notice, after }: EditorProps) {
  const { t, language } = useI18n();
  const s = useSurveyTexts();
  const { draft } = state;
  const [items, setItems] = useState<Item[]>(() =>
    draft.questionnaire.questions.map((question) => ({ uid: crypto.randomUUID(), question, isNew: false })),
  );
  const [parts, setParts] = useState<EditedParts>(() => editedParts(draft.questionnaire));
  // What the saved draft holds: its sections, scales and options keep their ids (new ones get one typed).
  const [saved] = useState(() => savedIds(draft.questionnaire));
  const [dirty, setDirty] = useState(false);
  const questionnaire: Questionnaire = { ...partsOf(parts), questions: items.map((i) => i.question) };
  const save = useWrite((outcome) => after(outcome));
  const edit = (change: Partial<EditedParts>) => {
    setDirty(true);
    setParts((p) => ({ ...p, ...change }));
  };
  const change = (uid: string, question: SurveyQuestion) => {
    setDirty(true);
    setItems((all) => all.map((i) => (i.uid === uid ? { ...i, question } : i)));
  };
  const add = (kind: SurveyQuestion['kind']) => {
    const section = parts.sections[0]?.value.id ?? '';
    const order =
      Math.max(0, ...items.filter((i) => i.question.section === section).map((i) => i.question.order)) + 1;
    const blank = { nb: '', en: '' };
    const base = { id: '', section, order, text: blank };
    const question: SurveyQuestion =
      kind === 'text'
        ? { ...base, kind }
        : { ...base, kind, scale: parts.scales[0]?.value.id ?? '', positive: [], statement: blank };
    setDirty(true);
    setItems((all) => [...all, { uid: crypto.randomUUID(), question, isNew: true }]);
  };
  const submit = () =>
    save.write('put', `${path}/draft`, parse(DraftSave, { revision: draft.revision, questionnaire }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const fieldIds = {
    ...partFieldIds(parts.sections.length, parts.scales),
    ...Object.fromEntries(
      items.flatMap((_, i) => questionFields.map((f) => [questionPath(i, f), questionInputId(i, f)])),
    ),
  };
  return (
    <>
      <p>{s.draftIntro(draft.version)}</p>
      <p className="hint">
        {draft.savedAt ? s.draftSavedAt(formatTimestamp(draft.savedAt, language)) : s.draftNeverSaved}
      </p>
      <form onSubmit={onSubmit} noValidate className="stack">
        <ErrorSummary
          errors={save.state.errors}
          fieldIds={fieldIds}
          attempt={save.state.attempt}
          extra={save.state.formError}
        />
        <HeadEditor head={parts} errors={save.state.errors} onChange={edit} />
        <SectionsEditor
          sections={parts.sections}
          saved={saved.sections}
          errors={save.state.errors}
          onChange={(sections) => edit({ sections })}
        />
        <ScalesEditor
          scales={parts.scales}
          saved={saved.scales}
          errors={save.state.errors}
          onChange={(scales) => edit({ scales })}
        />
        <h2 className="ds-heading" data-size="sm">
          {s.questionsTitle}
        </h2>
        {items.map((item, index) => (
          <QuestionEditor
            key={item.uid}
            index={index}
            question={item.question}
            questionnaire={questionnaire}
            isNew={item.isNew}
            errors={save.state.errors}
            onChange={(question) => change(item.uid, question)}
            onRemove={() => {
              setDirty(true);
              setItems((all) => all.filter((i) => i.uid !== item.uid));
            }}
          />
        ))}
        <div className="actions">
          <button type="button" className="ds-button" data-variant="secondary" onClick={() => add('scale')}>
            {s.addQuestion}
          </button>
          <button type="button" className="ds-button" data-variant="secondary" onClick={() => add('text')}>
            {s.addTextQuestion}
          </button>
        </div>
        <NetworkRetry visible={save.state.networkFailed} onRetry={submit} />
        <div className="actions">
          <button type="submit" className="ds-button" disabled={save.state.saving}>
            {s.saveDraft}
          </button>
          {save.state.saving ? <Progress label={t.saving} /> : null}
        </div>
        {notice === 'saved' && !dirty ? <Success>{s.draftSaved}</Success> : null}
        {notice === 'conflict' ? <Notice>{s.draftConflict}</Notice> : null}
      </form>
      <DraftComments comments={state.comments} questionnaire={draft.questionnaire} />
      <Publish state={state} dirty={dirty} onPublished={() => after({ published: draft.version })} />
      {typeof notice === 'object' && notice ? <Success>{s.published(notice.published)}</Success> : null}
      <h2 className="ds-heading" data-size="md">
        {s.publishedTitle}
      </h2>
      <ul>
        {[...state.published].reverse().map((p) => (
          <li key={p.version}>{s.publishedAt(p.version, formatTimestamp(p.publishedAt, language))}</li>
        ))}
      </ul>
    </>
  );
}

/** Publishes exactly the saved draft the head office sees: its version, revision and content. */
function Publish({
  state,
  dirty,
  onPublished,
}: {
  state: QuestionnaireState;
  dirty: boolean;
  onPublished: () => void;
}) {
  const { t } = useI18n();
  const s = useSurveyTexts();
  const { draft } = state;
  const { state: publish, write } = useWrite(() => onPublished());
  const send = () =>
    write(
      'post',
      `${path}/publish`,
      parse(DraftPublish, {
        version: draft.version,
        revision: draft.revision,
        questionnaire: draft.questionnaire,
      }),
    );
  const unsaved = dirty || draft.revision === 0;
  return (
    <div className="stack">
      <h2 className="ds-heading" data-size="md">
        {s.publishTitle}
      </h2>
      <p>{s.publishIntro(draft.version)}</p>
      {unsaved ? <Notice>{s.publishUnsaved}</Notice> : null}
      <ErrorSummary
        errors={publish.errors}
        fieldIds={{}}
        attempt={publish.attempt}
        extra={publish.formError}
      />
      <NetworkRetry visible={publish.networkFailed} onRetry={send} />
      <div className="actions">
        <button type="button" className="ds-button" disabled={unsaved || publish.saving} onClick={send}>
          {s.publishButton(draft.version)}
        </button>
        {publish.saving ? <Progress label={t.saving} /> : null}
      </div>
    </div>
  );
}
