/**
 * A group of radios in a fieldset (after the GOV.UK pattern): the question as its legend, a hint, the
 * error, and for an option the follow-up question it reveals when chosen. The first radio carries
 * the group's id, so an error summary's link lands on it.
 */
import { FieldsetField } from './FieldShell';
import type { ComponentChildren } from 'preact';

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
  /** Shown under the option while it is chosen. */
  reveals?: ComponentChildren;
}

interface Props {
  id: string;
  legend: string;
  /** The legend read by screen readers only: on a page whose heading already asks the question. */
  legendHidden?: boolean;
  hint?: string;
  error?: string;
  value: string;
  options: RadioOption[];
  onChange: (value: string) => void;
}

export function Radios({ id, legend, legendHidden, hint, error, value, options, onChange }: Props) {
  return (
    <FieldsetField id={id} legend={legend} legendClass={legendHidden ? 'visually-hidden' : undefined} hint={hint} error={error}>
      <div className="radios">
        {options.map((option, i) => {
          const optionId = i === 0 ? id : `${id}-${option.value}`;
          return (
            <div key={option.value} className="radios__item">
              <input
                className="radios__input"
                type="radio"
                id={optionId}
                name={id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label className="radios__label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint && (
                <div className="field__hint radios__hint" id={`${optionId}-hint`}>
                  {option.hint}
                </div>
              )}
              {option.reveals && value === option.value && <div className="radios__conditional">{option.reveals}</div>}
            </div>
          );
        })}
      </div>
    </FieldsetField>
  );
}
