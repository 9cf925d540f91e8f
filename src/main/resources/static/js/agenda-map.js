// The agenda's map: draws the events of /agenda/carte.geojson on a Leaflet map. The page lists the same
// events in HTML, so nothing is lost without this script. No tile address (as in tests): markers only.
(function () {
  'use strict';
  var container = document.getElementById('agenda-map');
  if (!container || typeof L === 'undefined') {
    return;
  }

  function popup(id, properties) {
    // built node by node: titles are text, never markup
    var box = document.createElement('div');
    var link = document.createElement('a');
    link.href = properties.url;
    link.textContent = properties.title;
    var place = document.createElement('p');
    place.textContent = properties.place;
    // the date as the list under the map writes it: the site's one format, in the page's language
    var when = document.createElement('p');
    var listed = document.querySelector('#evenement-' + id + ' time');
    when.textContent = listed ? listed.textContent : properties.startsAt;
    box.appendChild(link);
    box.appendChild(when);
    box.appendChild(place);
    return box;
  }

  fetch(container.dataset.geojson, { headers: { Accept: 'application/geo+json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('GeoJSON ' + response.status);
      }
      return response.json();
    })
    .then(function (collection) {
      if (!collection.features.length) {
        return;
      }
      container.hidden = false;
      var map = L.map(container, { scrollWheelZoom: false });
      if (container.dataset.tiles) {
        var attribution = document.createElement('span');
        attribution.textContent = container.dataset.attribution || '';
        L.tileLayer(container.dataset.tiles, { maxZoom: 19, attribution: attribution.innerHTML }).addTo(map);
      }
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          // the title names the marker for keyboard and screen reader users
          return L.marker(latlng, { title: feature.properties.title, alt: feature.properties.title });
        },
        onEachFeature: function (feature, marker) {
          marker.bindPopup(popup(feature.id, feature.properties));
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [24, 24] });
    })
    .catch(function () {
      container.hidden = true;
    });
})();
