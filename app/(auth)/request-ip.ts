// The calling client's address inside a server action or page.
import 'server-only';
import { headers } from 'next/headers';
import { clientIp } from './client-ip';

export async function clientIpFromRequest(): Promise<string> {
  return clientIp(await headers());
}
