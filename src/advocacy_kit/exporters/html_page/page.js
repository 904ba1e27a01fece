/* advocacy-kit calendar page: filters and copy buttons. Runs from file:// without any network. */
(function () {
  "use strict";
  var words = document.getElementById("words").dataset;
  var person = document.getElementById("filter-person");
  var platform = document.getElementById("filter-platform");
  var status = document.getElementById("status");
  var drafts = Array.prototype.slice.call(document.querySelectorAll("article.draft"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody tr[data-person]"));

  function applyFilters() {
    var who = person.value;
    var where = platform.value;
    var shown = 0;
    drafts.forEach(function (draft) {
      var visible = (!who || draft.dataset.person === who) && (!where || draft.dataset.platform === where);
      draft.hidden = !visible;
      if (visible) { shown += 1; }
    });
    rows.forEach(function (row) {
      row.hidden = !row.querySelector("article.draft:not([hidden])");
    });
    status.textContent = status.dataset.template
      .replace("{shown}", String(shown))
      .replace("{total}", status.dataset.total);
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(button) {
    var source = document.getElementById(button.dataset.copy);
    var text = source.textContent;
    var attempt = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); })
      : fallbackCopy(text);
    attempt.then(function () {
      button.textContent = words.copied;
      button.classList.add("done");
      status.textContent = words.copied;
      document.dispatchEvent(new CustomEvent("advocacy-kit:copied", { detail: { id: button.dataset.copy, text: text } }));
      window.setTimeout(function () {
        button.textContent = button.dataset.label;
        button.classList.remove("done");
      }, 2000);
    }, function () {
      status.textContent = words.failed;
    });
  }

  person.addEventListener("change", applyFilters);
  platform.addEventListener("change", applyFilters);
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (button) { copy(button); }
  });
  applyFilters();
}());
