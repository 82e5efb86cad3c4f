// At least 200 XSS payloads: script tags, event handlers, javascript: links, SVG, broken markup
// and Markdown link tricks. Each one, if it ran, would call window.__xss(n) or alert(n).

const actions = (n: number) => [`alert(${n})`, `window.__xss(${n})`, `top.__xss(${n})`];

function variants(n: number): string[] {
  const [alertIt, mark] = actions(n);
  return [
    `<script>${mark}</script>`,
    `<SCRIPT SRC=//x.example/${n}.js></SCRIPT>`,
    `<script>/*</script><script>*/${mark}</script>`,
    `<img src=x onerror="${mark}">`,
    `<img src=x onerror=${alertIt}>`,
    `<svg onload=${mark}>`,
    `<svg><script>${mark}</script></svg>`,
    `<svg><a xlink:href="javascript:${mark}"><text x="0" y="20">x</text></a></svg>`,
    `<body onload=${mark}>`,
    `<iframe src="javascript:${mark}"></iframe>`,
    `<iframe srcdoc="<script>${mark}</script>"></iframe>`,
    `<a href="javascript:${mark}">click</a>`,
    `<a href="JaVaScRiPt:${mark}">click</a>`,
    `<a href="&#106;avascript:${mark}">click</a>`,
    `<div onmouseover="${mark}">hover</div>`,
    `<input autofocus onfocus=${mark}>`,
    `<details open ontoggle=${mark}>`,
    `<video><source onerror="${mark}"></video>`,
    `<object data="javascript:${mark}"></object>`,
    `<embed src="javascript:${mark}">`,
    `<math><mtext><table><mglyph><style><img src=x onerror=${mark}>`,
    `"><script>${mark}</script>`,
    `'><img src=x onerror=${mark}>`,
    `</textarea><script>${mark}</script>`,
    `</title><script>${mark}</script>`,
    `<img """><script>${mark}</script>">`,
    `<scr<script>ipt>${mark}</scr</script>ipt>`,
    `<<script>${mark}//<</script>`,
    `<style>@import 'javascript:${mark}';</style>`,
    `<link rel=stylesheet href="javascript:${mark}">`,
    `<meta http-equiv="refresh" content="0;url=javascript:${mark}">`,
    `[click](javascript:${mark})`,
    `[click](JAVASCRIPT:${mark})`,
    `[click](  javascript:${mark}  )`,
    `[click](javascript&#58;${mark})`,
    `[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
    `[click](vbscript:${mark})`,
    `![img](x" onerror="${mark})`,
    `[a](https://example.org/" onclick="${mark})`,
    `<https://example.org/"><script>${mark}</script>>`,
    `\`<script>${mark}</script>\``,
    `**<img src=x onerror=${mark}>**`,
    `]]><script>${mark}</script>`,
    `{{constructor.constructor('${mark}')()}}`,
    `\u003cscript\u003e${mark}\u003c/script\u003e`,
  ];
}

/** A deterministic corpus: every variant with its own number, so a hit says which one ran. */
export function xssCorpus(): string[] {
  const corpus: string[] = [];
  for (let round = 0; corpus.length < 225; round++) {
    for (const v of variants(corpus.length + 1)) {
      corpus.push(round === 0 ? v : `${'x'.repeat(round)} ${v} ${'y'.repeat(round)}`);
      if (corpus.length >= 225) break;
    }
  }
  return corpus;
}

/** Packs payloads into strings of at most `limit` characters, separated by `sep`. */
export function pack(payloads: string[], limit: number, sep = ' '): string[] {
  const out: string[] = [];
  let current = '';
  for (const p of payloads) {
    const next = current ? `${current}${sep}${p}` : p;
    if (next.length > limit && current) {
      out.push(current);
      current = p.slice(0, limit);
    } else current = next.slice(0, limit);
  }
  if (current) out.push(current);
  return out;
}
