// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  var main = document.getElementById("main");
  var alert = document.querySelector(".flash.error, .field.invalid input, .field.invalid textarea");
  if (alert && alert.focus) { alert.setAttribute("tabindex", "-1"); alert.focus(); }
  else if (main && window.location.hash === "#main") { main.focus(); }
});
