// The webhook delivery worker: claims due outbox messages, POSTs each, signed, to its subscriber and
// records the answer. At least once: a message claimed by a process that dies is claimed again when
// its lock runs out and sent with the same webhook-id and the same bytes (a new timestamp and
// signature, as Standard Webhooks expects of a retry), so a receiver drops repeats by webhook-id.
import 'server-only';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, type Dispatcher, fetch as undiciFetch } from 'undici';
import { type WebhookWorkerConfig, webhookWorkerConfig } from '../../lib/webhooks/backoff';
import { PrivateAddressError, publicOnlyLookup } from '../../lib/webhooks/public-lookup';
import { allowsPrivateReceivers, isPrivateAddress } from '../../lib/webhooks/receiver-url';
import { signedHeaders } from '../../lib/webhooks/signing';
import { claimDue, type ClaimedMessage, DELIVERY_BATCH, recordAttempt } from './webhook-delivery';
import { detached } from '../store';
import { logLimiter } from '../../lib/log-limit';

const runFailures = logLimiter({ windowMs: 10_000 });

export const USER_AGENT = 'Errata-Webhooks/1';
/** Of a receiver's answer, no more than this is read (the start of it is kept with a refusal). */
const BODY_LIMIT = 4096;
/** Claims one run makes at most before it lets the timer come round again. */
const MAX_ROUNDS = 20;

/** How a message is POSTed: undici's fetch, or a test's; `dispatcher` is the public-only agent when private receivers are refused. */
type Fetch = (url: URL, init: RequestInit & { dispatcher?: Dispatcher }) => Promise<Response>;

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** One line of plain text from whatever a receiver or the network said, short enough for the desk. */
function oneLine(text: string, max = 300): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The first BODY_LIMIT bytes of an answer; the rest is never read. */
async function readStart(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < BODY_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, BODY_LIMIT).toString('utf8');
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    // Refused by the public-only lookup: worded as privateTarget's refusal is.
    if (cause instanceof PrivateAddressError) return oneLine(`not sent: ${cause.hostname} is on this machine or a private network (${cause.address})`);
    if (cause?.code || cause?.message) return oneLine(`could not connect: ${cause.message ?? cause.code}`);
    return oneLine(error.message);
  }
  return oneLine(String(error));
}

/**
 * The address the receiver's host name leads to, when that is on this machine or a private network
 * (checked again at each send: a name can be pointed somewhere else after the subscription was made).
 * An early refusal with a plain message, and the only check of an IP literal (Node looks none up); for
 * a name, what guarantees it is the public-only agent below, which checks the addresses it connects to.
 */
async function privateTarget(url: URL): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  return addresses.find(isPrivateAddress) ?? null;
}

let publicAgent: Agent | undefined;

// undici's fetch under the DOM's types the rest of the file uses (they describe the same fetch, body
// types aside), so a test's fake fetch and this one have one type.
const defaultFetch = undiciFetch as unknown as Fetch;

/**
 * The agent a send goes through when private receivers are refused: its connections look the host up
 * with publicOnlyLookup, so a name that answered a public address to privateTarget and a private one
 * to the connection (DNS rebinding) is refused there, and the address checked is the address used.
 */
function publicOnlyAgent(): Agent {
  return (publicAgent ??= new Agent({ connect: { lookup: publicOnlyLookup((hostname, options) => lookup(hostname, { ...options, all: true })) } }));
}

