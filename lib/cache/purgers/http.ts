// The one HTTP call the purgers make: fetch with a timeout, a refusal (non-2xx) as a PurgeFailure.
import { PurgeFailure } from './types';

export interface PurgeRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Statuses that count as done besides 2xx (nginx answers 404 for a URL it has not cached). */
  alsoFine?: readonly number[];
}

export async function sendPurge(request: PurgeRequest): Promise<number> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `timed out after ${request.timeoutMs} ms` : String((error as Error)?.cause ?? error);
    throw new PurgeFailure(`${request.method} ${request.url}: ${reason}`);
  }
  // The body says nothing we need; read it so the connection is reused.
  await response.arrayBuffer().catch(() => undefined);
  if ((response.status >= 200 && response.status < 300) || request.alsoFine?.includes(response.status)) return response.status;
  throw new PurgeFailure(`${request.method} ${request.url}: HTTP ${response.status}`);
}
