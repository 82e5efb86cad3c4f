// Types for inline-scripts.mjs (plain JavaScript, so that scripts/server.mjs can load it without a build).
export function isNextDataScript(text: string): boolean;
export function inlineScripts(html: string): string[];
export function sha256Source(text: string): string;
export function inlineScriptHashes(html: string): string[];
export function withScriptHashes(csp: string, hashes: string[]): string;
export function needsScriptHashes(csp: string | undefined): boolean;
