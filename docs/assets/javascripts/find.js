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
    // For the filtering loop, every facet value has a number (its position after all earlier facets' values), and
    // row r's values of facet f are codes[first[r * W + f]] up to codes[first[r * W + f + 1]] (excluded).
    var W = facets.length + 1, base = [], total = 0;
    facets.forEach(function (facet, f) { base[f] = total; total += facet.values.length; });
    var first = new Int32Array(rows.length * W), all = [];
    rows.forEach(function (row, r) {
      row[VALUES].forEach(function (values, f) {
        first[r * W + f] = all.length;
        values.forEach(function (v) { all.push(base[f] + v); });
      });
      first[r * W + W - 1] = all.length;
    });
    var codes = Int32Array.from(all);
    var chosen = new Uint8Array(total); // the selected values, by number
    var shownCounts = new Int32Array(total).fill(-1);
    var integer = new Intl.NumberFormat(index.lang);
    var money = new Intl.NumberFormat(index.lang + "-CA", { style: "currency", currency: "CAD", maximumFractionDigits: 2 });
    // Every row's position in each sort order, computed once (the sorts are stable: ties keep the index's order)
    // so that filtering in that order needs no sort on each update.
    var collator = new Intl.Collator(index.lang);
    var orders = { title: rows.map(function (row, r) { return r; }).sort(function (a, b) {
      return collator.compare(rows[a][TITLE], rows[b][TITLE]);
    }) };
    function order(key) {
      if (key === "relevance") { return orders.title; } // ranked by update() when there are words
      if (!orders[key]) {
        var column = { cost: COST, weeks: WEEKS, hours: HOURS }[key];
        orders[key] = orders.title.slice().sort(function (a, b) { return rows[a][column] - rows[b][column]; });
      }
      return orders[key];
    }
    var shown = PAGE;
    var query = document.getElementById("mcds-text");
    var sort = document.getElementById("mcds-sort");
    var list = document.getElementById("mcds-result-list");
    var count = document.getElementById("mcds-count");
    var more = document.getElementById("mcds-more");
    var facetList = document.getElementById("mcds-facet-list");
    var boxes = [];
    var matches = [];
    // The rows, in the current order, that contain every typed word: kept while only the facets change.
    var found = [], foundTerms = [], foundSort = null, foundRanks = null;

    var params = new URLSearchParams(window.location.search);
    query.value = params.get("text") || "";
    // An address may come from an older or larger catalogue: ignore a sort or a code this page does not offer,
    // rather than keep a filter that no checkbox shows and that matches nothing.
    var sorts = Array.prototype.map.call(sort.options, function (option) { return option.value; });
    if (sorts.indexOf(params.get("sort")) >= 0) { sort.value = params.get("sort"); }
    facets.forEach(function (facet, f) {
      var known = new Set(facet.values.map(function (value) { return value[0]; }));
      params.getAll(facet.name).forEach(function (code) { if (known.has(code)) { selected[f].add(code); } });
      facet.values.forEach(function (value, v) { chosen[base[f] + v] = selected[f].has(value[0]) ? 1 : 0; });
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
          chosen[base[f] + v] = box.checked ? 1 : 0;
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

    function update() {
      var terms = fold(query.value).split(/\s+/).filter(Boolean);
      // The portal's search (find-search.js) adds the records whose words match once stemmed, in descriptions and
      // learning outcomes too, and ranks them; until it answers, or without it, the words match as typed.
      var ranks = terms.length && window.mcdsFindSearch ? window.mcdsFindSearch.ranks(query.value, update) : null;
      if (sort.value !== foundSort || terms.join(" ") !== foundTerms.join(" ") || ranks !== foundRanks) {
        // When each earlier word is part of a new one (typing on), only the earlier matches can match.
        var narrower = !ranks && !foundRanks && sort.value === foundSort && foundTerms.every(function (old) {
          return terms.some(function (term) { return term.indexOf(old) >= 0; });
        });
        found = (narrower ? found : order(sort.value)).filter(function (r) {
          if (ranks && ranks.has(rows[r][ID])) { return true; }
          for (var t = 0; t < terms.length; t++) { if (folded[r].indexOf(terms[t]) < 0) { return false; } }
          return true;
        });
        if (ranks && sort.value === "relevance") {
          // Ranked matches first, best first; the sort is stable, so the others follow in title order.
          var rank = function (r) { return ranks.has(rows[r][ID]) ? ranks.get(rows[r][ID]) : ranks.size; };
          found.sort(function (a, b) { return rank(a) - rank(b); });
        }
        foundTerms = terms;
        foundSort = sort.value;
        foundRanks = ranks;
      }
      var active = [];
      for (var f = 0; f < facets.length; f++) { if (selected[f].size) { active.push(f); } }
      var counts = new Int32Array(total);
      matches = [];
      for (var i = 0; i < found.length; i++) {
        var r = found[i], at = r * W, failing = -1, failures = 0, k, end;
        for (var a = 0; a < active.length && failures < 2; a++) {
          for (k = first[at + active[a]], end = first[at + active[a] + 1]; k < end && !chosen[codes[k]]; k++) { /* next */ }
          if (k === end) { failing = active[a]; failures++; }
        }
        // A row counts towards a facet's values when it passes every other facet.
        if (failures === 0) {
          matches.push(rows[r]);
          for (k = first[at], end = first[at + W - 1]; k < end; k++) { counts[codes[k]]++; }
        } else if (failures === 1) {
          for (k = first[at + failing], end = first[at + failing + 1]; k < end; k++) { counts[codes[k]]++; }
        }
      }
      facets.forEach(function (facet, f) {
        boxes[f].forEach(function (entry, v) {
          var n = counts[base[f] + v];
          if (n !== shownCounts[base[f] + v]) { entry.number.textContent = "(" + n + ")"; shownCounts[base[f] + v] = n; }
          var hidden = n === 0 && !entry.box.checked;
          if (entry.line.hidden !== hidden) { entry.line.hidden = hidden; }
        });
      });
      count.textContent = matches.length === 1 ? words["results.one"] : words.results.replace("{count}", integer.format(matches.length));
      list.textContent = "";
      render(0);
      rememberSoon();
    }

    function render(from) {
      var items = document.createDocumentFragment();
      matches.slice(from, shown).forEach(function (row) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "../" + index.record.replace("{id}", row[ID]);
        link.textContent = row[TITLE];
        if (row[TITLE_LANG] !== index.lang) { link.lang = row[TITLE_LANG]; }
        var details = document.createElement("p");
        details.className = "mcds-muted";
        var provider = facets[1].values[row[VALUES][1][0]][1];
        details.textContent = provider + " · " +
          words.hours_weeks.replace("{hours}", integer.format(row[HOURS])).replace("{weeks}", row[WEEKS]) + " · " +
          money.format(row[COST]);
        item.appendChild(link);
        item.appendChild(details);
        items.appendChild(item);
      });
      list.appendChild(items);
      more.hidden = matches.length <= shown;
    }

    // Writing the address takes milliseconds: do it once the results are painted and the browser is idle.
    var remembering = false;
    function rememberSoon() {
      if (remembering) { return; }
      remembering = true;
      window.requestAnimationFrame(function () {
        var done = function () { remembering = false; remember(); };
        if (window.requestIdleCallback) { window.requestIdleCallback(done, { timeout: 100 }); } else { window.setTimeout(done); }
      });
    }

    function remember() {
      var next = new URLSearchParams();
      if (query.value) { next.set("text", query.value); }
      if (sort.value !== "title") { next.set("sort", sort.value); }
      facets.forEach(function (facet, f) {
        Array.from(selected[f]).sort().forEach(function (code) { next.append(facet.name, code); });
      });
      var text = next.toString();
      var address = text ? "?" + text : window.location.pathname;
      if (new URL(address, window.location.href).href !== window.location.href) {
        window.history.replaceState(null, "", address);
      }
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

    query.addEventListener("input", function () { shown = PAGE; update(); });
    sort.addEventListener("change", function () { update(); });
    more.addEventListener("click", function () { shown += PAGE; render(shown - PAGE); });
    document.getElementById("mcds-clear").addEventListener("click", function () {
      selected.forEach(function (set) { set.clear(); });
      chosen.fill(0);
      boxes.forEach(function (entries) { entries.forEach(function (entry) { entry.box.checked = false; }); });
      query.value = "";
      shown = PAGE;
      update();
    });
    root.hidden = false;
    update();
  }
}());
