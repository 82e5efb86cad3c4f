export function nextHostname(listen: string): string;
