// Types for nginx.mjs (plain JavaScript, so that it runs without a build).
export const TEMPLATE: string;
export function upstreamPorts(upstreamPort: number | string | readonly number[]): number[];
export function findNginx(options?: { install?: boolean }): { binary: string | null; purgeModule: string | null; problem: string | null };
export function renderNginxConfig(options: { listenPort: number; upstreamPort: number | string | readonly number[]; prefix: string; purgeModule: string; user?: string | null; staticDir?: string | null; accessLog?: boolean }): string;
export interface RunningNginx {
  prefix: string;
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}
export function startNginx(options: { listenPort: number; upstreamPort: number | string | readonly number[]; prefix?: string; staticDir?: string | null; accessLog?: boolean; install?: boolean }): Promise<RunningNginx>;
