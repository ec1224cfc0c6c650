// Inline script of the claims HTML report (embedded at build time). It only
// shows/hides finding cards, sorts claim tables and opens linked articles;
// the page is complete without it. No network, no eval.
(function () {
  'use strict';
  var data = {};
  try {
    data = JSON.parse(document.getElementById('claims-data').textContent);
  } catch (e) { /* the page still works without the data block */ }
  var sev = document.getElementById('f-severity');
  var rule = document.getElementById('f-rule');
  var art = document.getElementById('f-article');
  var shown = document.getElementById('shown');
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.finding'));

  function apply() {
    var n = 0;
    cards.forEach(function (c) {
      var ok = (!sev || !sev.value || c.getAttribute('data-severity') === sev.value) &&
               (!rule || !rule.value || c.getAttribute('data-rule') === rule.value) &&
               (!art || !art.value || c.getAttribute('data-articles').indexOf('|' + art.value + '|') >= 0);
      c.hidden = !ok;
      if (ok) n++;
    });
    if (shown) shown.textContent = String(n);
    document.body.setAttribute('data-shown', String(n));
  }

  function select(el, value) {
    if (!el) return;
    for (var i = 0; i < el.options.length; i++) {
      if (el.options[i].value === value) { el.selectedIndex = i; return; }
    }
  }

  // ?severity=error&rule=value-conflict&article=news/a.txt, or the same after
  // "#filter:" in the fragment.
  function readUrl() {
    var params = new URLSearchParams(location.search);
    if (location.hash.indexOf('#filter:') === 0) {
      new URLSearchParams(location.hash.slice(8)).forEach(function (v, k) { params.set(k, v); });
    }
    if (params.has('severity')) select(sev, params.get('severity'));
    if (params.has('rule')) select(rule, params.get('rule'));
    if (params.has('article')) {
      var a = params.get('article');
      var i = (data.articles || []).indexOf(a);
      select(art, i >= 0 ? String(i) : a);
    }
  }

  function openTarget() {
    var h = location.hash.slice(1);
    if (!h || h.indexOf('filter:') === 0) return;
    var el = document.getElementById(decodeURIComponent(h));
    if (!el) return;
    var d = el.tagName === 'DETAILS' ? el : el.closest('details');
    if (d) d.open = true;
    el.scrollIntoView();
  }

  function sortBy(th) {
    var table = th.closest('table');
    var body = table.tBodies[0];
    var col = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'num';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col], y = b.cells[col];
      if (numeric) return dir * (parseFloat(x.getAttribute('data-v')) - parseFloat(y.getAttribute('data-v')));
      return dir * x.textContent.localeCompare(y.textContent);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  [sev, rule, art].forEach(function (el) { if (el) el.addEventListener('change', apply); });
  document.querySelectorAll('table.sortable th').forEach(function (th) {
    th.addEventListener('click', function () { sortBy(th); });
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sortBy(th); });
  });
  window.addEventListener('hashchange', function () { readUrl(); apply(); openTarget(); });
  readUrl();
  apply();
  openTarget();
})();
