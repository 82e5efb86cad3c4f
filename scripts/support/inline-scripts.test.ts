import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, inlineScripts, isNextDataScript, needsScriptHashes, withScriptHashes } from './inline-scripts.mjs';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const BOOT = '(self.__next_f=self.__next_f||[]).push([0])';
const PAYLOAD = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])';
const CHUNKS = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]});';

describe('hashing the inline scripts Next wrote into a page', () => {
  const page = `<html><head><script src="/_next/static/chunks/a.js" async=""></script><script id="_R_">${CHUNKS}</script></head>
<body><script type="application/ld+json">{"@type":"NewsArticle"}</script><script>${BOOT}</script><script>${PAYLOAD}</script></body></html>`;

  it('finds the scripts a browser would run inline, and not external or data scripts', () => {
    expect(inlineScripts(page)).toEqual([CHUNKS, BOOT, PAYLOAD]);
  });

  it('hashes exactly Next’s data-only scripts', () => {
    expect(inlineScriptHashes(page)).toEqual([hash(CHUNKS), hash(BOOT), hash(PAYLOAD)]);
  });

  it('never hashes a script of any other shape, such as an injected one', () => {
    for (const hostile of ['alert(1)', 'self.__next_f.push([1,"x"]);alert(1)', 'self.__next_f.push(alert(1))', 'self.__next_f.push([1,"x"]),alert(1)//)', `${BOOT};alert(1)`]) {
      expect(isNextDataScript(hostile), hostile).toBe(false);
      expect(inlineScriptHashes(`<script>${hostile}</script>`)).toEqual([]);
    }
    expect(inlineScriptHashes(`<SCRIPT type="text/javascript">alert(1)</SCRIPT >`)).toEqual([]);
  });

  it('adds the hashes to script-src, and only to pages without a nonce', () => {
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'";
    expect(withScriptHashes(csp, ["'sha256-a'", "'sha256-b'"])).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'");
    expect(withScriptHashes(csp, [])).toBe(csp);
    expect(needsScriptHashes(csp)).toBe(true);
    expect(needsScriptHashes("script-src 'self' 'nonce-abc' 'strict-dynamic'")).toBe(false);
    expect(needsScriptHashes(undefined)).toBe(false);
  });
});
