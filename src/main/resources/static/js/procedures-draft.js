// A procedure's filling page (templates/procedures/public/fill.html). Progressive: without JavaScript, the page
// saves its answers when the resident moves to another page and shows conditional fields when it is drawn again.
// With it: (1) the page's fields are sent about a second after the resident stops typing to the autosave address
// (data-autosave), with the form's CSRF token; (2) a field whose condition (data-show-field, data-show-equals)
// holds appears at once. When the session has expired (401, or 403 for a refused token), a polite message says the
// answers are kept and asks to sign in again.
(function () {
  'use strict';
  var form = document.getElementById('procedure-form');
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var status = document.getElementById('procedure-autosave');
  var address = form.getAttribute('data-autosave');
  var timer = null;
  var expired = false;

  function say(message, warning) {
    status.textContent = message;
    status.className = warning ? 'notice notice-warning' : 'meta';
  }

  function fields() {
    var params = new URLSearchParams();
    for (var i = 0; i < form.elements.length; i++) {
      var element = form.elements[i];
      if (!element.name || element.disabled || element.type === 'file' || element.type === 'submit'
          || element.type === 'button') {
        continue;
      }
      if ((element.type === 'checkbox' || element.type === 'radio') && !element.checked) {
        continue;
      }
      params.append(element.name, element.value);
    }
    return params;
  }

  function save() {
    timer = null;
    var params = fields();
    var token = form.elements._csrf ? form.elements._csrf.value : '';
    fetch(address, {
      method: 'POST', credentials: 'same-origin', redirect: 'manual',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-TOKEN': token},
      body: params.toString()
    }).then(function (answer) {
      if (answer.status === 204) {
        if (expired) {
          return;
        }
        say(status.getAttribute('data-saved'), false);
      } else if (answer.status === 401 || answer.status === 403 || answer.type === 'opaqueredirect') {
        expired = true;
        say(status.getAttribute('data-expired'), true);
      }
    }).catch(function () { /* offline: the next change or page saves it */ });
  }

  function later() {
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(save, 1000);
  }

  function value(name) {
    var chosen = [];
    var elements = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      if ((element.type === 'checkbox' || element.type === 'radio') ? element.checked : element.value) {
        chosen.push(element.value);
      }
    }
    return chosen;
  }

  function conditions() {
    var conditional = form.querySelectorAll('[data-show-field]');
    for (var i = 0; i < conditional.length; i++) {
      var field = conditional[i];
      var source = field.getAttribute('data-show-field');
      if (!form.querySelector('[name="' + source + '"]')) {
        continue; // a field of another page: the server decides
      }
      var expected = field.getAttribute('data-show-equals');
      var values = value(source);
      field.hidden = expected ? values.indexOf(expected) < 0 : values.length === 0;
    }
  }

  form.addEventListener('input', later);
  form.addEventListener('change', function () {
    conditions();
    later();
  });
})();
