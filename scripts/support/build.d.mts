// Types for build.mjs.
export function buildIsStale(root?: string): boolean;
export function ensureBuild(options?: { root?: string; force?: boolean }): number;
