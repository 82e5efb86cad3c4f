// The error taxonomy's three selects (type of error, cause, found by), from the configured lists:
// optional while drafting (a blank "not yet" choice), required in the publish confirmation.
import { Field } from '@/components/ui/field';
import { type Option, TAXONOMY_FIELDS, TAXONOMY_LABELS, TAXONOMY_LISTS, type TaxonomyField } from '@/lib/standards/config';

export type TaxonomyOptions = Record<(typeof TAXONOMY_LISTS)[TaxonomyField], Option[]>;

interface Props {
  options: TaxonomyOptions;
  values: Partial<Record<TaxonomyField, string | null | undefined>>;
  errors?: Record<string, string[] | undefined>;
  /** Publishing needs all three. */
  required?: boolean;
  /** Distinct ids when the page has another form with the same fields. */
  idPrefix?: string;
}

export function TaxonomyFields({ options, values, errors, required = false, idPrefix }: Props) {
  return (
    <fieldset className="taxonomy">
      <legend>{required ? 'Classify the error (needed to publish)' : 'Classify the error (needed before it is published)'}</legend>
      {TAXONOMY_FIELDS.map((field) => {
        const list = options[TAXONOMY_LISTS[field]];
        const value = values[field] ?? '';
        // A code since removed from the list stays selectable, so saving does not silently change it.
        const stale = value !== '' && !list.some((o) => o.code === value);
        return (
          <Field key={field} name={field} id={idPrefix ? `${idPrefix}-${field}` : undefined} label={TAXONOMY_LABELS[field]} errors={errors?.[field]}>
            {(p) => (
              // Keyed on its value: React's reset after a refused save would otherwise put the first option back.
              <select {...p} key={value} defaultValue={value} required={required}>
                <option value="">{required ? '— choose —' : '— not yet —'}</option>
                {stale ? <option value={value}>{value} (no longer in the list)</option> : null}
                {list.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        );
      })}
    </fieldset>
  );
}
