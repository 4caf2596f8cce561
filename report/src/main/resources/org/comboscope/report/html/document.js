(function () {
  'use strict';
  function key(td) {
    var t = td.textContent.trim(), n = parseFloat(t);
    return (t !== '' && !isNaN(n) && /^[-+]?[0-9.]/.test(t)) ? n : t.toLowerCase();
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var head = table.tHead.rows[0];
    Array.prototype.forEach.call(head.cells, function (th, c) {
      th.addEventListener('click', function () {
        var desc = th.getAttribute('data-sort') === 'asc';
        Array.prototype.forEach.call(head.cells, function (h) { h.removeAttribute('data-sort'); });
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
  Array.prototype.forEach.call(document.querySelectorAll('input.table-filter'), function (box) {
    var table = box.nextElementSibling.querySelector('table');
    box.addEventListener('input', function () {
      var q = box.value.toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        r.style.display = !q || r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
      });
    });
  });
  document.body.setAttribute('data-rendered', '1');
})();
