// The service worker of the alerts' browser notifications: shows each alert pushed by the town hall
// (title, start of the message) and opens the alert's page when the notification is chosen.
'use strict';

self.addEventListener('push', function (event) {
  var alert = {};
  try {
    alert = event.data ? event.data.json() : {};
  } catch (e) {
    alert = {title: event.data ? event.data.text() : ''};
  }
  event.waitUntil(self.registration.showNotification(alert.title || 'Alerte', {
    body: alert.body || '',
    tag: alert.tag,
    renotify: Boolean(alert.tag),
    requireInteraction: alert.severity === 'DANGER',
    data: {url: alert.url || '/alertes'}
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = event.notification.data && event.notification.data.url;
  // only pages of this site are opened
  var target = new URL(url || '/alertes', self.location.origin);
  if (target.origin !== self.location.origin) {
    target = new URL('/alertes', self.location.origin);
  }
  event.waitUntil(self.clients.openWindow(target.href));
});
