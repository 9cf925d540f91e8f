// The map picker of forms (templates/fragments/map.html): a Leaflet map beside typed coordinates. The fields stay
// the way to answer (without JavaScript, from a keyboard, with a screen reader); a click on the map or a drag of the
// marker fills them, typing in them moves the marker, and the radius field, if any, draws its circle.
(function () {
  'use strict';
  if (typeof L === 'undefined') {
    return;
  }

  // as the server reads them (org.beffroi.platform.Degrees): a decimal comma or a point
  function parse(text) {
    var typed = String(text || '').trim().replace('\u2212', '-');
    return /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(typed) ? Number(typed.replace(',', '.')) : NaN;
  }

  // six decimals: ten centimetres, with a point as the server writes them back
  function write(degrees) {
    return String(Math.round(degrees * 1e6) / 1e6);
  }

  function picker(box) {
    var container = box.querySelector('.map');
    var form = box.closest('form') || document;
    var latitude = document.getElementById(container.dataset.latitude);
    var longitude = document.getElementById(container.dataset.longitude);
    var radius = container.dataset.radius ? document.getElementById(container.dataset.radius) : null;
    // a page with several pickers loads this script once per picker: each box is drawn once
    if (!latitude || !longitude || box.dataset.drawn) {
      return;
    }
    box.dataset.drawn = 'true';
    box.hidden = false;
    var map = L.map(container, { scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({ zoomInTitle: container.dataset.zoomIn, zoomOutTitle: container.dataset.zoomOut }).addTo(map);
    if (container.dataset.tiles) {
      var attribution = document.createElement('span');
      attribution.textContent = container.dataset.attribution || '';
      L.tileLayer(container.dataset.tiles, { maxZoom: 19, attribution: attribution.innerHTML }).addTo(map);
    }
    var marker = null;
    var circle = null;

    function typedPoint() {
      var lat = parse(latitude.value);
      var lon = parse(longitude.value);
      return isFinite(lat) && isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? L.latLng(lat, lon) : null;
    }

    function metres() {
      var value = radius ? parse(radius.value) : NaN;
      return isFinite(value) && value > 0 ? value : null;
    }

    function draw(point) {
      if (!point) {
        if (marker) {
          marker.remove();
          marker = null;
        }
      } else if (marker) {
        marker.setLatLng(point);
      } else {
        marker = L.marker(point, { draggable: true, title: container.dataset.marker, alt: container.dataset.marker })
          .addTo(map);
        marker.on('dragend', function () {
          pick(marker.getLatLng());
        });
      }
      var around = point ? metres() : null;
      if (!around) {
        if (circle) {
          circle.remove();
          circle = null;
        }
      } else if (circle) {
        circle.setLatLng(point).setRadius(around);
      } else {
        circle = L.circle(point, { radius: around, interactive: false }).addTo(map);
      }
    }

    function pick(point) {
      latitude.value = write(point.lat);
      longitude.value = write(point.lng);
      var choice = container.dataset.choose ? form.querySelector(container.dataset.choose) : null;
      if (choice && !choice.checked) {
        choice.checked = true;
        choice.dispatchEvent(new Event('change', { bubbles: true }));
      }
      latitude.dispatchEvent(new Event('change', { bubbles: true }));
      longitude.dispatchEvent(new Event('change', { bubbles: true }));
      draw(point);
    }

    map.on('click', function (event) {
      pick(event.latlng.wrap());
    });
    [latitude, longitude, radius].forEach(function (field) {
      if (field) {
        field.addEventListener('input', function () {
          var point = typedPoint();
          draw(point);
          if (point && !map.getBounds().contains(point)) {
            map.panTo(point);
          }
        });
      }
    });

    var start = typedPoint();
    var centre = container.dataset.centre.split(',').map(Number);
    map.setView(start || L.latLng(centre[0], centre[1]), 14);
    draw(start);
    if (circle) {
      map.fitBounds(circle.getBounds(), { maxZoom: 16, padding: [16, 16] });
    }
  }

  document.querySelectorAll('.map-picker').forEach(picker);
})();
