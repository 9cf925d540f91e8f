// Browser notifications for alerts (Web Push), on /alertes/abonnement. Progressive: without JavaScript or
// without the Push API, the option stays hidden and the form works as it is. With it, choosing the option
// and submitting asks the browser for permission, subscribes with the commune's VAPID key, and sends the
// subscription (endpoint and keys) with the rest of the form, CSRF token included, as an ordinary POST.
(function () {
  'use strict';
  var form = document.getElementById('alerts-subscribe');
  if (!form || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return;
  }
  var options = form.querySelectorAll('.push-option');
  for (var i = 0; i < options.length; i++) {
    options[i].hidden = false;
  }
  var status = document.getElementById('push-status');

  function keyBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  function say(message) {
    status.textContent = message;
    status.hidden = false;
  }

  form.addEventListener('submit', function (event) {
    var chosen = form.querySelector('input[name="channel"]:checked');
    if (!chosen || chosen.value !== 'PUSH' || form.elements.endpoint.value) {
      return;
    }
    event.preventDefault();
    Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') {
        throw new Error('denied');
      }
      return navigator.serviceWorker.register(form.dataset.pushWorker, {scope: form.dataset.pushScope});
    }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return registration.pushManager.getSubscription().then(function (existing) {
        return existing || registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(form.dataset.pushKey)
        });
      });
    }).then(function (subscription) {
      var json = subscription.toJSON();
      form.elements.endpoint.value = json.endpoint;
      form.elements.p256dh.value = json.keys.p256dh;
      form.elements.auth.value = json.keys.auth;
      form.submit();
    }).catch(function (error) {
      say(error && error.message === 'denied' ? form.dataset.pushDenied : form.dataset.pushFailed);
    });
  });
})();
