// Sequential async mapping: each call waits for the one before, so database work keeps its order
// and never fans out into many statements at once on one connection.

/** `items.map(fn)`, one at a time, in order. */
export async function mapSeries<T, R>(items: Iterable<T>, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let i = 0;
  for (const item of items) out.push(await fn(item, i++));
  return out;
}

/** `items.flatMap(fn)`, one at a time, in order. */
export async function flatMapSeries<T, R>(items: Iterable<T>, fn: (item: T, index: number) => Promise<R | readonly R[]>): Promise<R[]> {
  const out: R[] = [];
  let i = 0;
  for (const item of items) {
    const result = await fn(item, i++);
    if (Array.isArray(result)) out.push(...(result as readonly R[]));
    else out.push(result as R);
  }
  return out;
}
