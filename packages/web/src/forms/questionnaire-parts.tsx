import type { Questionnaire, SurveyScale, SurveySection } from '@crux/domain/survey/questionnaire';
import type { Text } from '@crux/domain/text';
import { useI18n } from '../i18n/i18n';
import { useSurveyTexts } from '../i18n/survey-texts';
import { TextField } from '../ui/fields';
import type { FormErrors } from './form-errors';

/**
 * The parts of the head office's draft around its questions: the title and introduction, the sections
 * questions are grouped in, and the answer scales. Each input's id follows the API's field path into
 * the draft (`questionnaire.sections.1.title.nb` → `qn-sections-1-title-nb`), so the error summary
 * links a refusal to its input. An id is typed once, when the part is new: a saved section, scale or
 * option keeps its id, so the questions and figures that name it keep pointing at it.
 */
export const partPath = (field: string) => `questionnaire.${field}`;
export const partInputId = (field: string) => `qn-${field.replaceAll('.', '-')}`;

/** Every input of the parts, by its API field path, for the error summary's links. */
export function partFieldIds(sections: number, scales: readonly EditedScale[]): Record<string, string> {
  const fields = ['title.nb', 'title.en', 'intro.nb', 'intro.en'];
  for (let i = 0; i < sections; i++)
    fields.push(`sections.${i}.id`, `sections.${i}.title.nb`, `sections.${i}.title.en`);
  scales.forEach((scale, s) => {
    fields.push(`scales.${s}.id`, `scales.${s}.options`);
    scale.value.options.forEach((_, o) => {
      fields.push(
        `scales.${s}.options.${o}.id`,
        `scales.${s}.options.${o}.label.nb`,
        `scales.${s}.options.${o}.label.en`,
      );
    });
  });
  return Object.fromEntries(fields.map((f) => [partPath(f), partInputId(f)]));
}

type Bilingual = { nb: string; en: string };

/** A part as edited: React keeps each input with its part by `uid`, also when parts move or go. */
export type Keyed<T> = { uid: string; value: T };
export type Option = SurveyScale['options'][number];
export type EditedScale = Keyed<{ id: string; options: Keyed<Option>[] }>;
export type EditedParts = {
  title: Text;
  intro: Text;
  sections: Keyed<SurveySection>[];
  scales: EditedScale[];
};

export const keyed = <T,>(value: T): Keyed<T> => ({ uid: crypto.randomUUID(), value });

/** The draft's parts, keyed for editing; its sections in the order they are asked. */
export function editedParts(q: Questionnaire): EditedParts {
  return {
    title: q.title,
    intro: q.intro,
    sections: [...q.sections].sort((a, b) => a.order - b.order).map(keyed),
    scales: q.scales.map((scale) => keyed({ id: scale.id, options: scale.options.map(keyed) })),
  };
}

/** The parts as the API takes them. */
export function partsOf(parts: EditedParts): Omit<Questionnaire, 'questions'> {
  return {
    title: parts.title,
    intro: parts.intro,
    sections: parts.sections.map((x) => x.value),
    scales: parts.scales.map(({ value }) => ({ id: value.id, options: value.options.map((o) => o.value) })),
  };
}

/** A text in both languages, as two fields at `field.nb` and `field.en`. */
export function BilingualFields({
  field,
  labels,
  value,
  errors,
  hint,
  onChange,
}: {
  field: string;
  labels: Bilingual;
  value: Text;
  errors: FormErrors;
  hint?: string;
  onChange: (value: Text) => void;
}) {
  return (
    <>
      {(['nb', 'en'] as const).map((lang) => (
        <TextField
          key={lang}
          id={partInputId(`${field}.${lang}`)}
          label={labels[lang]}
          hint={lang === 'nb' ? hint : undefined}
          value={value[lang]}
          error={errors[partPath(`${field}.${lang}`)]}
          onChange={(text) => onChange({ ...value, [lang]: text })}
        />
      ))}
    </>
  );
}

type Head = { title: Text; intro: Text };

