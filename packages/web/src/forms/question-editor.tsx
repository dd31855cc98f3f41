import type { Questionnaire, SurveyQuestion } from '@crux/domain/survey/questionnaire';
import { useI18n } from '../i18n/i18n';
import { useSurveyTexts } from '../i18n/survey-texts';
import { CheckboxGroup, SelectField, TextField } from '../ui/fields';
import type { FormErrors } from './form-errors';

/** The inputs of question `i`, by the API's field path into the draft, for the error summary's links. */
export const questionFields = [
  'id',
  'text.nb',
  'text.en',
  'statement.nb',
  'statement.en',
  'section',
  'scale',
  'positive',
];
export const questionPath = (i: number, field: string) => `questionnaire.questions.${i}.${field}`;
export const questionInputId = (i: number, field: string) => `q-${i}-${field.replace('.', '-')}`;

type Props = {
  index: number;
  question: SurveyQuestion;
  questionnaire: Questionnaire;
  /** A question not yet saved gets its id typed; a saved one keeps its id, so its figures keep their line. */
  isNew: boolean;
  errors: FormErrors;
  onChange: (question: SurveyQuestion) => void;
  onRemove: () => void;
};

/**
 * One question of the head office's draft: its id (new questions only), its texts in bokmål and English,
 * its section; a scale question also its scale, the answers that count as positive and the positive
 * statement the results report. "Not applicable" is offered with every scale question by the platform.
 */
export function QuestionEditor({ index, question, questionnaire, isNew, errors, onChange, onRemove }: Props) {
  const { text } = useI18n();
  const s = useSurveyTexts();
  const id = (field: string) => questionInputId(index, field);
  const error = (field: string) => errors[questionPath(index, field)];
  const set = (change: Partial<SurveyQuestion>) => onChange({ ...question, ...change } as SurveyQuestion);
  const scale =
    question.kind === 'scale' ? questionnaire.scales.find((s) => s.id === question.scale) : undefined;
  return (
    <fieldset className="ds-fieldset question-editor">
      <legend className="ds-label">{s.questionLegend(index + 1, question.id || '–')}</legend>
      {isNew ? (
        <TextField
          id={id('id')}
          label={s.questionId}
          hint={s.questionIdHint}
          value={question.id}
          error={error('id')}
          onChange={(value) => set({ id: value.trim() })}
        />
      ) : null}
      <TextField
        id={id('text.nb')}
        label={s.textNb}
        value={question.text.nb}
        error={error('text.nb')}
        onChange={(nb) => set({ text: { ...question.text, nb } })}
      />
      <TextField
        id={id('text.en')}
        label={s.textEn}
        value={question.text.en}
        error={error('text.en')}
        onChange={(en) => set({ text: { ...question.text, en } })}
      />
      <SelectField
        id={id('section')}
        label={s.section}
        value={question.section}
        error={error('section')}
        onChange={(section) => set({ section })}
        options={questionnaire.sections.map((s) => ({ value: s.id, label: text(s.title) }))}
      />
      {question.kind === 'scale' ? (
        <>
          <SelectField
            id={id('scale')}
            label={s.scale}
            value={question.scale}
            error={error('scale')}
            onChange={(value) => set({ scale: value, positive: [] })}
            options={questionnaire.scales.map((s) => ({
              value: s.id,
              label: s.options.map((o) => text(o.label)).join(' / '),
            }))}
          />
          <CheckboxGroup
            id={id('positive')}
            label={s.positive}
            hint={s.notApplicableAlways}
            error={error('positive')}
            values={question.positive}
            onChange={(positive) => set({ positive })}
            options={(scale?.options ?? []).map((o) => ({ value: o.id, label: text(o.label) }))}
          />
          <TextField
            id={id('statement.nb')}
            label={s.statementNb}
            hint={s.statementHint}
            value={question.statement.nb}
            error={error('statement.nb')}
            onChange={(nb) => set({ statement: { ...question.statement, nb } })}
          />
          <TextField
            id={id('statement.en')}
            label={s.statementEn}
            value={question.statement.en}
            error={error('statement.en')}
            onChange={(en) => set({ statement: { ...question.statement, en } })}
          />
        </>
      ) : (
        <p>{s.freeText}</p>
      )}
      <div>
        <button type="button" className="ds-button" data-variant="tertiary" onClick={onRemove}>
          {s.remove(question.id || String(index + 1))}
        </button>
      </div>
    </fieldset>
  );
}
