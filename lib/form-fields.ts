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