/** One POST of one message. Never throws: every outcome is an attempt to record. */
export async function sendMessage(message: ClaimedMessage, { fetchImpl = defaultFetch, timeoutMs, allowPrivate }: { fetchImpl?: Fetch; timeoutMs: number; allowPrivate: boolean }): Promise<AttemptResult> {
  const started = performance.now();
  const took = () => performance.now() - started;
  try {
    const url = new URL(message.url);
    if (!allowPrivate) {
      const blocked = await privateTarget(url);
      if (blocked) return { ok: false, status: null, error: `not sent: ${url.hostname} is on this machine or a private network (${blocked})`, durationMs: took() };
    }
    // Signed at the moment of sending: receivers refuse a timestamp more than 5 minutes off.
    const headers = { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...signedHeaders({ secret: message.secret, messageId: message.messageId, timestamp: new Date(), payload: message.payload }) };
    const response = await fetchImpl(url, { method: 'POST', headers, body: message.payload, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), ...(allowPrivate ? {} : { dispatcher: publicOnlyAgent() }) });
    const start = oneLine(await readStart(response), 200);
    const status = response.status;
    if (status >= 200 && status < 300) return { ok: true, status, error: null, durationMs: took() };
    const error = status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed (give the final address)` : `HTTP ${status}${start ? `: ${start}` : ''}`;
    return { ok: false, status, error, durationMs: took() };
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error, timeoutMs), durationMs: took() };
  }
}

export interface DeliveryRun {
  claimed: number;
  delivered: number;
  failed: number;
}

/** Claims the due messages and sends them, a batch at a time side by side, until none is due. */
export async function deliverDue(options: { now?: Date; fetchImpl?: Fetch; config?: WebhookWorkerConfig } = {}): Promise<DeliveryRun> {
  const config = options.config ?? webhookWorkerConfig(process.env);
  const allowPrivate = allowsPrivateReceivers(process.env);
  const run: DeliveryRun = { claimed: 0, delivered: 0, failed: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await claimDue({ now: options.now ?? new Date(), limit: DELIVERY_BATCH, lockMs: config.lockMs });
    run.claimed += batch.length;
    await Promise.all(
      batch.map(async (message) => {
        const result = await sendMessage(message, { fetchImpl: options.fetchImpl, timeoutMs: config.timeoutMs, allowPrivate });
        try {
          await recordAttempt({ outboxId: message.id, ...result, now: options.now ?? new Date(), backoffScale: config.backoffScale });
        } catch (error) {
          // Unrecorded, the message stays claimed until its lock runs out, then is sent again.
          console.error(`webhooks: could not record an attempt on message ${message.messageId}: ${(error as Error).message}`);
        }
        if (result.ok) run.delivered += 1;
        else run.failed += 1;
      }),
    );
    if (batch.length < DELIVERY_BATCH) break;
  }
  return run;
}

interface WorkerState {
  timer: NodeJS.Timeout;
  running: boolean;
  /** A nudge came during a run: run again as soon as it ends. */
  again: boolean;
  tick: () => void;
}

// On globalThis, like the database handle: instrumentation.ts and the app's routes are separate
// bundles, so a nudge from a server action must find the worker the server started.
const holder = globalThis as unknown as { errataWebhookWorker?: WorkerState };

/** Starts this process's worker (once): every ERRATA_WEBHOOK_POLL_MS, one run at a time, never throwing out of the timer. */
export function startWebhookWorker(config: WebhookWorkerConfig = webhookWorkerConfig(process.env)): boolean {
  if (!config.enabled || holder.errataWebhookWorker) return false;
  const state = { running: false, again: false } as WorkerState;
  state.tick = () => {
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    let run: Promise<DeliveryRun>;
    try {
      run = deliverDue({ config });
    } catch (error) {
      run = Promise.reject(error);
    }
    run
      // While the store is down every run fails alike: one line each 10 s, with the count.
      .catch((error: unknown) => runFailures('run', `webhooks: a delivery run failed: ${error instanceof Error ? error.message : String(error)}`, (line) => console.error(line)))
      .finally(() => {
        state.running = false;
        if (state.again) {
          state.again = false;
          setImmediate(state.tick).unref();
        }
      });
  };
  state.timer = setInterval(state.tick, config.pollMs);
  state.timer.unref();
  holder.errataWebhookWorker = state;
  // Whatever was left due when the server last stopped goes first.
  setImmediate(state.tick).unref();
  return true;
}

/** Asks the worker to look for due messages now (after a commit that wrote some); nothing when no worker runs here. */
export function nudgeWebhookWorker(): void {
  const state = holder.errataWebhookWorker;
  // Called from inside the transaction that queued the message: the run must not belong to it.
  if (state) detached(() => setTimeout(state.tick, 0).unref());
}

/** Stops this process's worker (tests); a run in progress finishes. */
export function stopWebhookWorker(): void {
  const state = holder.errataWebhookWorker;
  if (!state) return;
  clearInterval(state.timer);
  delete holder.errataWebhookWorker;
}
