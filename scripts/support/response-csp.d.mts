// Types for response-csp.mjs (plain JavaScript, so that scripts/server.mjs can load it without a build).
import type { IncomingMessage, ServerResponse } from 'node:http';
export function hashInlineScripts(req: IncomingMessage, res: ServerResponse): void;
