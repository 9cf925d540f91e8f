// The map picker of forms (templates/fragments/map.html): a Leaflet map beside typed coordinates. The fields stay
// the way to answer (without JavaScript, from a keyboard, with a screen reader); a click on the map or a drag of the
// marker fills them, typing in them moves the marker, and the radius field, if any, draws its circle. Where the
// browser has geolocation, « Utiliser ma position » asks it (the browser asks the person) and picks that point.
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

    function place(point) {
      pick(point);
      map.setView(point, Math.max(map.getZoom(), 17));
    }
    locate(box, place);
    searchAddresses(box, place);

    var start = typedPoint();
    var centre = container.dataset.centre.split(',').map(Number);
    map.setView(start || L.latLng(centre[0], centre[1]), 14);
    draw(start);
    if (circle) {
      map.fitBounds(circle.getBounds(), { maxZoom: 16, padding: [16, 16] });
    }
  }

  // the commune's addresses matching what is typed, offered in the field's list; choosing one places the point
  function searchAddresses(box, found) {
    var controls = box.querySelector('[data-address-search]');
    if (!controls || !window.fetch) {
      return;
    }
    var input = controls.querySelector('input');
    var options = controls.querySelector('datalist');
    var status = controls.querySelector('[role=status]');
    var offered = {};
    var timer = null;
    controls.hidden = false;

    function show(addresses) {
      offered = {};
      options.textContent = '';
      addresses.forEach(function (address) {
        offered[address.label] = address;
        var option = document.createElement('option');
        option.value = address.label;
        options.appendChild(option);
      });
      var count = addresses.length;
      status.textContent = count === 0 ? status.dataset.none
        : count === 1 ? status.dataset.one : status.dataset.many.replace('{0}', String(count));
    }

    function chosen() {
      var address = offered[input.value];
      if (address) {
        found(L.latLng(address.latitude, address.longitude));
        status.textContent = status.dataset.placed.replace('{0}', address.label);
        return true;
      }
      return false;
    }

    input.addEventListener('input', function () {
      if (chosen()) {
        return;
      }
      clearTimeout(timer);
      var typed = input.value.trim();
      if (typed.length < 3) {
        return;
      }
      timer = setTimeout(function () {
        fetch(input.dataset.source + '?q=' + encodeURIComponent(typed), { headers: { Accept: 'application/json' } })
          .then(function (response) {
            return response.ok ? response.json() : [];
          })
          .then(show)
          .catch(function () {
            show([]);
          });
      }, 250);
    });
    // Enter in the search box picks the only or the first address offered, rather than sending the form
    input.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') {
        return;
      }
      event.preventDefault();
      if (!chosen()) {
        var first = Object.keys(offered)[0];
        if (first) {
          input.value = first;
          chosen();
        }
      }
    });
  }

  // the device's position, once the person agrees; what happened is said in the status beside the button
  function locate(box, found) {
    var controls = box.querySelector('[data-locate]');
    if (!controls || !navigator.geolocation) {
      return;
    }
    var button = controls.querySelector('button');
    var status = controls.querySelector('[role=status]');
    controls.hidden = false;
    button.addEventListener('click', function () {
      status.textContent = status.dataset.locating;
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (position) {
        button.disabled = false;
        found(L.latLng(position.coords.latitude, position.coords.longitude));
        status.textContent = status.dataset.located;
      }, function () {
        button.disabled = false;
        status.textContent = status.dataset.failed;
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  document.querySelectorAll('.map-picker').forEach(picker);
})();
