// The report form's questions (templates/reports/new.html). Without JavaScript every category's questions show, each
// set under its category's name, and the server reads only the chosen category's; with it, only those show.
(function () {
  'use strict';
  var select = document.getElementById('categoryId');
  var sets = document.querySelectorAll('fieldset[data-category]');
  if (!select || sets.length === 0) {
    return;
  }
  function show() {
    for (var i = 0; i < sets.length; i++) {
      sets[i].hidden = sets[i].getAttribute('data-category') !== select.value;
    }
  }
  select.addEventListener('change', show);
  show();
}());
