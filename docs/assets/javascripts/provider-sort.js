/* Sortable tables of the catalogue's provider pages. The page arrives sorted by title and reads the same without
   JavaScript; with it, each column heading becomes a button that sorts the rows by that column (again to reverse),
   and the heading's aria-sort says the order to screen readers. Cells carry the value to compare in data-value. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".mcds-sortable table"), function (table) {
    var headings = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var body = table.tBodies[0];
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    var hint = table.querySelector(".mcds-sort-hint");
    if (hint) { hint.hidden = false; }
    headings.forEach(function (heading, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mcds-sort-button";
      while (heading.firstChild) { button.appendChild(heading.firstChild); }
      heading.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = heading.getAttribute("aria-sort") !== "ascending";
        var numeric = heading.getAttribute("data-sort") === "number";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-value"), y = b.cells[column].getAttribute("data-value");
          var order = numeric ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
          // Ties keep the title order the page arrived in.
          if (order === 0) { order = collator.compare(a.cells[0].getAttribute("data-value"), b.cells[0].getAttribute("data-value")); }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
        heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
  });
})();
