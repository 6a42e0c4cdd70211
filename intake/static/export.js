// Progressive enhancement only: the batch page reloads by hand and the add form takes typed
// text when this file does not run.
(function () {
  "use strict";

  function pollBatch(box) {
    var url = box.getAttribute("data-status-url");
    var bar = document.getElementById("batch-progress");
    var summary = document.getElementById("batch-summary");
    var refresh = box.querySelector(".nojs-refresh");
    if (refresh) { refresh.hidden = true; }
    function update(status) {
      bar.value = status.percent;
      bar.textContent = status.percent + "%";
      summary.textContent = status.finished + " of " + status.total + " documents finished" +
        (status.failed ? ", " + status.failed + " failed" : "") + ".";
      status.jobs.forEach(function (job, i) {
        var row = document.getElementById("job-" + job.job);
        if (!row) { return; }
        row.querySelector(".job-status").textContent = job.status;
        row.querySelector(".job-error").textContent = job.error || "";
        var cell = row.querySelector(".job-link");
        if (job.status === "done" && !cell.querySelector("a")) {
          var a = document.createElement("a");
          a.href = "/exports/" + encodeURIComponent(job.export);
          a.textContent = "Review export " + (i + 1);
          cell.appendChild(a);
        }
      });
      return status.done;
    }
    function tick() {
      fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (status) {
          if (status && !update(status)) { window.setTimeout(tick, 1000); }
        })
        .catch(function () { window.setTimeout(tick, 3000); });
    }
    tick();
  }

  function selectToRedact() {
    var input = document.querySelector("#add-form input[name=phrase]");
    if (!input) { return; }
    // On the document, not each text: the review page replaces its texts after a decision.
    document.addEventListener("mouseup", function (event) {
      if (!event.target.closest || !event.target.closest(".doc-text")) { return; }
      var text = String(window.getSelection() || "").trim();
      if (text.length >= 2 && text.length <= 500) {
        input.value = text;
        input.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("batch");
    if (box) { pollBatch(box); }
    selectToRedact();
  });
}());
