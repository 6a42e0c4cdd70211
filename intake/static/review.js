// The review screen, enhanced: a decision is sent in the background and the page is
// updated where it stands; j/k move between proposals, a/r/u accept, reject or undo.
// Without this file every form still posts and the page comes back to the same proposal
// through its anchor (#p-3).
(function () {
  "use strict";

  var busy = false;
  var current = null;  // the id of the proposal row being reviewed

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#proposals tr.proposal"));
  }

  function announce(doc) {
    var live = document.getElementById("review-live");
    if (!live) { return; }
    var flashes = doc.querySelectorAll(".messages .flash");
    var last = flashes.length ? flashes[flashes.length - 1] : null;
    live.className = "review-status" + (last && !last.classList.contains("info") ? " alert" : "");
    live.textContent = last ? last.textContent : "";
  }

  function mark(id) {
    document.querySelectorAll(".current[data-item]").forEach(function (el) {
      el.classList.remove("current");
    });
    if (!id) { return; }
    document.querySelectorAll('[data-item="' + id + '"]').forEach(function (el) {
      el.classList.add("current");
    });
  }

  function focusRow(row, scroll) {
    if (!row) { return; }
    current = row.id;
    row.focus({preventScroll: true});
    if (scroll) { row.scrollIntoView({block: "nearest"}); }
    mark(current);
  }

  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var at = all.findIndex(function (r) { return r.id === current; });
    var next = at < 0 ? 0 : Math.min(Math.max(at + step, 0), all.length - 1);
    focusRow(all[next], true);
  }

  function replace(doc, id) {
    var old = document.getElementById(id);
    var fresh = doc.getElementById(id);
    if (old && fresh) { old.replaceWith(fresh); }
  }

  function updatePages(doc) {
    var pages = document.getElementById("pages");
    var fresh = doc.getElementById("pages");
    if (!pages || !fresh) { return; }
    var boxes = pages.querySelectorAll("rect.box");
    var newBoxes = fresh.querySelectorAll("rect.box");
    if (boxes.length !== newBoxes.length) { pages.replaceWith(fresh); return; }
    boxes.forEach(function (box, i) {  // the page images stay; only the verdicts change
      box.setAttribute("class", newBoxes[i].getAttribute("class"));
      box.replaceChildren(newBoxes[i].firstChild ? newBoxes[i].firstChild.cloneNode(true) : "");
    });
    var imgs = pages.querySelectorAll("img.page-img");
    var newImgs = fresh.querySelectorAll("img.page-img");
    imgs.forEach(function (img, i) {
      var src = newImgs[i] && newImgs[i].getAttribute("src");
      if (src && img.getAttribute("src") !== src) { img.setAttribute("src", src); }
    });
  }

  function apply(doc, id, top, advance) {
    ["review-summary", "texts", "proposals", "added-section"].forEach(function (region) {
      replace(doc, region);
    });
    updatePages(doc);
    announce(doc);
    var row = id && document.getElementById(id);
    if (row) {  // keep the row where it was on the screen
      window.scrollBy(0, row.getBoundingClientRect().top - top);
      var all = rows();
      var next = advance ? all[all.indexOf(row) + 1] : null;
      focusRow(next || row, Boolean(next));
    }
  }

  function send(form, advance) {
    if (busy) { return; }
    busy = true;
    var row = form.closest("tr");
    var id = row ? row.id : null;
    var top = row ? row.getBoundingClientRect().top : 0;
    fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin"})
      .then(function (resp) {
        // Signed out meanwhile, or refused: let the plain form show what the server says.
        if (!resp.ok || new URL(resp.url).pathname !== window.location.pathname) {
          throw new Error("not the review page");
        }
        return resp.text();
      })
      .then(function (html) {
        apply(new DOMParser().parseFromString(html, "text/html"), id, top, advance);
        busy = false;
      })
      .catch(function () { form.submit(); });
  }

  function decide(kind) {
    var row = current && document.getElementById(current);
    if (!row) { return; }
    var button = row.querySelector("form.decision button." + kind);
    var live = document.getElementById("review-live");
    if (button) {
      send(button.form, kind !== "restore");
    } else if (live) {
      live.className = "review-status";
      live.textContent = "#" + row.id.slice(2) + " is already " +
        (row.getAttribute("data-state") || "decided") + ".";
    }
  }

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.getElementById("proposals") || !window.fetch) { return; }
    var hash = window.location.hash.slice(1);
    if (/^p-\d+$/.test(hash)) { focusRow(document.getElementById(hash), false); }

    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.classList || !form.classList.contains("decision")) { return; }
      event.preventDefault();
      send(form, false);
    });
    document.addEventListener("focusin", function (event) {
      var row = event.target.closest && event.target.closest("#proposals tr.proposal");
      if (row && row.id !== current) { current = row.id; mark(current); }
    });
    document.addEventListener("click", function (event) {
      var box = event.target.closest && event.target.closest("rect.box[data-item]");
      var row = box && document.getElementById(box.getAttribute("data-item"));
      if (row) { focusRow(row, true); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
      var actions = {j: function () { move(1); }, k: function () { move(-1); },
                     a: function () { decide("accept"); }, r: function () { decide("reject"); },
                     u: function () { decide("restore"); }};
      var action = actions[event.key];
      if (!action) { return; }
      event.preventDefault();
      action();
    });
  });
}());
