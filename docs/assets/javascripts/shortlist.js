/* The short list: up to four microcredentials kept in this browser (localStorage; no account, nothing sent to a
   server), chosen beside each result on the Find page and compared side by side on the compare page, whose
   address (?ids=a,b,c) shares the list: opening it restores that list. The compare page reads the records the
   site publishes (data/microcredentials/<id>.json) and the names of the organizations they name. */
(function () {
  "use strict";
  var STORE = "mcds.shortlist";
  var memory = [];

  function read() {
    var ids;
    try { ids = JSON.parse(window.localStorage.getItem(STORE) || "[]"); } catch (error) { ids = memory; }
    return clean(Array.isArray(ids) ? ids : [], Infinity);
  }

  function clean(ids, max) {
    var seen = [];
    ids.forEach(function (id) { if (typeof id === "string" && id && seen.indexOf(id) < 0 && seen.length < max) { seen.push(id); } });
    return seen;
  }

  function write(ids) {
    memory = ids.slice();
    try { window.localStorage.setItem(STORE, JSON.stringify(ids)); } catch (error) { /* kept for this page only */ }
  }

  var find = document.getElementById("mcds-find");
  var compare = document.getElementById("mcds-compare");
  if (find) { onFind(find); }
  if (compare) { onCompare(compare); }

  function onFind(root) {
    var words = JSON.parse(root.getAttribute("data-words"));
    var MAX = 4;
    var link = document.getElementById("mcds-shortlist-link");
    var number = link.querySelector(".mcds-shortlist-count");
    var status = document.getElementById("mcds-shortlist-status");
    var serial = 0;

    function show() {
      var ids = read();
      number.textContent = "(" + words["shortlist.count"].replace("{count}", ids.length).replace("{max}", MAX) + ")";
      link.href = "compare/" + (ids.length ? "?ids=" + ids.map(encodeURIComponent).join(",") : "");
      Array.prototype.forEach.call(document.querySelectorAll("#mcds-result-list .mcds-shortlist-box"), function (box) {
        box.checked = ids.indexOf(box.value) >= 0;
      });
    }

    document.addEventListener("mcds:results", function (event) {
      var ids = read();
      Array.prototype.forEach.call(event.detail.list.querySelectorAll("li[data-id]"), function (item) {
        if (item.querySelector(".mcds-shortlist-box")) { return; }
        var id = item.getAttribute("data-id");
        var title = item.querySelector("a").textContent;
        var box = document.createElement("input");
        box.type = "checkbox";
        box.className = "mcds-shortlist-box";
        box.id = "mcds-sl-" + (serial++);
        box.value = id;
        box.checked = ids.indexOf(id) >= 0;
        var label = document.createElement("label");
        label.htmlFor = box.id;
        label.className = "mcds-shortlist-label";
        label.textContent = words["shortlist.add"];
        var hidden = document.createElement("span");
        hidden.className = "mcds-visually-hidden";
        hidden.textContent = ": " + title;
        label.appendChild(hidden);
        box.addEventListener("change", function () {
          var now = read();
          if (box.checked && now.indexOf(id) < 0) {
            if (now.length >= MAX) {
              box.checked = false;
              status.textContent = words["shortlist.full"].replace("{max}", MAX);
              return;
            }
            now.push(id);
          } else if (!box.checked) {
            now = now.filter(function (other) { return other !== id; });
          }
          status.textContent = "";
          write(now);
          show();
        });
        var line = document.createElement("p");
        line.className = "mcds-shortlist-line";
        line.appendChild(box);
        line.appendChild(label);
        item.appendChild(line);
      });
    });
    window.addEventListener("storage", function (event) { if (event.key === STORE) { show(); } });
    window.addEventListener("pageshow", show);
    show();
  }

  function onCompare(root) {
    var words = JSON.parse(root.getAttribute("data-words"));
    var labels = JSON.parse(root.getAttribute("data-labels"));
    var MAX = parseInt(root.getAttribute("data-max"), 10);
    var lang = document.documentElement.lang || "en";
    var status = document.getElementById("mcds-compare-status");
    var holder = document.getElementById("mcds-compare-table");
    var share = document.getElementById("mcds-share-link");
    var integer = new Intl.NumberFormat(lang);
    var money = new Intl.NumberFormat(lang + "-CA", { style: "currency", currency: "CAD", maximumFractionDigits: 2 });
    var dates = new Intl.DateTimeFormat(lang + "-CA", { dateStyle: "long", timeZone: "UTC" });
    var names = null;

    // A shared link is the list: opening it restores that list in this browser.
    var given = new URLSearchParams(window.location.search).get("ids");
    var ids = given === null ? read().slice(0, MAX) : clean(given.split(","), MAX);
    write(ids);

    function address() {
      var query = ids.length ? "?ids=" + ids.map(encodeURIComponent).join(",") : "";
      window.history.replaceState(window.history.state, "", window.location.pathname + query + window.location.hash);
      share.value = window.location.href;
    }

    function fetchJson(url) {
      return fetch(url).then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
    }

    function load() {
      address();
      holder.textContent = "";
      if (!ids.length) { status.textContent = words["compare.empty"]; return; }
      status.textContent = words["compare.loading"];
      var wanted = names ? Promise.resolve(names) : fetchJson(root.getAttribute("data-names"));
      Promise.all([wanted].concat(ids.map(function (id) {
        return fetchJson(root.getAttribute("data-records") + encodeURIComponent(id) + ".json");
      }))).then(function (answers) {
        names = answers[0] || {};
        draw(answers.slice(1));
      });
    }

    function text(value) {
      // {text, lang}: the text in the page's language, else in the other, marked with its own language.
      if (!value) { return null; }
      var other = lang === "en" ? "fr" : "en";
      if (value[lang]) { return { text: value[lang], lang: lang }; }
      return value[other] ? { text: value[other], lang: other } : null;
    }

    function nameOf(id) {
      var found = names[id];
      return found ? { text: found[0], lang: found[1] } : { text: id, lang: lang };
    }

    function providerOf(record) {
      // A record's identifier starts with its provider's identifier and a dot.
      var best = null;
      Object.keys(names).forEach(function (id) {
        if (record.id.indexOf(id + ".") === 0 && (!best || id.length > best.length)) { best = id; }
      });
      return best ? [nameOf(best)] : (record.awarding_bodies || []).map(nameOf);
    }

    function domesticCost(record) {
      // As the record page counts it: costs for every offering paid by a learner from Canada.
      return (record.cost_items || []).reduce(function (sum, item) {
        var domestic = ["all", "domestic", "in_province"].indexOf(item.residency) >= 0 && !item.applies_to_offering;
        return sum + (domestic ? item.amount : 0);
      }, 0);
    }

    function nextStart(record) {
      var today = new Date().toISOString().slice(0, 10);
      var upcoming = (record.offerings || []).map(function (o) { return o.start_date; })
        .filter(function (date) { return date && date >= today; }).sort();
      return upcoming[0] || null;
    }

    function label(field, code) { return (labels[field] || {})[code] || code; }

    function put(cell, value) {
      // A value is text, a {text, lang} pair, a list of either, or a <time>.
      if (Array.isArray(value)) {
        if (!value.length) { cell.textContent = words["compare.none"]; return; }
        var list = document.createElement("ul");
        value.forEach(function (entry) { var item = document.createElement("li"); put(item, entry); list.appendChild(item); });
        cell.appendChild(list);
      } else if (value && value.nodeType) {
        cell.appendChild(value);
      } else if (value && typeof value === "object") {
        var span = document.createElement("span");
        span.textContent = value.text;
        if (value.lang !== lang) { span.lang = value.lang; }
        cell.appendChild(span);
      } else {
        cell.textContent = value;
      }
    }

    function values(record) {
      var start = nextStart(record), time = null;
      if (start) {
        time = document.createElement("time");
        time.dateTime = start;
        time.textContent = dates.format(new Date(start + "T00:00:00Z"));
      }
      var credit = record.credit_bearing
        ? (record.credit_value ? integer.format(record.credit_value) + " " + label("credit_unit", record.credit_unit || "") : words.yes)
        : words["compare.credit_none"];
      return {
        provider: providerOf(record),
        cost: money.format(domesticCost(record)),
        duration: words["compare.weeks"].replace("{weeks}", integer.format(record.duration_weeks)),
        workload: words["compare.hours"].replace("{hours}", integer.format(record.workload_hours)),
        delivery: (record.delivery_modes || []).map(function (code) { return label("delivery_modes", code); }),
        credit: credit.trim(),
        start: time || words["compare.no_date"],
        funding: (record.funding_eligibilities || []).filter(function (f) { return f.eligibility_status === "eligible"; })
          .map(function (f) { return label("funding_programme", f.funding_programme); }),
        partners: (record.employer_engagements || []).map(function (e) { return nameOf(e.partner); }),
        outcomes: (record.learning_outcomes || []).map(function (o) { return text(o.statement); }).filter(Boolean)
      };
    }

    function draw(records) {
      var shown = [], missing = [];
      records.forEach(function (record, i) { if (record) { shown.push(record); } else { missing.push(ids[i]); } });
      holder.textContent = "";
      missing.forEach(function (id) {
        var note = document.createElement("p");
        note.textContent = words["compare.missing"].replace("{id}", id);
        holder.appendChild(note);
      });
      if (!shown.length) { status.textContent = words["compare.empty"]; return; }
      var region = document.createElement("div");
      region.className = "mcds-scroll";
      region.setAttribute("role", "region");
      region.setAttribute("aria-labelledby", "mcds-compare-caption");
      region.tabIndex = 0;
      var table = document.createElement("table");
      var caption = document.createElement("caption");
      caption.id = "mcds-compare-caption";
      caption.textContent = shown.length === 1 ? words["compare.caption_one"] : words["compare.caption"].replace("{count}", shown.length);
      table.appendChild(caption);
      var head = table.createTHead().insertRow();
      head.appendChild(document.createElement("td"));
      var columns = shown.map(function (record) {
        var th = document.createElement("th");
        th.scope = "col";
        var title = text(record.title) || { text: record.id, lang: lang };
        var a = document.createElement("a");
        a.href = root.getAttribute("data-record").replace("{id}", record.id);
        a.textContent = title.text;
        if (title.lang !== lang) { a.lang = title.lang; }
        th.appendChild(a);
        head.appendChild(th);
        return { record: record, title: title.text, values: values(record) };
      });
      var body = table.createTBody();
      ["provider", "cost", "duration", "workload", "delivery", "credit", "start", "funding", "partners", "outcomes"].forEach(function (key) {
        var row = body.insertRow();
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = words["compare.row." + key];
        row.appendChild(th);
        columns.forEach(function (column) { put(row.insertCell(), column.values[key]); });
      });
      var actions = body.insertRow();
      actions.appendChild(document.createElement("td"));
      columns.forEach(function (column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = words["compare.remove"];
        button.setAttribute("aria-label", words["compare.remove"] + " " + column.title);
        button.addEventListener("click", function () {
          ids = ids.filter(function (id) { return id !== column.record.id; });
          write(ids);
          load();
          status.focus();
        });
        actions.insertCell().appendChild(button);
      });
      region.appendChild(table);
      holder.appendChild(region);
      status.textContent = caption.textContent;
    }

    status.tabIndex = -1;
    document.getElementById("mcds-compare-clear").addEventListener("click", function () {
      ids = [];
      write(ids);
      load();
      status.focus();
    });
    document.getElementById("mcds-share-copy").addEventListener("click", function () {
      var done = function () { status.textContent = words["compare.copied"]; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(share.value).then(done, function () { share.select(); });
      } else {
        share.select();
        if (document.execCommand("copy")) { done(); }
      }
    });
    load();
  }
}());
