/* top.js: keeps Material's back-to-top button (in the bottom corner: statement.css) off what a
   reader may want to press. While a link, a button, a field or a summary lies under it, the
   button steps aside (hidden, class stmt-top-aside) until the reader scrolls on; tips, the sheet
   and the sentence-link offer are drawn above it and need nothing. <html data-stmt-top> says
   what the last look found: hidden (by Material), moving, shown or aside (tests wait for it). */
(function () {
  "use strict";

  var button = document.querySelector(".md-top");
  if (!button) return;
  var CONTROLS = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";

  /* Whether a control lies under the button (round): at points 5 px apart over it, the elements
     drawn below it (elementsFromPoint lists them from the top down). No link or button is
     smaller than that. */
  function covers() {
    var box = button.getBoundingClientRect();
    if (!box.width) return false;
    var cx = box.left + box.width / 2, cy = box.top + box.height / 2, r = box.width / 2 - 1;
    for (var i = 0; i <= 8; i++) {
      for (var j = 0; j <= 8; j++) {
        var x = box.left + 1 + (box.width - 2) * i / 8, y = box.top + 1 + (box.height - 2) * j / 8;
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > r * r) continue;  // outside the circle
        var stack = document.elementsFromPoint(x, y);
        var at = stack.findIndex(function (el) { return el === button || button.contains(el); });
        if (at < 0) continue;  // something is drawn above the button there
        for (var k = at + 1; k < stack.length; k++) {
          if (!button.contains(stack[k]) && stack[k].closest(CONTROLS)) return true;
        }
      }
    }
    return false;
  }

  function check() {
    pending = 0;
    button.classList.remove("stmt-top-aside");  // (to find it where it is drawn)
    var aside = !button.hidden && covers();
    button.classList.toggle("stmt-top-aside", aside);
    // Still sliding in (Material's transition): looked at again when it has ended, or was
    // cancelled (a transition cut short fires no transitionend).
    var animations = button.getAnimations();
    if (animations.length) {
      Promise.all(animations.map(function (a) { return a.finished; })).then(later, later);
    }
    document.documentElement.dataset.stmtTop = button.hidden ? "hidden" : animations.length ? "moving" : aside ? "aside" : "shown";
  }

  var pending = 0;
  function later() {
    if (!pending) pending = window.requestAnimationFrame(check);
  }
  // Material shows and hides it with `hidden`; what lies under it changes as the page scrolls,
  // the window changes, or a panel opens.
  new MutationObserver(later).observe(button, { attributes: true, attributeFilter: ["hidden"] });
  ["scroll", "resize"].forEach(function (type) { window.addEventListener(type, later, { passive: true }); });
  ["click", "toggle", "transitionend", "transitioncancel"].forEach(function (type) {
    document.addEventListener(type, later, true);
  });
  later();
})();
