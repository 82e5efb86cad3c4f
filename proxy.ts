// Routing decisions made before a page renders. Never the only guard: pages and actions check access themselves.
import { type NextRequest, NextResponse } from 'next/server';
import { withheldSince } from '@/db/queries/withheld';

const VERSION_PAGE = /^\/articles\/([a-z0-9-]{1,120})\/versions\/([1-9][0-9]{0,8})$/;

function withheldPage(slug: string, number: number, at: Date): NextResponse {
  const day = at.toISOString().slice(0, 10);
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Version withheld</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"></head>
<body style="font-family: Georgia, serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>Version ${number} is withheld</h1>
<p>The text of this version was withheld for legal reasons on <time datetime="${day}">${day}</time>.</p>
<p><a href="/articles/${slug}">Read the current version of the article</a>.</p></body></html>`;
  return new NextResponse(html, { status: 410, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

export function proxy(request: NextRequest) {
  const match = VERSION_PAGE.exec(request.nextUrl.pathname);
  if (match) {
    const [, slug, n] = match;
    const at = withheldSince({ slug, number: Number(n) });
    if (at) return withheldPage(slug, Number(n), at);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/articles/:slug/versions/:n'],
};
