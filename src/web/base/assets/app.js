// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // The e-mail link carries the manage token in the fragment, which browsers never send. Remove it from the
  // address bar (and history) at once, then exchange it by POST for a cookie scoped to this booking.
  function exchangeManageToken() {
    var match = /^#token=([A-Za-z0-9_-]{20,200})$/.exec(window.location.hash);
    if (!match) return;
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    var form = document.getElementById('manage-code-form');
    if (!form) return;
    form.elements.namedItem('code').value = match[1];
    form.submit();
  }

  // A double click on a submit button sends the form once (the server books once anyway: Idempotency-Key).
  function submitOnce() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if (form.getAttribute('data-submitted') === 'true') {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-submitted', 'true');
      window.setTimeout(function () {
        form.removeAttribute('data-submitted');
      }, 10000);
    });
  }

  // Errors and "taken" notices get the focus, so a screen reader reads them first.
  function focusAlert() {
    var alert = document.getElementById('error-summary') || document.getElementById('taken-alert');
    if (alert) alert.focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    exchangeManageToken();
    if (window.DKFDS) window.DKFDS.init();
    submitOnce();
    focusAlert();
  });
})();
