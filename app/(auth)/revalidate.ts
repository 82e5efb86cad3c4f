// After a change readers can see, drop the cached copies of the pages that show it.
import 'server-only';
import { revalidatePath } from 'next/cache';

export function revalidateReaderPages(): void {
  revalidatePath('/', 'layout');
}
