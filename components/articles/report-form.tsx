'use client';
// The reader's error report: the words, what is wrong, an optional email. Sent as JSON to /api/reports.
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import { REPORT_LIMITS } from '@/lib/limits';

interface Props {
  slug: string;
  version: number;
  start: number | null;
  end: number | null;
  words: string;
}

type Result = { reference?: string; error?: string; errors?: Record<string, string[]> };

export function ReportForm({ slug, version, start, end, words }: Props) {
  const [result, setResult] = useState<Result>({});
  const [pending, setPending] = useState(false);
  const [values, setValues] = useState({ words, message: '', email: '' });
  const { limitErrors, check } = useLimitCheck(REPORT_LIMITS);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = String(form.get('words') ?? '');
    const next = { words: typed, message: String(form.get('message') ?? ''), email: String(form.get('email') ?? '') };
    setValues(next);
    if (!check(event.currentTarget)) return;
    setPending(true);
    try {
      const response = await fetch('/api/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Offsets only hold for the words as selected; typed words are anchored by quote.
        body: JSON.stringify({ slug, version, ...(typed === words ? { start, end } : {}), ...next, website: String(form.get('website') ?? '') }),
      });
      setResult((await response.json().catch(() => ({ error: 'Something went wrong; please try again.' }))) as Result);
    } catch {
      setResult({ error: 'Could not reach the newsroom; please try again.' });
    } finally {
      setPending(false);
    }
  }

  if (result.reference) {
    return (
      <div className="banner" role="status">
        <p>
          <strong>Thank you.</strong> Your report reached the desk. Its reference is <strong className="reference">{result.reference}</strong>.
        </p>
        <p>
          <a href={`/articles/${slug}`}>Back to the article</a>
        </p>
      </div>
    );
  }
  const errors = { ...result.errors, ...limitErrors };
  return (
    <form onSubmit={onSubmit} noValidate>
      {result.error ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      <Field name="words" label="The words that are wrong" errors={errors.words} hint="Select them in the article, or type or paste them here.">
        {(p) => <textarea {...p} defaultValue={values.words} rows={2} />}
      </Field>
      <Field name="message" label="What is wrong?" errors={errors.message}>
        {(p) => <textarea {...p} defaultValue={values.message} rows={5} />}
      </Field>
      <Field name="email" label="Your email (optional, for a reply)" errors={errors.email}>
        {(p) => <input {...p} type="email" defaultValue={values.email} autoComplete="email" />}
      </Field>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">Leave this empty</label>
        <input id="website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send report'}
        </button>
      </p>
      <p className="meta">Reports go to the newsroom&apos;s desk only; they are never published.</p>
    </form>
  );
}