/** The questionnaire's title and the introduction said before its first question. */
export function HeadEditor({
  head,
  errors,
  onChange,
}: {
  head: Head;
  errors: FormErrors;
  onChange: (head: Head) => void;
}) {
  const s = useSurveyTexts();
  return (
    <fieldset className="ds-fieldset">
      <legend className="ds-label">{s.headLegend}</legend>
      <BilingualFields
        field="title"
        labels={s.headTitle}
        value={head.title}
        errors={errors}
        onChange={(title) => onChange({ ...head, title })}
      />
      <BilingualFields
        field="intro"
        labels={s.headIntro}
        hint={s.headIntroHint}
        value={head.intro}
        errors={errors}
        onChange={(intro) => onChange({ ...head, intro })}
      />
    </fieldset>
  );
}

export const blank = { nb: '', en: '' };

/** A typed id for a part not yet saved; the saved ones show theirs in the legend. */
export function NewId({
  field,
  value,
  errors,
  onChange,
}: {
  field: string;
  value: string;
  errors: FormErrors;
  onChange: (id: string) => void;
}) {
  const s = useSurveyTexts();
  return (
    <TextField
      id={partInputId(field)}
      label={s.partId}
      hint={s.questionIdHint}
      value={value}
      error={errors[partPath(field)]}
      onChange={(id) => onChange(id.trim())}
    />
  );
}

/**
 * The sections, in the order they are asked; moving one up swaps its order with the one before. A
 * section that still holds questions cannot be removed: the save is refused at the question's section.
 */
export function SectionsEditor({
  sections,
  saved,
  errors,
  onChange,
}: {
  sections: Keyed<SurveySection>[];
  saved: ReadonlySet<string>;
  errors: FormErrors;
  onChange: (sections: Keyed<SurveySection>[]) => void;
}) {
  const s = useSurveyTexts();
  const { text } = useI18n();
  const set = (i: number, change: Partial<SurveySection>) =>
    onChange(sections.map((x, j) => (j === i ? { ...x, value: { ...x.value, ...change } } : x)));
  // The two swap places and their order numbers, so the order asked stays the order shown.
  const up = (i: number) => {
    const [a, b] = [sections[i - 1], sections[i]];
    if (!a || !b) return;
    onChange(
      sections.map((x, j) =>
        j === i - 1
          ? { ...b, value: { ...b.value, order: a.value.order } }
          : j === i
            ? { ...a, value: { ...a.value, order: b.value.order } }
            : x,
      ),
    );
  };
  const add = () =>
    onChange([
      ...sections,
      keyed({ id: '', title: blank, order: Math.max(0, ...sections.map((x) => x.value.order)) + 1 }),
    ]);
  return (
    <fieldset className="ds-fieldset">
      <legend className="ds-label">{s.sectionsLegend}</legend>
      {sections.map(({ uid, value: section }, i) => {
        const name = text(section.title) || section.id || String(i + 1);
        return (
          <div className="stack question-editor" key={uid}>
            <h2 className="ds-heading" data-size="xs">
              {s.sectionHeading(i + 1, name)}
            </h2>
            {saved.has(section.id) ? null : (
              <NewId
                field={`sections.${i}.id`}
                value={section.id}
                errors={errors}
                onChange={(id) => set(i, { id })}
              />
            )}
            <BilingualFields
              field={`sections.${i}.title`}
              labels={s.sectionTitle}
              value={section.title}
              errors={errors}
              onChange={(title) => set(i, { title })}
            />
            <div className="actions">
              {i > 0 ? (
                <button type="button" className="ds-button" data-variant="tertiary" onClick={() => up(i)}>
                  {s.moveUp(name)}
                </button>
              ) : null}
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                onClick={() => onChange(sections.filter((_, j) => j !== i))}
              >
                {s.removePart(name)}
              </button>
            </div>
          </div>
        );
      })}
      <div>
        <button type="button" className="ds-button" data-variant="secondary" onClick={add}>
          {s.addSection}
        </button>
      </div>
    </fieldset>
  );
}
