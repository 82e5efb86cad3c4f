// Reading a submitted form once: each field at most once, so every check sees the value that is used.

/** Names React and Next add to a server action's form themselves. */
export function isFrameworkField(name: string): boolean {
  return name.startsWith('$ACTION') || /^\d+$/.test(name);
}

/** The names sent more than once, in the order first seen. */
export function repeatedFields(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of names) {
    if (isFrameworkField(name)) continue;
    if (seen.has(name)) repeated.add(name);
    seen.add(name);
  }
  return [...repeated];
}

export function repeatedFieldMessage(names: string[]): string {
  const list = names.map((n) => `“${n}”`).join(', ');
  return `${list} ${names.length === 1 ? 'was' : 'were'} sent more than once; send each field once.`;
}

export type FieldEntries = Iterable<[string, FormDataEntryValue]>;

/** A form's string fields as one value each, or the names that were repeated. */
export function singleValues(entries: FieldEntries): { ok: true; values: Record<string, string> } | { ok: false; repeated: string[] } {
  const list = [...entries].filter(([name]) => !isFrameworkField(name));
  const repeated = repeatedFields(list.map(([name]) => name));
  if (repeated.length > 0) return { ok: false, repeated };
  const values: Record<string, string> = {};
  for (const [name, value] of list) if (typeof value === 'string') values[name] = value;
  return { ok: true, values };
}

/**
 * Why a server action's request is not one of our forms, or null when it is. Every desk action is
 * `(previousState, formData)` or `(formData)`, so React sends it as multipart with a root field "0"
 * holding the arguments, the last a reference to the form ("$K…"). Anything else (JSON or text
 * arguments, a cut-off root) would fail inside Next's decoding or reach the action without a form.
 */
export function actionRequestProblem(contentType: string, root: FormDataEntryValue | null): string | null {
  const refused = 'This request is not one of the desk’s forms; reload the page and send the form again.';
  if (!/^multipart\/form-data/i.test(contentType)) return refused;
  if (typeof root !== 'string') return refused;
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return refused;
  }
  if (!Array.isArray(args) || args.length < 1 || args.length > 2) return refused;
  const form = args[args.length - 1];
  if (typeof form !== 'string' || !/^\$K[0-9a-f]+$/.test(form)) return refused;
  // The previous state is plain data: React writes a string that starts with "$" as "$$…", so any
  // other "$" string is a reference (a Map, a promise, a stream, a server reference) no form sends.
  return args.length === 2 && hasReference(args[0]) ? refused : null;
}

/** React's spellings of plain values in a reply: undefined, the special numbers, a date, a bigint. */
const PLAIN_VALUE = /^\$(undefined|NaN|Infinity|-Infinity|-0|D.*|n-?\d+)$/s;

function hasReference(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('$') && !value.startsWith('$$') && !PLAIN_VALUE.test(value);
  if (Array.isArray(value)) return value.some(hasReference);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => hasReference(k) || hasReference(v));
  return false;
}

export const NUL_MESSAGE = 'This field has a character that cannot be stored (a NUL, U+0000): type it again without it.';

/** The fields whose value holds a NUL (U+0000), which no store keeps as text (PostgreSQL refuses it). */
export function fieldsWithNul(values: Record<string, string>): string[] {
  return Object.keys(values).filter((name) => values[name].includes('\u0000'));
}

/** The values with every NUL taken out: what a refused form shows again. */
export function withoutNul(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.replaceAll('\u0000', '')]));
}

export const MISSING_FIELD_MESSAGE = 'This field is missing: reload the page and send the form again.';
export const MISSING_API_FIELD_MESSAGE = 'This field is required.';

/**
 * zod's error map for a parse of a form (or, with its message, an API request): a field that was not
 * sent at all (or sent as JSON's null) is named as missing, not as zod's "expected string, received undefined" (a schema's
 * own messages still win).
 */
export function missingFieldError(message = MISSING_FIELD_MESSAGE) {
  return (issue: { code?: string; input?: unknown }): string | undefined => (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null) ? message : undefined);
}

/**
 * Each field's messages, each once: two checks that fail alike say it once. Keyed through a Map, so a
 * field a caller names `constructor`, `toString` or `__proto__` is a field like any other, never a
 * property every object inherits.
 */
export function messagesByField(issues: Iterable<{ key: string; message: string }>): Record<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { key, message } of issues) {
    const list = out.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    out.set(key, list);
  }
  return Object.fromEntries(out);
}
