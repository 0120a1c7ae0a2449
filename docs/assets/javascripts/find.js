/* The catalogue's Find page: keyword search, facets with counts, sorting, filter state in the address (one
   history entry per change, restored by Back), active filters as removable chips, an empty state that says
   which filter to remove, the filters in a drawer on small screens, results announced to screen readers and a
   CSV download of the filtered results. It loads the catalogue's compact index (index.json beside the page)
   and runs entirely in the browser; the work after loading is cut into short tasks so that the page stays
   responsive while it starts. Facets are generic: each one the index lists becomes a group of checkboxes. */
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

  function later(step) { window.setTimeout(step, 0); }

  // Where the reader was: how many results were shown and how far down the page, kept in the history entry
  // so that Back (from a record, or within Find) comes back to the same place.
  if ("scrollRestoration" in window.history) { window.history.scrollRestoration = "manual"; }

  fetch(root.getAttribute("data-index")).then(function (response) {
    if (!response.ok) { throw new Error(response.statusText); }
    return response.text();
  }).then(function (text) { later(function () { parse(text); }); })
    .catch(function () { /* the browse lists below stay available */ });

  // The index holds one row per line (mcds/portal/find.py): its head is parsed first, then the rows a slice at a
  // time, each slice a short task, so that the page answers while megabytes are read.
  function parse(text) {
    var marker = '"rows":[\n';
    var at = text.indexOf(marker);
    if (at < 0) { start(JSON.parse(text)); return; }
    var index = JSON.parse(text.slice(0, at) + '"rows":[]}');
    var body = text.slice(at + marker.length, text.lastIndexOf("\n]"));
    var lines = body ? body.split(",\n") : [];
    var next = 0;
    (function slice() {
      var end = Math.min(lines.length, next + 1000);
      var part = JSON.parse("[" + lines.slice(next, end).join(",") + "]");
      for (var i = 0; i < part.length; i++) { index.rows.push(part[i]); }
      next = end;
      if (next < lines.length) { later(slice); } else { later(function () { start(index); }); }
    }());
  }

  function start(index) {
    var facets = index.facets;
    var rows = index.rows;
    var folded = null; // the rows' searchable text without accents, made on the first keyword
    var selected = facets.map(function () { return new Set(); });
    // For the filtering loop, every facet value has a number (its position after all earlier facets' values), and
    // row r's values of facet f are codes[first[r * W + f]] up to codes[first[r * W + f + 1]] (excluded).
    var W = facets.length + 1, base = [], total = 0;
    facets.forEach(function (facet, f) { base[f] = total; total += facet.values.length; });
    var first = new Int32Array(rows.length * W), all = [];
    var providerFacet = facets.findIndex(function (facet) { return facet.name === "provider"; });
    var collator = new Intl.Collator(index.lang);
    var orders = {};
    var built = 0;
    (function build() {
      // Rows are numbered in slices, each a short task of its own.
      var end = Math.min(rows.length, built + 2000);
      for (var r = built; r < end; r++) {
        var values = rows[r][VALUES];
        for (var f = 0; f < values.length; f++) {
          first[r * W + f] = all.length;
          for (var v = 0; v < values[f].length; v++) { all.push(base[f] + values[f][v]); }
        }
        first[r * W + W - 1] = all.length;
      }
      built = end;
      if (built < rows.length) { later(build); return; }
      later(sortByTitle);
    }());

    function sortByTitle() {
      // Every row's position in each sort order, computed once (the sorts are stable: ties keep the index's
      // order) so that filtering in that order needs no sort on each update.
      orders.title = rows.map(function (row, r) { return r; }).sort(function (a, b) {
        return collator.compare(rows[a][TITLE], rows[b][TITLE]);
      });
      later(ready);
    }

    function order(key) {
      if (key === "relevance") { return orders.title; } // ranked by update() when there are words
      if (!orders[key]) {
        var column = { cost: COST, weeks: WEEKS, hours: HOURS }[key];
        orders[key] = orders.title.slice().sort(function (a, b) { return rows[a][column] - rows[b][column]; });
      }
      return orders[key];
    }

    var codes, chosen, shownCounts, matches = [], found = [], foundTerms = [], foundSort = null, foundRanks = null;
    var integer = new Intl.NumberFormat(index.lang);
    var money = new Intl.NumberFormat(index.lang + "-CA", { style: "currency", currency: "CAD", maximumFractionDigits: 2 });
    var shown = PAGE;
    var query = document.getElementById("mcds-text");
    var sort = document.getElementById("mcds-sort");
    var list = document.getElementById("mcds-result-list");
    var count = document.getElementById("mcds-count");
    var more = document.getElementById("mcds-more");
    var facetList = document.getElementById("mcds-facet-list");
    var chips = document.getElementById("mcds-chips");
    var empty = document.getElementById("mcds-empty");
    var emptyList = document.getElementById("mcds-empty-list");
    var download = document.getElementById("mcds-download");
    var heading = document.getElementById("mcds-results-heading");
    var drawerShow = document.getElementById("mcds-drawer-show");
    var drawerCount = document.getElementById("mcds-drawer-count");
    var boxes = [], groups = [];
    var sorts = Array.prototype.map.call(sort.options, function (option) { return option.value; });

    /* The keyword search: the rows, in the given order (an array of row numbers), whose text holds every
       typed word, accents and case ignored, and those the portal's search found (`ranks`: identifier -> rank,
       best first, or null), ranked first when sorting by relevance. `previous` is the last answer with its
       words and order, reused when the new words only narrow it (typing on) and no search answer is involved. */
    function matchKeywords(text, orderKey, previous, ranks) {
      var terms = fold(text).split(/\s+/).filter(Boolean);
      if (!terms.length) { return { terms: terms, rows: order(orderKey) }; }
      if (!folded) { folded = rows.map(function (row) { return fold(row[TEXT]); }); }
      var narrower = !ranks && previous && !previous.ranks && previous.sort === orderKey && previous.terms.length &&
        previous.terms.every(function (old) { return terms.some(function (term) { return term.indexOf(old) >= 0; }); });
      var found = (narrower ? previous.rows : order(orderKey)).filter(function (r) {
        if (ranks && ranks.has(rows[r][ID])) { return true; }
        for (var t = 0; t < terms.length; t++) { if (folded[r].indexOf(terms[t]) < 0) { return false; } }
        return true;
      });
      if (ranks && orderKey === "relevance") {
        // Ranked matches first, best first; the sort is stable, so the others follow in title order.
        var rank = function (r) { return ranks.has(rows[r][ID]) ? ranks.get(rows[r][ID]) : ranks.size; };
        found.sort(function (a, b) { return rank(a) - rank(b); });
      }
      return { terms: terms, rows: found };
    }

    // The state written in an address: keywords, sort and the selected codes of each facet. An address may
    // come from an older or larger catalogue: a sort or a code this page does not offer is ignored, rather
    // than kept as a filter that no checkbox shows and that matches nothing.
    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      query.value = params.get("text") || "";
      sort.value = sorts.indexOf(params.get("sort")) >= 0 ? params.get("sort") : "title";
      facets.forEach(function (facet, f) {
        var known = new Set(facet.values.map(function (value) { return value[0]; }));
        selected[f].clear();
        params.getAll(facet.name).forEach(function (code) { if (known.has(code)) { selected[f].add(code); } });
        facet.values.forEach(function (value, v) { chosen[base[f] + v] = selected[f].has(value[0]) ? 1 : 0; });
      });
      var state = window.history.state || {};
      shown = state.mcdsShown > PAGE ? state.mcdsShown : PAGE;
      return state;
    }

    function ready() {
      codes = Int32Array.from(all);
      all = null;
      chosen = new Uint8Array(total); // the selected values, by number
      shownCounts = new Int32Array(total).fill(-1);
      var state = readAddress();
      later(function () {
        buildFacets();
        listen();
        update();
        rememberSoon("replace");
        restoreScroll(state);
      });
    }

    function buildFacets() {
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
          box.addEventListener("change", function () { choose(f, v, box.checked); });
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
        groups[f] = details;
        facetList.appendChild(details);
      });
    }

    function choose(f, v, on) {
      var code = facets[f].values[v][0];
      if (on) { selected[f].add(code); } else { selected[f].delete(code); }
      chosen[base[f] + v] = on ? 1 : 0;
      boxes[f][v].box.checked = on;
      changed();
    }

    // A change of filters, keywords or sort: back to the first page of results, and one new history entry.
    function changed(typing) {
      shown = PAGE;
      update();
      rememberSoon(typing ? "type" : "push");
    }

    function update() {
      var previous = foundSort === null ? null : { terms: foundTerms, rows: found, sort: foundSort, ranks: foundRanks };
      var text = fold(query.value).split(/\s+/).filter(Boolean).join(" ");
      // The portal's search (find-search.js) adds the records whose words match once stemmed, in descriptions and
      // learning outcomes too, and ranks them; until it answers, or without it, the words match as typed.
      var ranks = text && window.mcdsFindSearch ? window.mcdsFindSearch.ranks(query.value, update) : null;
      if (sort.value !== foundSort || text !== foundTerms.join(" ") || ranks !== foundRanks) {
        var answer = matchKeywords(query.value, sort.value, previous, ranks);
        found = answer.rows;
        foundTerms = answer.terms;
        foundSort = sort.value;
        foundRanks = ranks;
      }
      var active = [];
      for (var f = 0; f < facets.length; f++) { if (selected[f].size) { active.push(f); } }
      var counts = new Int32Array(total);
      var without = new Int32Array(facets.length); // results if that facet's filters were removed
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
          without[failing]++;
          for (k = first[at + failing], end = first[at + failing + 1]; k < end; k++) { counts[codes[k]]++; }
        }
      }
      facets.forEach(function (facet, f) {
        var visible = 0;
        boxes[f].forEach(function (entry, v) {
          var n = counts[base[f] + v];
          if (n !== shownCounts[base[f] + v]) { entry.number.textContent = "(" + integer.format(n) + ")"; shownCounts[base[f] + v] = n; }
          var hidden = n === 0 && !entry.box.checked;
          if (entry.line.hidden !== hidden) { entry.line.hidden = hidden; }
          if (!hidden) { visible++; }
        });
        if (groups[f].hidden !== (visible === 0)) { groups[f].hidden = visible === 0; }
      });
      var n = matches.length;
      count.textContent = n === 1 ? words["results.one"] : words.results.replace("{count}", integer.format(n));
      drawerShow.textContent = n === 1 ? words["drawer.show_one"] : words["drawer.show"].replace("{count}", integer.format(n));
      var filters = active.reduce(function (sum, f) { return sum + selected[f].size; }, 0);
      drawerCount.textContent = filters ? "(" + integer.format(filters) + ")" : "";
      download.hidden = n === 0;
      showChips(active);
      showEmpty(active, without);
      list.textContent = "";
      render(0);
    }

    function chip(label, name, remove) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mcds-chip";
      button.textContent = label + ": " + name;
      button.setAttribute("aria-label", words["chip.remove"].replace("{filter}", label + ": " + name));
      var cross = document.createElement("span");
      cross.setAttribute("aria-hidden", "true");
      cross.textContent = " \u00d7";
      button.appendChild(cross);
      button.addEventListener("click", function () {
        // Focus goes to the next chip, or to the results' heading when none is left.
        var position = Array.prototype.indexOf.call(chips.children, item);
        remove();
        var next = chips.children[Math.min(position, chips.children.length - 1)];
        (next && !chips.hidden ? next.querySelector("button") : heading).focus();
      });
      item.appendChild(button);
      return item;
    }

    function showChips(active) {
      chips.textContent = "";
      if (query.value.trim()) {
        chips.appendChild(chip(words["search.label"], query.value.trim(), function () { query.value = ""; changed(); }));
      }
      active.forEach(function (f) {
        facets[f].values.forEach(function (value, v) {
          if (selected[f].has(value[0])) {
            chips.appendChild(chip(facets[f].title, value[1], function () { choose(f, v, false); }));
          }
        });
      });
      chips.hidden = chips.children.length === 0;
    }

    // No result: each filter whose removal would give results, with how many, and a way to start again.
    function showEmpty(active, without) {
      empty.hidden = matches.length > 0;
      emptyList.textContent = "";
      if (matches.length) { return; }
      var options = [];
      if (query.value.trim()) {
        options.push([words["search.label"] + ": " + query.value.trim(), keywordsRemoved(active),
          function () { query.value = ""; changed(); }]);
      }
      active.forEach(function (f) {
        var names = facets[f].values.filter(function (value) { return selected[f].has(value[0]); })
          .map(function (value) { return value[1]; });
        options.push([facets[f].title + ": " + names.join(", "), without[f],
          function () {
            facets[f].values.forEach(function (value, v) { if (selected[f].has(value[0])) { choose(f, v, false); } });
          }]);
      });
      options.forEach(function (option) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "mcds-link-button";
        button.textContent = words["empty.remove"].replace("{filter}", option[0])
          .replace("{count}", option[1] === 1 ? words["results.one"] : words.results.replace("{count}", integer.format(option[1])));
        button.addEventListener("click", function () { option[2](); heading.focus(); });
        item.appendChild(button);
        emptyList.appendChild(item);
      });
    }

    function keywordsRemoved(active) {
      var n = 0;
      var every = order(sort.value);
      for (var i = 0; i < every.length; i++) {
        var at = every[i] * W, ok = true;
        for (var a = 0; a < active.length && ok; a++) {
          var k = first[at + active[a]], end = first[at + active[a] + 1];
          for (; k < end && !chosen[codes[k]]; k++) { /* next */ }
          ok = k < end;
        }
        if (ok) { n++; }
      }
      return n;
    }

    function render(from) {
      var items = document.createDocumentFragment();
      matches.slice(from, shown).forEach(function (row) {
        var item = document.createElement("li");
        item.setAttribute("data-id", row[ID]);
        var link = document.createElement("a");
        link.href = "../" + index.record.replace("{id}", row[ID]);
        link.textContent = row[TITLE];
        if (row[TITLE_LANG] !== index.lang) { link.lang = row[TITLE_LANG]; }
        var details = document.createElement("p");
        details.className = "mcds-muted";
        var provider = providerFacet >= 0 ? facets[providerFacet].values[row[VALUES][providerFacet][0]][1] + " · " : "";
        details.textContent = provider +
          words.hours_weeks.replace("{hours}", integer.format(row[HOURS])).replace("{weeks}", row[WEEKS]) + " · " +
          money.format(row[COST]);
        item.appendChild(link);
        item.appendChild(details);
        items.appendChild(item);
      });
      list.appendChild(items);
      more.hidden = matches.length <= shown;
      // The short list (shortlist.js) adds its buttons to the new results before they are painted.
      document.dispatchEvent(new CustomEvent("mcds:results", { detail: { list: list } }));
    }

    // The address follows every change; writing it takes milliseconds, so it is done once the results are
    // painted and the browser is idle. Each change of filters is a new history entry; typing in the keyword box
    // makes one entry per word typed on, not one per key.
    var pending = null;
    function rememberSoon(kind) {
      if (pending === null) {
        pending = kind;
        window.requestAnimationFrame(function () {
          var done = function () { var how = pending; pending = null; remember(how); };
          if (window.requestIdleCallback) { window.requestIdleCallback(done, { timeout: 100 }); } else { window.setTimeout(done); }
        });
      } else if (kind === "push") {
        pending = "push";
      }
    }

    var lastWrite = null;
    function remember(kind) {
      var next = new URLSearchParams();
      if (query.value) { next.set("text", query.value); }
      if (sort.value !== "title") { next.set("sort", sort.value); }
      facets.forEach(function (facet, f) {
        Array.from(selected[f]).sort().forEach(function (code) { next.append(facet.name, code); });
      });
      var text = next.toString();
      var address = (text ? "?" + text : window.location.pathname) + window.location.hash;
      if (new URL(address, window.location.href).href === window.location.href) { return; }
      var state = { mcdsShown: PAGE, mcdsScroll: 0 };
      if (kind === "replace") {
        window.history.replaceState(Object.assign(state, window.history.state || {}), "", address);
      } else if (kind === "type" && lastWrite === "type") {
        window.history.replaceState(state, "", address);
      } else {
        window.history.pushState(state, "", address);
      }
      lastWrite = kind;
    }

    function keep(values) {
      var state = Object.assign({}, window.history.state || {}, values);
      window.history.replaceState(state, "", window.location.href);
    }

    function restoreScroll(state) {
      if (state.mcdsScroll) { window.scrollTo(0, state.mcdsScroll); }
    }

    function listen() {
      var scrolling = null;
      window.addEventListener("scroll", function () {
        if (scrolling === null) {
          scrolling = window.setTimeout(function () { scrolling = null; keep({ mcdsScroll: window.scrollY }); }, 200);
        }
      }, { passive: true });
      window.addEventListener("pagehide", function () { keep({ mcdsScroll: window.scrollY, mcdsShown: shown }); });
      list.addEventListener("click", function (event) {
        if (event.target.closest("a")) { keep({ mcdsScroll: window.scrollY, mcdsShown: shown }); }
      });
      window.addEventListener("popstate", function () {
        var state = readAddress();
        facets.forEach(function (facet, f) {
          boxes[f].forEach(function (entry) { entry.box.checked = selected[f].has(entry.box.value); });
        });
        lastWrite = null;
        update();
        restoreScroll(state);
      });

      function cell(value) {
        var text = String(value);
        if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
        return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
      }

      function facetNames(name, row) {
        var f = facets.findIndex(function (facet) { return facet.name === name; });
        return f < 0 ? "" : row[VALUES][f].map(function (v) { return facets[f].values[v][1]; }).join("|");
      }

      download.addEventListener("click", function () {
        var lines = [["id", "title", "provider", "provinces", "delivery_modes", "cost_cad", "duration_weeks", "workload_hours", "url"].join(",")];
        matches.forEach(function (row) {
          var url = new URL("../" + index.record.replace("{id}", row[ID]), window.location.href).href;
          lines.push([row[ID], row[TITLE], facetNames("provider", row), facetNames("province", row), facetNames("delivery", row),
            row[COST], row[WEEKS], row[HOURS], url].map(cell).join(","));
        });
        var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "mcds-results.csv";
        document.body.appendChild(link);
        link.click();
        link.remove();
      });

      function clearAll() {
        selected.forEach(function (set) { set.clear(); });
        chosen.fill(0);
        boxes.forEach(function (entries) { entries.forEach(function (entry) { entry.box.checked = false; }); });
        query.value = "";
        changed();
      }

      query.addEventListener("input", function () { changed(true); });
      sort.addEventListener("change", function () { changed(); });
      more.addEventListener("click", function () {
        shown += PAGE;
        render(shown - PAGE);
        keep({ mcdsShown: shown });
        // The first new result takes the focus, so that keyboard and screen-reader users go on from there.
        var next = list.children[shown - PAGE];
        if (next) { next.querySelector("a").focus(); }
      });
      document.getElementById("mcds-clear").addEventListener("click", clearAll);
      document.getElementById("mcds-reset").addEventListener("click", function (event) {
        event.preventDefault();
        clearAll();
        heading.focus();
      });

      // On a small screen the filters are a drawer: a modal dialog over the results, opened by the Filters
      // button, closed by its Close button, Escape, or "Show N results" (which goes to the results).
      var drawer = document.getElementById("mcds-facets");
      var toggle = document.getElementById("mcds-drawer-open");
      var small = window.matchMedia("(max-width: 60em)");
      function focusable() {
        return Array.prototype.filter.call(drawer.querySelectorAll("button, input, summary, select, a[href]"), function (e) {
          return e.offsetParent !== null || e === document.activeElement;
        });
      }
      function openDrawer() {
        root.classList.add("mcds-drawer-open");
        document.documentElement.classList.add("mcds-drawer-lock");
        drawer.setAttribute("role", "dialog");
        drawer.setAttribute("aria-modal", "true");
        toggle.setAttribute("aria-expanded", "true");
        document.getElementById("mcds-drawer-close").focus();
      }
      function closeDrawer(target) {
        if (!root.classList.contains("mcds-drawer-open")) { return; }
        root.classList.remove("mcds-drawer-open");
        document.documentElement.classList.remove("mcds-drawer-lock");
        drawer.setAttribute("role", "group");
        drawer.removeAttribute("aria-modal");
        toggle.setAttribute("aria-expanded", "false");
        if (target) { target.focus(); }
      }
      toggle.addEventListener("click", openDrawer);
      document.getElementById("mcds-drawer-close").addEventListener("click", function () { closeDrawer(toggle); });
      drawerShow.addEventListener("click", function () { closeDrawer(heading); });
      drawer.addEventListener("keydown", function (event) {
        if (!root.classList.contains("mcds-drawer-open")) { return; }
        if (event.key === "Escape") { event.preventDefault(); closeDrawer(toggle); return; }
        if (event.key !== "Tab") { return; }
        var stops = focusable();
        var at = stops.indexOf(document.activeElement);
        if (event.shiftKey && at <= 0) { event.preventDefault(); stops[stops.length - 1].focus(); }
        else if (!event.shiftKey && at === stops.length - 1) { event.preventDefault(); stops[0].focus(); }
      });
      small.addEventListener("change", function () { if (!small.matches) { closeDrawer(null); } });
    }
  }
}());
