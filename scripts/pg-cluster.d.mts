// Types for scripts/pg-cluster.mjs.
export function findPostgresBin(): string | null;
export function ensurePostgres(options?: { install?: boolean }): { bin: string; problem?: undefined } | { bin?: undefined; problem: string };
export interface ScratchCluster {
  url: string;
  port: number;
  dir: string;
  stop(): void;
  /** Stops the server, keeping its data (an outage). */
  pause(): void;
  /** Starts it again on the same port. */
  resume(): void;
}
export function startCluster(options?: { bin?: string; log?: (line: string) => void; durable?: boolean }): Promise<ScratchCluster>;
export function databaseUrl(url: string, name: string): string;
export function stopWhenGone(cluster: ScratchCluster, pid?: number, bin?: string): void;
export function createDatabase(url: string, name: string): Promise<string>;
