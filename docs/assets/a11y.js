/* a11y.js: gives Material's search dialog an accessible name (the search box's label). */
(function () {
  "use strict";
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.getAttribute("placeholder") || "");
  }
})();
