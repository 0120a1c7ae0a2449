/* The catalogue's Find page: full-text search, facets with counts, sorting, filter state in the address,
   results announced to screen readers and a CSV download of the filtered results. It loads the catalogue's
   compact index (index.json beside the page) and runs entirely in the browser. */
(function () {
  "use strict";
  var root = document.getElementById("mcds-find");
  if (!root) { return; }
  var words = JSON.parse(root.getAttribute("data-words"));
  var PAGE = 50;
  var ID = 0, TITLE = 1, TITLE_LANG = 2, COST = 3, WEEKS = 4, HOURS = 5, TEXT = 6, VALUES = 7;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  fetch(root.getAttribute("data-index")).then(function (response) {
    if (!response.ok) { throw new Error(response.statusText); }
    return response.json();
  }).then(start).catch(function () { /* the browse lists below stay available */ });

  function start(index) {
    var facets = index.facets;
    var rows = index.rows;
    var folded = rows.map(function (row) { return fold(row[TEXT]); });
    var selected = facets.map(function () { return new Set(); });
    var shown = PAGE;
    var query = document.getElementById("mcds-text");
    var sort = document.getElementById("mcds-sort");
    var list = document.getElementById("mcds-result-list");
    var count = document.getElementById("mcds-count");
    var more = document.getElementById("mcds-more");
    var facetList = document.getElementById("mcds-facet-list");
    var boxes = [];
    var matches = [];

    var params = new URLSearchParams(window.location.search);
    query.value = params.get("text") || "";
    // An address may come from an older or larger catalogue: ignore a sort or a code this page does not offer,
    // rather than keep a filter that no checkbox shows and that matches nothing.
    var sorts = Array.prototype.map.call(sort.options, function (option) { return option.value; });
    if (sorts.indexOf(params.get("sort")) >= 0) { sort.value = params.get("sort"); }
    facets.forEach(function (facet, f) {
      var known = new Set(facet.values.map(function (value) { return value[0]; }));
      params.getAll(facet.name).forEach(function (code) { if (known.has(code)) { selected[f].add(code); } });
    });

    facets.forEach(function (facet, f) {
      var details = document.createElement("details");
      details.open = selected[f].size > 0 || f < 3;
      var summary = document.createElement("summary");
      summary.textContent = facet.title;
      details.appendChild(summary);
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.className = "md-visually-hidden";
      legend.textContent = facet.title;
      fieldset.appendChild(legend);
      boxes[f] = facet.values.map(function (value, v) {
        var id = "mcds-f-" + facet.name + "-" + v;
        var line = document.createElement("div");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.id = id;
        box.value = value[0];
        box.checked = selected[f].has(value[0]);
        box.addEventListener("change", function () {
          if (box.checked) { selected[f].add(value[0]); } else { selected[f].delete(value[0]); }
          shown = PAGE;
          update();
        });
        var label = document.createElement("label");
        label.htmlFor = id;
        label.appendChild(document.createTextNode(value[1] + " "));
        var number = document.createElement("span");
        number.className = "mcds-count";
        label.appendChild(number);
        line.appendChild(box);
        line.appendChild(label);
        fieldset.appendChild(line);
        return { box: box, number: number, line: line };
      });
      details.appendChild(fieldset);
      facetList.appendChild(details);
    });

    function passes(row, f) {
      if (selected[f].size === 0) { return true; }
      var codes = row[VALUES][f];
      for (var i = 0; i < codes.length; i++) {
        if (selected[f].has(facets[f].values[codes[i]][0])) { return true; }
      }
      return false;
    }

    function update() {
      var terms = fold(query.value).split(/\s+/).filter(Boolean);
      var counts = facets.map(function (facet) { return new Array(facet.values.length).fill(0); });
      matches = [];
      for (var r = 0; r < rows.length; r++) {
        var row = rows[r];
        var text = folded[r];
        var ok = true;
        for (var t = 0; t < terms.length; t++) { if (text.indexOf(terms[t]) < 0) { ok = false; break; } }
        if (!ok) { continue; }
        var failing = -1, failures = 0;
        for (var f = 0; f < facets.length && failures < 2; f++) {
          if (!passes(row, f)) { failing = f; failures++; }
        }
        if (failures === 0) { matches.push(row); }
        for (var g = 0; g < facets.length; g++) {
          if (failures === 0 || (failures === 1 && failing === g)) {
            var codes = row[VALUES][g];
            for (var c = 0; c < codes.length; c++) { counts[g][codes[c]]++; }
          }
        }
      }
      var key = sort.value;
      var column = { cost: COST, weeks: WEEKS, hours: HOURS }[key];
      matches.sort(function (a, b) {
        if (column !== undefined && a[column] !== b[column]) { return a[column] - b[column]; }
        return a[TITLE].localeCompare(b[TITLE], index.lang);
      });
      facets.forEach(function (facet, f) {
        boxes[f].forEach(function (entry, v) {
          entry.number.textContent = "(" + counts[f][v] + ")";
          entry.line.hidden = counts[f][v] === 0 && !entry.box.checked;
        });
      });
      count.textContent = matches.length === 1 ? words["results.one"] : words.results.replace("{count}", matches.length.toLocaleString(index.lang));
      render();
      remember();
    }

    function render() {
      list.textContent = "";
      matches.slice(0, shown).forEach(function (row) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "../" + index.record.replace("{id}", row[ID]);
        link.textContent = row[TITLE];
        if (row[TITLE_LANG] !== index.lang) { link.lang = row[TITLE_LANG]; }
        var details = document.createElement("p");
        details.className = "mcds-muted";
        var provider = facets[1].values[row[VALUES][1][0]][1];
        details.textContent = provider + " · " +
          words.hours_weeks.replace("{hours}", row[HOURS].toLocaleString(index.lang)).replace("{weeks}", row[WEEKS]) + " · " +
          row[COST].toLocaleString(index.lang + "-CA", { style: "currency", currency: "CAD", maximumFractionDigits: 2 });
        item.appendChild(link);
        item.appendChild(details);
        list.appendChild(item);
      });
      more.hidden = matches.length <= shown;
    }

    function remember() {
      var next = new URLSearchParams();
      if (query.value) { next.set("text", query.value); }
      if (sort.value !== "title") { next.set("sort", sort.value); }
      facets.forEach(function (facet, f) {
        Array.from(selected[f]).sort().forEach(function (code) { next.append(facet.name, code); });
      });
      var text = next.toString();
      window.history.replaceState(null, "", text ? "?" + text : window.location.pathname);
    }

    function cell(value) {
      var text = String(value);
      if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
      return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }

    document.getElementById("mcds-download").addEventListener("click", function () {
      var names = function (f, row) {
        return row[VALUES][f].map(function (v) { return facets[f].values[v][1]; }).join("|");
      };
      var lines = [["id", "title", "provider", "provinces", "delivery_modes", "cost_cad", "duration_weeks", "workload_hours", "url"].join(",")];
      matches.forEach(function (row) {
        var url = new URL("../" + index.record.replace("{id}", row[ID]), window.location.href).href;
        lines.push([row[ID], row[TITLE], names(1, row), names(0, row), names(3, row), row[COST], row[WEEKS], row[HOURS], url].map(cell).join(","));
      });
      var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "mcds-results.csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });

    var timer = null;
    query.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { shown = PAGE; update(); }, 80);
    });
    sort.addEventListener("change", function () { update(); });
    more.addEventListener("click", function () { shown += PAGE; render(); });
    document.getElementById("mcds-clear").addEventListener("click", function () {
      selected.forEach(function (set) { set.clear(); });
      boxes.forEach(function (entries) { entries.forEach(function (entry) { entry.box.checked = false; }); });
      query.value = "";
      shown = PAGE;
      update();
    });
    root.hidden = false;
    update();
  }
}());
