// The public reports' map: draws the features of the page's GeoJSON (the list's filters) on a Leaflet map, then,
// each time the map is moved or zoomed, those of its view (bbox=west,south,east,north): the 500 newest of the part
// shown, not only of the whole commune. The page lists the same reports in HTML, so nothing is lost without this
// script. No tile address (as in tests): markers only.
(function () {
  'use strict';
  var container = document.getElementById('reports-map');
  if (!container || typeof L === 'undefined') {
    return;
  }
  var source = container.dataset.geojson;
  var map = null;
  var layer = null;
  var pending = null;

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

  function withView(bbox) {
    var last = source.charAt(source.length - 1);
    var separator = last === '?' || last === '&' ? '' : source.indexOf('?') < 0 ? '?' : '&';
    return source + separator + 'bbox=' + bbox;
  }

  // the view's box, within the globe (zoomed far out, Leaflet's bounds go beyond it)
  function view() {
    var bounds = map.getBounds();
    function within(value, limit) {
      return Math.max(-limit, Math.min(limit, value));
    }
    return [within(bounds.getWest(), 180), within(bounds.getSouth(), 90), within(bounds.getEast(), 180),
      within(bounds.getNorth(), 90)].join(',');
  }

  // the last request only: a view left before its answer came is not drawn
  function load(url) {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    return fetch(url, { headers: { Accept: 'application/geo+json' }, signal: pending.signal })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('GeoJSON ' + response.status);
        }
        return response.json();
      });
  }

  // markers whose icons could touch are grouped (when the clustering script is there): overlapping markers would hide
  // one another and be too small a target to press; a group shows how many it holds and opens on a press. 80 pixels:
  // a marker is 41 high above its point and a group's mark 20 around its own, so apart they cannot overlap
  function group() {
    if (!L.markerClusterGroup) {
      return L.featureGroup();
    }
    return L.markerClusterGroup({
      maxClusterRadius: 80,
      showCoverageOnHover: false,
      iconCreateFunction: function (cluster) {
        var count = cluster.getChildCount();
        var label = container.dataset.cluster.replace('{0}', String(count));
        var box = document.createElement('span');
        box.textContent = String(count);
        box.setAttribute('aria-hidden', 'true');
        var spoken = document.createElement('span');
        spoken.className = 'visually-hidden';
        spoken.textContent = label;
        var html = document.createElement('div');
        html.appendChild(box);
        html.appendChild(spoken);
        return L.divIcon({ html: html.innerHTML, className: 'map-cluster', iconSize: L.point(40, 40) });
      }
    });
  }

  function draw(collection) {
    if (layer) {
      layer.remove();
    }
    layer = group();
    L.geoJSON(collection, {
      pointToLayer: function (feature, latlng) {
        return L.marker(latlng, { title: feature.properties.title, alt: feature.properties.title });
      },
      onEachFeature: function (feature, marker) {
        marker.bindPopup(popup(feature.properties));
      }
    }).eachLayer(function (marker) {
      layer.addLayer(marker);
    });
    layer.addTo(map);
  }

  load(source)
    .then(function (collection) {
      if (!collection.features.length) {
        return;
      }
      container.hidden = false;
      // a zoom limit of its own: without tiles (as in tests) the map would have none, and grouping needs one
      map = L.map(container, { scrollWheelZoom: false, maxZoom: 19 });
      if (container.dataset.tiles) {
        var attribution = document.createElement('span');
        attribution.textContent = container.dataset.attribution || '';
        L.tileLayer(container.dataset.tiles, { maxZoom: 19, attribution: attribution.innerHTML }).addTo(map);
      }
      // the view first: a group of markers is drawn on a map that has one. The margins keep every mark whole and
      // clear of the zoom buttons (top left) and of the credit (bottom right): a marker rises 41 pixels above its
      // point, a group's mark spreads 20 around it; a mark cut by the edge would be too small a target to press
      var all = L.geoJSON(collection).getBounds();
      var fit = { maxZoom: 16, paddingTopLeft: [60, 60], paddingBottomRight: [30, 40], animate: false };
      map.fitBounds(all, fit);
      draw(collection);
      // until the person moves the map (a drag, a press on it or a key), a new size (a phone turned, a window
      // narrowed) fits the reports again
      var moved = false;
      map.on('dragstart', function () {
        moved = true;
      });
      ['click', 'keydown'].forEach(function (kind) {
        container.addEventListener(kind, function () {
          moved = true;
        });
      });
      map.on('resize', function () {
        if (!moved) {
          map.fitBounds(all, fit);
        }
      });
      map.on('moveend', function () {
        // a view that could not be read keeps the markers already drawn
        load(withView(view())).then(draw).catch(function () {});
      });
    })
    .catch(function () {
      container.hidden = true;
    });
})();
