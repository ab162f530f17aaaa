// densing report: tooltips on the chart's points, series and evidence toggles, sortable tables.
// Plain DOM, no libraries, no requests. Text goes in with textContent, never innerHTML.
"use strict";
(function () {
  var tip = document.getElementById("tip");
  var fields = [["model", "Model"], ["date", "Released"], ["params", "Params (B)"], ["score", "Score"],
    ["effective", "N\u0302 (B)"], ["density", "Density \u03c1"], ["evaluator", "Scores by"], ["evidence", "Evidence"]];

  function show(pt) {
    var dl = document.createElement("dl");
    fields.forEach(function (f) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = f[1];
      dd.textContent = pt.getAttribute("data-" + f[0]) || "\u2013";
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    tip.replaceChildren(dl);
    tip.hidden = false;
    var r = pt.getBoundingClientRect();
    var left = Math.min(window.scrollX + r.right + 8, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(0, left) + "px";
    tip.style.top = (window.scrollY + r.bottom + 8) + "px";
  }
  function hide() { tip.hidden = true; }

  document.querySelectorAll(".pt[data-model]").forEach(function (pt) {
    // The native tooltip would double the custom one.
    var title = pt.querySelector("title");
    if (title) title.remove();
    pt.addEventListener("mouseenter", function () { show(pt); });
    pt.addEventListener("focus", function () { show(pt); });
    pt.addEventListener("mouseleave", hide);
    pt.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });

  // Series: show the figure whose reference, benchmark and basis match the selects.
  var controls = document.getElementById("controls");
  if (controls) {
    controls.hidden = false;
    var selects = controls.querySelectorAll("select[data-dim]");
    var update = function () {
      var want = {};
      selects.forEach(function (s) { want[s.getAttribute("data-dim")] = s.value; });
      var any = false;
      document.querySelectorAll("figure.series").forEach(function (fig) {
        var match = fig.dataset.reference === want.reference && fig.dataset.benchmark === want.benchmark &&
          fig.dataset.basis === want.basis;
        fig.hidden = !match;
        any = any || match;
      });
      document.getElementById("no-series").hidden = any;
      hide();
    };
    selects.forEach(function (s) { s.addEventListener("change", update); });
    controls.querySelectorAll("input[data-evidence]").forEach(function (box) {
      box.addEventListener("change", function () {
        var code = box.getAttribute("data-evidence");
        document.querySelectorAll('.pt[data-evidence="' + code + '"]').forEach(function (pt) {
          pt.classList.toggle("off", !box.checked);
          if (box.checked) pt.setAttribute("tabindex", "0"); else pt.removeAttribute("tabindex");
        });
      });
    });
  }

  // Sortable tables: numbers by data-v, text otherwise; a second press reverses.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var down = th.getAttribute("aria-sort") !== "descending";
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          var v = cell.getAttribute("data-v");
          return v === null ? cell.textContent.trim().toLowerCase() : parseFloat(v);
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          // Cells without a value (–) go last either way.
          if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
          var c = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
          return down ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
