// Asks for STATUS every second while a PDF is updating (and every 2 s otherwise, to see a new
// one start); marks the links whose path is listed. Plain DOM, no theme API: it works with
// Material's instant navigation or without.
// (generator/commands/preview_server.py puts it into every page `serve` sends; STATUS is its file's name.)
(function () {
  var mark = "mentorbook-updating";
  function show(updating) {
    document.querySelectorAll("." + mark).forEach(function (e) { e.remove(); });
    document.querySelectorAll('a[href$=".pdf"]').forEach(function (a) {
      var path = decodeURIComponent(new URL(a.href, location.href).pathname).replace(/^\/+/, "");
      if (updating.indexOf(path) < 0) return;
      var note = document.createElement("span");
      note.className = mark;
      note.textContent = " updating\u2026";
      note.style.fontStyle = "italic";
      a.insertAdjacentElement("afterend", note);
    });
    return updating.length > 0;
  }
  function poll() {
    fetch("/STATUS", {cache: "no-store"})
      .then(function (r) { return r.ok ? r.json() : {updating: []}; })
      .then(function (s) { setTimeout(poll, show(s.updating || []) ? 1000 : 2000); })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
