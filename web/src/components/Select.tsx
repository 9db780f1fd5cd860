/** A labelled select with its hint and its error; options in groups when given so. */
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
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const option = (o: Option) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select
        id={id}
        name={id}
        className="select"
        value={value}
        aria-describedby={describedBy}
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
    </div>
  );
}
