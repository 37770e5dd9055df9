// The program editor, progressively: with errors, focus goes to the first field in error (or to the
// list of errors above the form), so a keyboard or screen-reader user lands where to correct. The
// form works without this script.
(function () {
  "use strict";
  function start() {
    var invalid = document.querySelector('#program-form [aria-invalid="true"]');
    var top = document.getElementById("form-errors");
    if (top) {
      top.focus();
    } else if (invalid) {
      invalid.focus();
    } else if (document.getElementById("preview")) {
      document.getElementById("preview-title").scrollIntoView();
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
