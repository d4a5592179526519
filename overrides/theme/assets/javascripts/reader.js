// Each reader's own questions first. A door on the home page says who is reading (a mentee or
// a mentor); on a session page every set of tabs then opens on that reader's first tab. A tab
// the reader picks that belongs to a role becomes their choice. The choice stays in this
// browser (localStorage, also from file://); nothing is fetched.
(function () {
  "use strict";
  var KEY = "mentorbook.reader";

  function store(role) {
    try { window.localStorage.setItem(KEY, role); } catch (error) { /* storage off: tabs as they are */ }
  }

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }

  function roleOf(block) {
    var mark = block && block.querySelector("[class*='mb-role-']");
    var found = mark && /(?:^|\s)mb-role-([a-z]+)/.exec(mark.className);
    return found ? found[1] : null;
  }

  function tabs(set) {
    var inputs = [], blocks = [];
    Array.prototype.forEach.call(set.children, function (child) {
      if (child.tagName === "INPUT") { inputs.push(child); }
      if (child.classList.contains("tabbed-content")) {
        Array.prototype.forEach.call(child.children, function (block) { blocks.push(block); });
      }
    });
    return { inputs: inputs, blocks: blocks };
  }

  function open() {
    var role = stored();
    if (!role) { return; }
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      var found = tabs(set);
      for (var n = 0; n < found.blocks.length && n < found.inputs.length; n += 1) {
        if (roleOf(found.blocks[n]) === role) { found.inputs[n].checked = true; return; }
      }
    });
  }

  document.addEventListener("click", function (event) {
    var door = event.target.closest ? event.target.closest("[data-mb-reader]") : null;
    if (door) { store(door.getAttribute("data-mb-reader")); }
  }, true);

  document.addEventListener("change", function (event) {
    var input = event.target, set = input.parentElement;
    if (!set || !set.classList.contains("tabbed-set") || !event.isTrusted) { return; }
    var found = tabs(set), role = roleOf(found.blocks[found.inputs.indexOf(input)]);
    if (role) { store(role); }
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(open);  // Material's page-loaded signal (also after instant navigation)
  } else {
    document.addEventListener("DOMContentLoaded", open);
  }
}());
