/* Errata notices for a CMS page (docs/embeds.md): DOM calls and textContent only, never code or
   markup from a string; 2 KB gzipped.
   lib/embed/text-quote.test.ts runs this file to test findQuote. */
(function (w, d) {
'use strict';
var me = d && d.currentScript, base = me ? new URL(me.src).origin : '';
// Whitespace runs read as one space; map[i]: where result character i is in s.
function norm(s, map) {
  for (var o = '', sp = false, i = 0; i < s.length; i++) {
    var ws = /\s/.test(s[i]);
    if (ws && sp) continue;
    sp = ws; o += ws ? ' ' : s[i];
    if (map) map.push(i);
  }
  return o;
}
// [start, end) in text of the exact words whose context best matches the quote's, or null.
function findQuote(text, q) {
  var map = [], t = norm(text, map), x = norm(q.exact || '').trim(), best = -1, top = -1;
  var p = norm(q.prefix || '').replace(/ $/, ''), s = norm(q.suffix || '').replace(/^ /, '');
  for (var at = x ? t.indexOf(x) : -1; at >= 0; at = t.indexOf(x, at + 1)) {
    var j = at - (t[at - 1] == ' ' ? 2 : 1), k = at + x.length + (t[at + x.length] == ' ' ? 1 : 0), i = 0, n;
    while (i < p.length && t[j - i] == p[p.length - 1 - i]) i++;
    for (n = i, i = 0; i < s.length && t[k + i] == s[i]; ) i++;
    if (n + i > top) {
      top = n + i;
      best = at;
    }
  }
  return best < 0 ? null : [map[best], map[best + x.length - 1] + 1];
}
function el(tag, cls, text) {
  var e = d.createElement(tag);
  e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}
function add(p, tag, cls, text) { return p.appendChild(el(tag, cls, text)); }
function link(p, cls, href, text) { var a = add(p, 'a', cls, text); if (/^https?:/.test(href)) a.href = href; }
function time(p, cls, o) { add(p, 'time', cls, o.dateLabel).dateTime = o.date; }
function render(box, j) {
  var a = j.article, ns = j.notices, wd = a.withdrawn;
  var r = el('aside', 'errata-notices' + (wd ? ' errata-notices--withdrawn' : ns.length ? '' : ' errata-notices--empty'));
  r.setAttribute('data-errata-article', a.externalId);
  r.lang = j.lang;
  if (wd) {
    var p = add(r, 'p', 'errata-notices__withdrawn', wd.text);
    if (wd.date) {
      p.append(' ');
      time(p, 'errata-notices__date', wd);
    }
  }
  if (ns.length) {
    add(r, 'h2', 'errata-notices__title', j.title);
    var ol = add(r, 'ol', 'errata-notices__list');
    ns.forEach(function (n) {
      var li = add(ol, 'li', 'errata-notice errata-notice--' + n.kind.replace(/_/g, '-') + (n.withdrawn ? ' errata-notice--withdrawn' : ''));
      li.id = 'errata-notice-' + n.id;
      time(li, 'errata-notice__date', n);
      add(li, 'p', 'errata-notice__text', n.text);
      link(li, 'errata-notice__link', n.url, j.noticeLinkLabel);
    });
  }
  link(add(r, 'p', 'errata-notices__footer'), 'errata-notices__history', a.history.url, a.history.label);
  box.replaceChildren(r);
}
// The claim's words in <mark>s, one per text node they span; the first has the id.
function mark(root, c, href) {
  var ns = [], all = '', tw = d.createTreeWalker(root, 4), n, at = 0, first = 1;
  while ((n = tw.nextNode())) {
    if (n.parentNode.closest('script,style,.errata-notices,.errata-claim')) continue;
    ns.push(n);
    all += n.data;
  }
  var r = findQuote(all, c);
  if (r) ns.forEach(function (n) {
    var len = n.length, a = Math.max(r[0] - at, 0), b = Math.min(r[1] - at, len);
    at += len;
    if (a >= b) return;
    if (b < len) n.splitText(b);
    if (a) n = n.splitText(a);
    var m = el('mark', 'errata-claim'), p = n.parentNode, inner = m;
    if (first) m.id = c.id;
    first = 0;
    m.title = c.label;
    if (!p.closest('a')) (inner = add(m, 'a', 'errata-claim__link')).href = href;
    p.replaceChild(m, n);
    inner.append(n);
  });
}
function run() {
  d.querySelectorAll('[data-errata-notices]').forEach(function (box) {
    var src = (box.getAttribute('data-errata-src') || base).replace(/\/+$/, ''), sel = box.getAttribute('data-errata-mark');
    fetch(src + '/embed/articles/' + encodeURIComponent(box.getAttribute('data-errata-notices')) + '/notices.json', { credentials: 'omit' })
      .then(function (res) { if (!res.ok) throw res.status; return res.json(); })
      .then(function (j) {
        render(box, j);
        var t = sel && d.querySelector(sel);
        if (t) j.notices.forEach(function (n) { n.claims.forEach(function (c) { mark(t, c, '#errata-notice-' + n.id); }); });
      })
      .catch(function () {});
  });
}
w.ErrataNotices = { findQuote: findQuote, run: run };
if (d && d.readyState == 'loading') d.addEventListener('DOMContentLoaded', run);
else if (d) run();
})(typeof window == 'object' ? window : globalThis, typeof document == 'object' ? document : null);
