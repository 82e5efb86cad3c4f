// Types for served-paths.mjs (plain JavaScript, so that scripts/server.mjs can load it without a build).
import type { IncomingMessage, ServerResponse } from 'node:http';
export class ServedPaths {
  constructor(max?: number);
  readonly max: number;
  record(path: string, tags: string[]): void;
  forget(path: string): void;
  pathsFor(tag: string): string[];
}
export const servedPaths: ServedPaths;
export function recordServedPath(req: IncomingMessage, res: ServerResponse, registry?: ServedPaths): void;
