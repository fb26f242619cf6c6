/* permalink.js: shows each paragraph's "copy link" button and copies the paragraph's URL. */
(function () {
  "use strict";

  function paragraphUrl(anchor) {
    var url = new URL(window.location.href);
    url.hash = anchor;
    return url.toString();
  }

  function copy(button) {
    var text = paragraphUrl(button.dataset.anchor);
    var done = function () {
      var label = button.textContent;
      button.textContent = button.dataset.copied;
      window.setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt("", text); });
    } else {
      window.prompt("", text);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.stmt-copy");
    if (button) {
      copy(button);
    }
  });

  document.querySelectorAll("button.stmt-copy").forEach(function (button) {
    button.hidden = false;
  });
})();
