(function () {
  'use strict';
  function each(list, f) { Array.prototype.forEach.call(list, f); }
  function key(td) {
    var t = td.textContent.trim(), n = parseFloat(t);
    return (t !== '' && !isNaN(n) && /^[-+]?[0-9.]/.test(t)) ? n : t.toLowerCase();
  }
  // sortable tables and row filters under root (the page, or a page of sections just shown)
  function init(root) {
    each(root.querySelectorAll('table.sortable'), function (table) {
      var head = table.tHead.rows[0];
      each(head.cells, function (th, c) {
        th.addEventListener('click', function () {
          var desc = th.getAttribute('data-sort') === 'asc';
          each(head.cells, function (h) { h.removeAttribute('data-sort'); });
          th.setAttribute('data-sort', desc ? 'desc' : 'asc');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = key(a.cells[c]), y = key(b.cells[c]);
            var r = (typeof x === typeof y) ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === 'number' ? -1 : 1);
            return desc ? -r : r;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
    each(root.querySelectorAll('input.table-filter'), function (box) {
      var table = box.nextElementSibling.querySelector('table');
      box.addEventListener('input', function () {
        var q = box.value.toLowerCase();
        each(table.tBodies[0].rows, function (r) {
          r.style.display = !q || r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
        });
      });
    });
  }
  init(document);

  // long reports: indexed sections live in <template>s, one page of them at a time in #pages
  var paged = document.getElementById('paged');
  if (paged) {
    var holder = document.getElementById('pages');
    var pageCount = +paged.getAttribute('data-pages');
    var size = +paged.getAttribute('data-page-size');
    var total = +paged.getAttribute('data-sections');
    var templates = document.querySelectorAll('template[data-section]');
    var pageOf = {};
    each(templates, function (t) { pageOf[t.getAttribute('data-section')] = +t.getAttribute('data-page'); });
    var current = -1;
    var show = function (p) {
      p = Math.max(0, Math.min(pageCount - 1, p));
      if (p === current) { return; }
      while (holder.firstChild) { holder.removeChild(holder.firstChild); }
      each(templates, function (t) {
        if (+t.getAttribute('data-page') === p) { holder.appendChild(document.importNode(t.content, true)); }
      });
      init(holder);
      current = p;
      paged.setAttribute('data-page', String(p));
      var first = p * size + 1, last = Math.min(total, (p + 1) * size);
      each(paged.querySelectorAll('.page-label'), function (l) {
        l.textContent = 'Page ' + (p + 1) + ' of ' + pageCount + ' (sections ' + first + '–' + last + ' of ' + total + ')';
      });
      each(paged.querySelectorAll('button.prev'), function (b) { b.disabled = p === 0; });
      each(paged.querySelectorAll('button.next'), function (b) { b.disabled = p === pageCount - 1; });
      each(document.querySelectorAll('table[data-table="index"] tbody tr'), function (r) {
        if (pageOf[r.getAttribute('data-section')] === p) { r.classList.add('current'); } else { r.classList.remove('current'); }
      });
    };
    // opens the page holding the element a #hash names; false when it is not an indexed section
    var open = function (hash) {
      var id = decodeURIComponent((hash || '').replace(/^#/, ''));
      if (!Object.prototype.hasOwnProperty.call(pageOf, id)) { return false; }
      show(pageOf[id]);
      var el = document.getElementById(id);
      if (el) { el.scrollIntoView(); }
      return true;
    };
    var turn = function (d) {
      show(current + d);
      paged.scrollIntoView();
    };
    each(paged.querySelectorAll('button.prev'), function (b) { b.addEventListener('click', function () { turn(-1); }); });
    each(paged.querySelectorAll('button.next'), function (b) { b.addEventListener('click', function () { turn(1); }); });
    document.addEventListener('click', function (e) {
      var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
      var row = e.target.closest ? e.target.closest('table[data-table="index"] tbody tr') : null;
      var href = a ? a.getAttribute('href') : row ? '#' + row.getAttribute('data-section') : null;
      if (href && Object.prototype.hasOwnProperty.call(pageOf, href.slice(1))) {
        e.preventDefault();
        if (location.hash !== href) { history.pushState(null, '', href); }
        open(href);
      }
    });
    window.addEventListener('hashchange', function () { open(location.hash); });
    if (!open(location.hash)) { show(0); }
  }
  document.body.setAttribute('data-rendered', '1');
})();
