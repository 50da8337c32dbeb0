// Progressive enhancements only: every page works without this file.
//
//   <form data-confirm="Delete this record?">   asks before submitting (the server still
//                                                 validates; without JavaScript it just submits)
//   <select data-autosubmit>                     submits its form on change (keep a visible
//                                                 submit button for people without JavaScript)
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.hasAttribute && field.hasAttribute("data-autosubmit") && field.form) {
      field.form.requestSubmit();
    }
  });
})();
