// Copy buttons: <button type="button" class="copy" data-copy="TEXT" data-done="Copied">.
// A static file, so the console's CSP (script-src 'self') allows it; nothing inline.
"use strict";
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.copy[data-copy]");
  if (!button) return;
  var text = button.getAttribute("data-copy");
  var done = function () {
    button.textContent = button.getAttribute("data-done") || "OK";
    button.classList.add("copied");
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done);
    return;
  }
  // plain HTTP on a LAN: the older way
  var area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "absolute";
  area.style.left = "-9999px";
  document.body.appendChild(area);
  area.select();
  if (document.execCommand("copy")) done();
  document.body.removeChild(area);
});
