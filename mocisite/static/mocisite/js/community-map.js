// The community map: Leaflet, from our own static files, reading the page's
// GeoJSON feed. Without JavaScript the map stays hidden (map-noscript.css) and
// the list of places below it (rendered by the server) is the whole page. The
// filters work both ways: without JavaScript the form reloads the page; once
// the map is drawn, the map and the list are refreshed in place and the
// address keeps the filters.
//
// This script and map-loader.js are all the page loads at first. Leaflet (about 70 KB) and the
// tiles are fetched when the map's box reaches the screen: someone who only
// reads the list further down never pays for the map. The box keeps its place meanwhile (map.css), so nothing
// moves when the map appears.
(function () {
  "use strict";
  var element = document.getElementById("community-map");
  if (!element) return;
  var data = element.dataset;
  var form = document.querySelector("form.filters");
  var map = null;
  var layer = null;
  var popupPadding = null;
  // Leaflet's styles go where they were before this page loaded them late: ahead of
  // map.css, whose rules adjust them.
  var ownStyles = document.querySelector('link[rel="stylesheet"][href*="mocisite/css/map"]');

  if (!window.fetch || !window.Promise || !window.mociLeaflet) {
    element.classList.add("community-map--off");
    return;
  }
  element.hidden = false;

  function fail() {
    element.classList.add("community-map--off");
    element.hidden = true;
    var message = text("p", "notice", data.errorLabel);
    element.parentNode.insertBefore(message, element);
  }

  function text(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  // The feed's own links are on the site's address (for anyone who reuses the feed);
  // on this page they stay on the address the visitor is using.
  var canonical = document.querySelector('link[rel="canonical"]');
  var siteOrigin = canonical ? new URL(canonical.href).origin : null;

  function local(href) {
    var address = new URL(href, window.location.href);
    return address.origin === siteOrigin ? address.pathname + address.search + address.hash : href;
  }

  function link(href, content) {
    var node = text("a", "", content);
    node.href = local(href);
    return node;
  }

  function popup(properties) {
    var box = text("div", "map-popup");
    if (properties.lang) box.lang = properties.lang;
    var title = text("p", "map-popup__title");
    title.appendChild(properties.url ? link(properties.url, properties.title) : document.createTextNode(properties.title));
    box.appendChild(title);
    var status = properties.status ? data[properties.status + "Label"] : "";
    var meta = [properties.kind_label, properties.place, properties.when, status].filter(Boolean).join(" · ");
    box.appendChild(text("p", "map-popup__meta", meta));
    if (properties.summary) box.appendChild(text("p", "map-popup__summary", properties.summary));
    if (properties.terms.length) {
      box.appendChild(
        text("p", "map-popup__terms", properties.terms.map(function (term) { return term.name; }).join(", "))
      );
    }
    if (properties.projects.length) {
      var projects = text("p", "map-popup__projects", data.projectsLabel + ": ");
      properties.projects.forEach(function (project, index) {
        if (index) projects.appendChild(document.createTextNode(", "));
        projects.appendChild(link(project.url, project.title));
      });
      box.appendChild(projects);
    }
    if (properties.url) {
      var more = link(properties.url, properties.kind === "partner" ? data.websiteLabel : data.moreLabel);
      more.className = "map-popup__more";
      box.appendChild(more);
    }
    return box;
  }

  function marker(feature) {
    var coordinates = feature.geometry.coordinates;
    var properties = feature.properties;
    var label = properties.kind_label + ": " + properties.title;
    if (properties.status) label += " (" + [properties.when, data[properties.status + "Label"]].filter(Boolean).join(", ") + ")";
    var muted = properties.status === "past" ? " map-marker--past" : "";
    var item = L.marker([coordinates[1], coordinates[0]], {
      // The shape is an inner element: Leaflet positions the icon itself with a transform.
      icon: L.divIcon({
        className: "map-pin",
        html: '<span class="map-marker map-marker--' + properties.kind.replace(/[^a-z]/g, "") + muted + '"></span>',
        iconSize: [22, 22],
        popupAnchor: [0, -8],
      }),
      title: label,
      alt: label,
      keyboard: true,
    });
    item.feature = feature;
    item.bindPopup(function () { return popup(properties); }, { maxWidth: 280, autoPanPaddingTopLeft: popupPadding });
    item.on("add", function () {
      var icon = item.getElement();
      if (icon) {
        icon.setAttribute("aria-label", label);
        icon.dataset.place = feature.id;
      }
    });
    return item;
  }

  function show(collection) {
    if (layer) map.removeLayer(layer);
    // Points that overlap (two projects in one town) are clustered; a click on
    // a cluster zooms in, and at the closest zoom spreads its markers apart.
    layer = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true });
    layer.addLayers(collection.features.map(marker));
    map.addLayer(layer);
    element.dataset.markers = String(collection.features.length);
    var home = homeBounds(collection.features);
    if (home.isValid()) {
      // data-bounds: the view once fitted (tests read it), after the zoom animation if any.
      map.once("moveend", function () {
        element.dataset.bounds = map.getBounds().toBBoxString();
      });
      map.fitBounds(home, { padding: [32, 32], maxZoom: 10 });
    }
  }

  // The first view is the network's own region (data-region: its country codes): the partners
  // abroad stay on the map, a zoom away, instead of pushing the Balkans into a corner. When the
  // filters leave only places abroad, the view fits those.
  function homeBounds(features) {
    var region = (data.region || "").split(" ");
    var inRegion = features.filter(function (feature) {
      return region.indexOf(feature.properties.country) !== -1;
    });
    var bounds = L.latLngBounds([]);
    (inRegion.length ? inRegion : features).forEach(function (feature) {
      var coordinates = feature.geometry.coordinates;
      bounds.extend([coordinates[1], coordinates[0]]);
    });
    return bounds;
  }

  // A popup pans the map clear of the zoom buttons (top left), not just of the map's edge.
  function clearOfControls() {
    var zoom = map.zoomControl && map.zoomControl.getContainer();
    if (!zoom) return L.point(5, 5);
    return L.point(zoom.offsetLeft + zoom.offsetWidth + 8, zoom.offsetTop + zoom.offsetHeight + 8);
  }

  function load(query) {
    return fetch(data.feed + query, { headers: { Accept: "application/geo+json" } }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  }

  function draw() {
    var centre = data.centre.split(",").map(Number);
    map = L.map(element, { scrollWheelZoom: false }).setView(centre, Number(data.zoom));
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: Number(data.maxZoom) }).addTo(map);
    popupPadding = clearOfControls();
    // Scroll-wheel zoom only once the map has been clicked or focused, so the page still scrolls past it.
    map.on("focus click", function () {
      map.scrollWheelZoom.enable();
    });
    map.on("blur", function () {
      map.scrollWheelZoom.disable();
    });
    load(window.location.search).then(show, fail);
    if (form && window.DOMParser) form.addEventListener("submit", filter);
  }

  // Until the map is drawn, the filters simply reload the page.
  function filter(event) {
    event.preventDefault();
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value) params.append(name, value);
    });
    var query = params.toString() ? "?" + params.toString() : "";
    var pageUrl = window.location.pathname + query;
    // The list and its count come from the page itself, in the page's language.
    var page = fetch(pageUrl).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    });
    Promise.all([load(query), page])
      .then(function (results) {
        show(results[0]);
        var fresh = new DOMParser().parseFromString(results[1], "text/html");
        ["#map-count", ".places"].forEach(function (selector) {
          var current = document.querySelector(selector);
          var replacement = fresh.querySelector(selector);
          if (current && replacement) current.innerHTML = replacement.innerHTML;
        });
        window.history.replaceState(null, "", pageUrl);
      })
      .catch(function () {
        window.location.href = pageUrl;
      });
  }

  // Leaflet and its plugin come when the map's box reaches the screen (map-loader.js).
  window.mociLeaflet(element, ownStyles, function () {
    if (!L.markerClusterGroup) throw new Error("Leaflet.markercluster did not load");
    draw();
  }, fail);
})();
