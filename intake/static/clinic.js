// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  var main = document.getElementById("main");
  var alert = document.querySelector(".flash.error, .field.invalid input, .field.invalid textarea");
  if (alert && alert.focus) { alert.setAttribute("tabindex", "-1"); alert.focus(); }
  else if (main && window.location.hash === "#main") { main.focus(); }
});

// The idle timeout: typing counts as being here (the server only sees requests), and two
// minutes before the end a warning offers to stay signed in.
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var body = document.body;
    var idle = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
    var url = body.getAttribute("data-keepalive-url");
    var banner = document.getElementById("idle-warning");
    if (!idle || !url || !banner || !window.fetch) { return; }
    var warnAfter = Math.max(idle - 120, idle / 2) * 1000;
    var lastSent = Date.now();
    var timer = null;

    function arm() {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(warn, warnAfter);
    }
    function warn() {
      banner.hidden = false;
      document.getElementById("idle-stay").focus();
    }
    function stay() {
      lastSent = Date.now();
      return fetch(url, {method: "POST", credentials: "same-origin",
                         headers: {"X-CSRFToken": body.getAttribute("data-csrf")}})
        .then(function (resp) {
          if (resp.ok) { banner.hidden = true; arm(); }
          else { window.location.reload(); }  // already signed out: the sign-in page says so
        });
    }
    document.getElementById("idle-stay").addEventListener("click", stay);
    document.addEventListener("input", function () {
      if (Date.now() - lastSent > 60000) { stay(); }
    });
    window.clinicIdleWarn = warn;  // lets a test show the warning without waiting
    arm();
  });
})();

// A table wider than its box scrolls inside it: the box must then be reachable by keyboard.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".table-wrap:not([tabindex])").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth) { box.setAttribute("tabindex", "0"); }
  });
});
