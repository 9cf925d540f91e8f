// The public reports' map: draws the features of the page's GeoJSON (the list's filters) on a Leaflet map. The page
// lists the same reports in HTML, so nothing is lost without this script. No tile address (as in tests): markers only.
(function () {
  'use strict';
  var container = document.getElementById('reports-map');
  if (!container || typeof L === 'undefined') {
    return;
  }

  function popup(properties) {
    // built node by node: names are text, never markup
    var box = document.createElement('div');
    var link = document.createElement('a');
    link.href = properties.url;
    link.textContent = properties.title;
    var status = document.createElement('p');
    status.textContent = properties.statusText;
    box.appendChild(link);
    box.appendChild(status);
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
          return L.marker(latlng, { title: feature.properties.title, alt: feature.properties.title });
        },
        onEachFeature: function (feature, marker) {
          marker.bindPopup(popup(feature.properties));
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [24, 24] });
    })
    .catch(function () {
      container.hidden = true;
    });
})();
