/* The portal's search page: microcredentials, providers and the documentation in one list, ranked by relevance,
   with English or French stemming, from the Pagefind index of the page's language (pagefind/ under the
   language's root, written by `mcds build`). The query lives in the address (?q=), so the header's plain form
   and a shared link both land here with their results; the count is announced to screen readers. */
const root = document.getElementById("mcds-search");
if (root) {
  const words = JSON.parse(root.dataset.words);
  const base = new URL(root.dataset.root, document.baseURI);
  const lang = document.documentElement.lang;
  const field = document.getElementById("mcds-search-q");
  const status = document.getElementById("mcds-search-status");
  const list = document.getElementById("mcds-search-results");
  const more = document.getElementById("mcds-search-more");
  const PAGE = 20;
  let engine = null;
  let latest = 0;
  let results = [];
  let shown = 0;
  let waiting = null;

  const load = () => {
    engine = engine || import(new URL("pagefind/pagefind.js", base).href).then(async (pagefind) => {
      await pagefind.options({ excerptLength: 24 });
      return pagefind;
    });
    return engine;
  };

  // An excerpt is HTML with <mark> around the words found: only its text and those marks are kept, read through
  // an inert document, so that no markup of a provider's text can reach the page.
  const excerpt = (html) => {
    const holder = document.createElement("p");
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
    parsed.childNodes.forEach((node) => {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        holder.appendChild(mark);
      } else {
        holder.appendChild(document.createTextNode(node.textContent));
      }
    });
    return holder;
  };

  const item = (data) => {
    const entry = document.createElement("li");
    const link = document.createElement("a");
    link.href = new URL(data.url.replace(/^\//, ""), base).href;
    link.textContent = data.meta.title || data.url;
    if (data.meta.lang && data.meta.lang !== lang) { link.lang = data.meta.lang; }
    const kind = document.createElement("p");
    kind.className = "mcds-muted mcds-search-kind";
    kind.textContent = [data.meta.kind, data.meta.provider].filter(Boolean).join(" · ");
    const text = excerpt(data.excerpt || "");
    text.className = "mcds-search-excerpt";
    entry.append(link, kind, text);
    return entry;
  };

  const showMore = async (ticket) => {
    const next = results.slice(shown, shown + PAGE);
    const found = await Promise.all(next.map((result) => result.data()));
    if (ticket !== latest) { return; }
    list.append(...found.map(item));
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const say = (query) => {
    if (!results.length) { return words["search.none"].replace("{query}", query); }
    const text = results.length === 1 ? words["search.count.one"] : words["search.count"];
    return text.replace("{count}", new Intl.NumberFormat(lang).format(results.length)).replace("{query}", query);
  };

  const run = async () => {
    const query = field.value.trim();
    const ticket = ++latest;
    const address = query ? `?q=${encodeURIComponent(query)}` : window.location.pathname;
    if (new URL(address, window.location.href).href !== window.location.href) {
      window.history.replaceState(null, "", address);
    }
    list.textContent = "";
    more.hidden = true;
    results = [];
    shown = 0;
    if (!query) { status.textContent = ""; return; }
    status.textContent = words["search.loading"];
    try {
      const search = await (await load()).search(query);
      if (ticket !== latest) { return; }
      results = search.results;
      await showMore(ticket);
      if (ticket === latest) { status.textContent = say(query); }
    } catch (error) {
      if (ticket === latest) { status.textContent = words["search.failed"]; }
    }
  };

  field.form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  field.addEventListener("input", () => {
    window.clearTimeout(waiting);
    waiting = window.setTimeout(run, 200);
  });
  more.addEventListener("click", () => { showMore(latest); });
  field.value = new URLSearchParams(window.location.search).get("q") || "";
  run();
}
