/**
 * Radios and checkboxes in a fieldset whose legend asks the question (GOV.UK pattern): one hint,
 * one error, each option labelled. The first option's id is `${name}` so an error summary can
 * lead to the group; the others are `${name}-${value}`.
 */
import { FieldsetField } from './FieldShell';
export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

interface GroupProps {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  choices: Choice[];
}

const optionId = (name: string, i: number, value: string) => (i === 0 ? name : `${name}-${value}`);

function Group({
  name,
  legend,
  hint,
  error,
  kind,
  choices,
  isChecked,
  onToggle,
}: GroupProps & { kind: 'radio' | 'checkbox'; isChecked: (v: string) => boolean; onToggle: (v: string, on: boolean) => void }) {
  return (
    <FieldsetField id={name} legend={legend} hint={hint} error={error}>
      <div className="choices">
        {choices.map((c, i) => {
          const id = optionId(name, i, c.value);
          return (
            <div className="choices__item" key={c.value}>
              <input
                id={id}
                name={name}
                type={kind}
                className="choices__input"
                value={c.value}
                checked={isChecked(c.value)}
                aria-describedby={c.hint ? `${id}-hint` : undefined}
                onChange={(e) => onToggle(c.value, e.currentTarget.checked)}
              />
              <label className="choices__label" htmlFor={id}>
                {c.label}
              </label>
              {c.hint && (
                <div className="field__hint choices__hint" id={`${id}-hint`}>
                  {c.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </FieldsetField>
  );
}

export function Radios({ value, onChange, ...props }: GroupProps & { value: string; onChange: (value: string) => void }) {
  return <Group {...props} kind="radio" isChecked={(v) => v === value} onToggle={(v, on) => on && onChange(v)} />;
}

export function Checkboxes({ values, onChange, ...props }: GroupProps & { values: string[]; onChange: (values: string[]) => void }) {
  return (
    <Group
      {...props}
      kind="checkbox"
      isChecked={(v) => values.includes(v)}
      onToggle={(v, on) => onChange(on ? [...values, v] : values.filter((x) => x !== v))}
    />
  );
}
