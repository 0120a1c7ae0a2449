/* The Find page's keywords through the portal's search (Pagefind, see search.js): words match once stemmed in
   English or French, in titles, descriptions and learning outcomes too, and the matches come ranked by relevance.
   find.js asks window.mcdsFindSearch.ranks(text, done) for each query: a Map of the matching records' identifiers
   to their rank (0 is the best), or null while the answer is on its way (each done() is called when it arrives) and
   when the search cannot load (then find.js matches the words as typed, as it always does too). Find's facets
   are applied to the result by find.js, so a search and the filters intersect. */
(function () {
  "use strict";
  if (!document.getElementById("mcds-find")) { return; }
  var base = new URL("../", document.baseURI); // the Find page sits one folder below its language's root
  var KEEP = 20; // answers kept, for going back through what was typed
  var engine = null;
  var ids = null;
  var answers = new Map();
  var pending = new Map(); // query -> who waits for its answer
  var failed = false;

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", base).href),
        fetch(new URL("search/records.json", base).href).then(function (response) {
          if (!response.ok) { throw new Error(response.statusText); }
          return response.json();
        })
      ]).then(function (both) { ids = both[1]; return both[0]; });
    }
    return engine;
  }

  window.mcdsFindSearch = {
    ranks: function (text, done) {
      var query = text.trim();
      if (!query || failed) { return null; }
      if (answers.has(query)) { return answers.get(query); }
      if (pending.has(query)) {
        pending.get(query).push(done);
        return null;
      }
      pending.set(query, [done]);
      load().then(function (pagefind) { return pagefind.search(query); }).then(function (search) {
        var ranks = new Map();
        search.results.forEach(function (result) {
          var id = ids[result.id];
          if (id !== undefined && !ranks.has(id)) { ranks.set(id, ranks.size); }
        });
        if (answers.size >= KEEP) { answers.delete(answers.keys().next().value); }
        answers.set(query, ranks);
      }).catch(function () { failed = true; }).then(function () {
        var waiting = pending.get(query);
        pending.delete(query);
        waiting.forEach(function (callback) { callback(); });
      });
      return null;
    }
  };
}());
