// Every address no other route serves: the not-found page, rendered per request so its masthead,
// column name and contact line are the newsroom's current settings (Next's own 404 for an unmatched
// address is rendered once, at build, with the defaults).
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

export default async function Missing(): Promise<never> {
  await connection();
  notFound();
}
