/* blogscout: sort the ranked table and filter its rows and cards. Reads and writes nothing else. */
(function () {
  "use strict";
  var table = document.querySelector("table[data-sortable]");
  var box = document.querySelector("[data-filters]");
  if (table) {
    var heads = table.querySelectorAll("th[data-sort]");
    heads.forEach(function (th, col) {
      th.querySelector("button").addEventListener("click", function () {
        var numeric = th.getAttribute("data-sort") === "num";
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-value") || "", y = b.cells[col].getAttribute("data-value") || "";
          if (numeric) { return dir * ((parseFloat(x) || 0) - (parseFloat(y) || 0)); }
          return dir * x.localeCompare(y);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  if (box) {
    var get = function (name) { return box.querySelector('[data-filter="' + name + '"]'); };
    var apply = function () {
      var lang = get("lang").value, status = get("status").value;
      var contact = get("contact").checked, coop = get("coop").checked;
      var text = get("text").value.trim().toLowerCase();
      var shown = 0;
      document.querySelectorAll("[data-row]").forEach(function (el) {
        var ok = (!lang || el.getAttribute("data-lang") === lang) &&
          (!status || el.getAttribute("data-status") === status) &&
          (!contact || el.getAttribute("data-contact") === "1") &&
          (!coop || el.getAttribute("data-coop") === "1") &&
          (!text || el.textContent.toLowerCase().indexOf(text) !== -1);
        el.hidden = !ok;
        if (ok && el.tagName === "TR") { shown += 1; }
      });
      box.querySelector("[data-count]").textContent = String(shown);
    };
    box.addEventListener("input", apply);
    box.addEventListener("change", apply);
  }
})();
