import { useSurveyTexts } from '../i18n/survey-texts';
import { ErrorMessage } from '../ui/fields';
import type { FormErrors } from './form-errors';
import {
  BilingualFields,
  blank,
  type EditedScale,
  keyed,
  NewId,
  type Option,
  partInputId,
  partPath,
} from './questionnaire-parts';

/**
 * The answer scales: each a list of options from the one end to the other (2 to 7; "not applicable"
 * is added by the platform to every scale question). A scale a question is on cannot be removed: the
 * save is refused at the question's scale.
 */
export function ScalesEditor({
  scales,
  saved,
  errors,
  onChange,
}: {
  scales: EditedScale[];
  /** The saved scales' ids, each with its saved options' ids. */
  saved: ReadonlyMap<string, ReadonlySet<string>>;
  errors: FormErrors;
  onChange: (scales: EditedScale[]) => void;
}) {
  const s = useSurveyTexts();
  const set = (i: number, value: EditedScale['value']) =>
    onChange(scales.map((x, j) => (j === i ? { ...x, value } : x)));
  const newOption = () => keyed({ id: '', label: blank });
  const add = () => onChange([...scales, keyed({ id: '', options: [newOption(), newOption()] })]);
  return (
    <fieldset className="ds-fieldset">
      <legend className="ds-label">{s.scalesLegend}</legend>
      <p data-field="description">{s.notApplicableAlways}</p>
      {scales.map(({ uid, value: scale }, i) => {
        const savedOptions = saved.get(scale.id);
        const name = scale.id || String(i + 1);
        const setOption = (o: number, change: Partial<Option>) =>
          set(i, {
            ...scale,
            options: scale.options.map((x, j) => (j === o ? { ...x, value: { ...x.value, ...change } } : x)),
          });
        return (
          <div className="stack question-editor" key={uid}>
            <h2 className="ds-heading" data-size="xs" id={partInputId(`scales.${i}.options`)} tabIndex={-1}>
              {s.scaleHeading(i + 1, scale.id || '–')}
            </h2>
            {savedOptions ? null : (
              <NewId
                field={`scales.${i}.id`}
                value={scale.id}
                errors={errors}
                onChange={(id) => set(i, { ...scale, id })}
              />
            )}
            <ErrorMessage
              id={partInputId(`scales.${i}.options`)}
              error={errors[partPath(`scales.${i}.options`)]}
            />
            {scale.options.map(({ uid: optionUid, value: option }, o) => (
              <fieldset className="ds-fieldset" key={optionUid}>
                <legend className="ds-label">{s.optionLegend(o + 1, option.id || '–')}</legend>
                {savedOptions?.has(option.id) ? null : (
                  <NewId
                    field={`scales.${i}.options.${o}.id`}
                    value={option.id}
                    errors={errors}
                    onChange={(id) => setOption(o, { id })}
                  />
                )}
                <BilingualFields
                  field={`scales.${i}.options.${o}.label`}
                  labels={s.optionLabel}
                  value={option.label}
                  errors={errors}
                  onChange={(label) => setOption(o, { label })}
                />
                <div>
                  <button
                    type="button"
                    className="ds-button"
                    data-variant="tertiary"
                    onClick={() => set(i, { ...scale, options: scale.options.filter((_, j) => j !== o) })}
                  >
                    {s.removeOption(o + 1, name)}
                  </button>
                </div>
              </fieldset>
            ))}
            <div className="actions">
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                onClick={() => set(i, { ...scale, options: [...scale.options, newOption()] })}
              >
                {s.addOption}
              </button>
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                onClick={() => onChange(scales.filter((_, j) => j !== i))}
              >
                {s.removePart(name)}
              </button>
            </div>
          </div>
        );
      })}
      <div>
        <button type="button" className="ds-button" data-variant="secondary" onClick={add}>
          {s.addScale}
        </button>
      </div>
    </fieldset>
  );
}
