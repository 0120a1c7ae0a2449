// The page "Validate your file": the form posts to the portal's validation service and works without this
// script (the service answers with the report as a page). With it, the report is shown in this page, and a
// copy of the portal on a static host, where /api/health does not answer, says so and points to the local check.
(function () {
  "use strict";
  var form = document.getElementById("mcds-validate");
  if (!form) return;
  var status = document.getElementById("mcds-validate-status");
  var region = document.getElementById("mcds-validate-report");
  var button = form.querySelector("button[type=submit]");
  var annotate = document.getElementById("mcds-validate-annotate");

  function say(text, isError) {
    status.setAttribute("role", isError ? "alert" : "status");
    status.classList.toggle("mcds-validate-error", !!isError);
    status.textContent = text;
  }

  function offline() {
    form.querySelectorAll("input, select, button").forEach(function (control) { control.disabled = true; });
    say(form.dataset.offline, true);
  }

  fetch(form.getAttribute("action").replace(/validate$/, "health"), {cache: "no-store"})
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (health) {
      if (!health || health.status !== "ok") { offline(); return; }
      var megabytes = Math.floor(health.max_bytes / 1000000);
      document.querySelectorAll("[data-mcds-limit]").forEach(function (span) { span.textContent = megabytes; });
    })
    .catch(offline);

  // The report's own title is left out: the page's h1 says what it is; each file's verdict is an h2.
  function withoutTitle(node) {
    var title = node.querySelector("h1");
    if (title) title.remove();
    return node;
  }

  function show(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var main = page.querySelector("main") || page.body;
    region.replaceChildren();
    Array.prototype.forEach.call(withoutTitle(main).childNodes, function (child) {
      region.appendChild(document.importNode(child, true));
    });
    region.querySelectorAll("table").forEach(function (table) {
      var scroll = document.createElement("div");
      scroll.className = "mcds-scroll";
      scroll.tabIndex = 0;
      var caption = table.querySelector("caption");
      scroll.setAttribute("role", "region");
      if (caption) scroll.setAttribute("aria-label", caption.textContent);
      table.replaceWith(scroll);
      scroll.appendChild(table);
    });
    region.hidden = false;
    var first = region.querySelector("h2");
    var problem = region.querySelector("[role=alert]");
    if (problem) {
      problem.removeAttribute("role");  // announced once, by the status line
      say(problem.textContent, true);
    } else if (first) {
      say(first.textContent.replace(/\s+/g, " ").trim() + " " + form.dataset.done, false);
    } else {
      say(form.dataset.failed, true);
    }
    region.focus();
  }

  form.addEventListener("submit", function (event) {
    // The annotated workbook is a download: the browser handles the plain form post best.
    if (annotate && annotate.checked) return;
    event.preventDefault();
    var data = new FormData(form);
    data.set("format", "html");
    button.disabled = true;
    region.hidden = true;
    say(form.dataset.checking, false);
    fetch(form.getAttribute("action"), {method: "POST", body: data})
      .then(function (response) {
        return response.text().then(function (text) {
          var type = response.headers.get("content-type") || "";
          if (type.indexOf("text/html") !== 0) throw new Error(String(response.status));
          show(text);
        });
      })
      .catch(function () { say(form.dataset.failed, true); })
      .finally(function () { button.disabled = false; });
  });
})();
