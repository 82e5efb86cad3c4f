// The date range and section the standards figures cover: a plain GET form (no JavaScript), the
// typed values kept, and the refusal beside the field it is about.
import { FilterSelect } from '@/components/desk/filter-select';

export interface RangeFormValues {
  from: string;
  to: string;
  section: string;
}

export function RangeForm({ action, values, sections, error, submitLabel = 'Show' }: { action: string; values: RangeFormValues; sections: readonly string[]; error?: { field: string; message: string } | null; submitLabel?: string }) {
  const invalid = (field: string) => error?.field === field;
  const describedBy = (field: string) => (invalid(field) ? 'range-error' : undefined);
  // A section no longer in the list (typed into the address) stays selectable, so the form shows what is shown.
  const options = values.section && !sections.includes(values.section) ? [...sections, values.section] : sections;
  return (
    <form method="get" action={action} className="filters" aria-label="Range of the figures">
      <label htmlFor="range-from">From</label>
      <input id="range-from" name="from" type="date" defaultValue={values.from} aria-invalid={invalid('from')} aria-describedby={describedBy('from')} />
      <label htmlFor="range-to">To</label>
      <input id="range-to" name="to" type="date" defaultValue={values.to} aria-invalid={invalid('to')} aria-describedby={describedBy('to')} />
      <FilterSelect id="range-section" name="section" label="Section" value={values.section || undefined} options={options} />
      <p>
        <button type="submit">{submitLabel}</button>
      </p>
      {error ? (
        <p id="range-error" className="form-error range-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
