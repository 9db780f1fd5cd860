/** A labelled select with its hint and its error; options in groups when given so. */
import { describedBy, LabelledField } from './FieldShell';
interface Option {
  value: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  /** The first, empty option ("Choose…"). */
  placeholder: string;
  options?: Option[];
  groups?: { label: string; options: Option[] }[];
  onChange: (value: string) => void;
}

export function Select({ id, label, hint, error, value, placeholder, options = [], groups = [], onChange }: Props) {
  const option = (o: Option) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        className="select"
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{placeholder}</option>
        {options.map(option)}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(option)}
          </optgroup>
        ))}
      </select>
    </LabelledField>
  );
}
