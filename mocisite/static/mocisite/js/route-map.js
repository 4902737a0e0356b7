// The hub's route: its stops in date order on a map, joined by a line; the
// past stops and the road already travelled are muted (grey, dashed). The
// stops come from the page itself (a JSON data block, route_map.html), and the
// same stops are listed below the map for everybody: without JavaScript the map
// stays hidden (map-noscript.css) and the list is the route.
//
// Leaflet (about 40 KB gzipped) and its styles are fetched only when the map's
// box reaches the screen; the box keeps its place meanwhile (route-map.css).
(function () {
  "use strict";
  var element = document.getElementById("route-map");
  if (!element) return;
  var data = element.dataset;
  var source = document.getElementById(data.stops);
  var ownStyles = document.querySelector('link[rel="stylesheet"][href*="mocisite/css/route-map"]');

  if (!source || !window.Promise || !window.mociLeaflet) {
    element.classList.add("route-map--off");
    return;
  }
  element.hidden = false;

  function fail() {
    element.classList.add("route-map--off");
    element.hidden = true;
    element.parentNode.insertBefore(text("p", "notice", data.errorLabel), element);
  }

  function text(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function popup(stop) {
    var box = text("div", "route-popup");
    var title = text("p", "route-popup__title");
    var link = text("a", "", stop.title);
    link.href = stop.url;
    if (stop.lang) link.lang = stop.lang;
    title.appendChild(link);
    box.appendChild(title);
    var meta = [stop.when, stop.place, stop.past ? data.pastLabel : ""].filter(Boolean).join(" · ");
    box.appendChild(text("p", "route-popup__meta", meta));
    return box;
  }

  function marker(stop, index) {
    // "Stop 2: Permaculture days, Autumn 2020, Pellumbas (past)": what a screen reader hears.
    var label = data.stopLabel + " " + (index + 1) + ": " + [stop.title, stop.when, stop.place].filter(Boolean).join(", ");
    if (stop.past) label += " (" + data.pastLabel + ")";
    var item = L.marker([stop.lat, stop.lng], {
      icon: L.divIcon({
        className: "route-pin" + (stop.past ? " route-pin--past" : ""),
        html: '<span class="route-stop__marker">' + (index + 1) + "</span>",
        iconSize: [26, 26],
        popupAnchor: [0, -10],
      }),
      title: label,
      alt: label,
      keyboard: true,
      zIndexOffset: stop.past ? 0 : 1000,
    });
    item.bindPopup(function () { return popup(stop); }, { maxWidth: 260 });
    item.on("add", function () {
      var icon = item.getElement();
      if (icon) {
        icon.setAttribute("aria-label", label);
        icon.dataset.stop = String(index + 1);
        if (stop.past) icon.dataset.past = "";
      }
    });
    return item;
  }

  function draw(stops) {
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: Number(data.maxZoom) }).addTo(map);
    map.on("focus click", function () { map.scrollWheelZoom.enable(); });
    map.on("blur", function () { map.scrollWheelZoom.disable(); });
    // One segment from each stop to the next: travelled (to a past stop) dashed and grey.
    for (var i = 1; i < stops.length; i++) {
      var past = stops[i].past;
      L.polyline([[stops[i - 1].lat, stops[i - 1].lng], [stops[i].lat, stops[i].lng]], {
        className: "route-line" + (past ? " route-line--past" : ""),
        color: past ? "#6b7280" : "#0b5563",
        weight: past ? 3 : 4,
        opacity: past ? 0.7 : 0.9,
        dashArray: past ? "6 8" : null,
        interactive: false,
      }).addTo(map);
    }
    var bounds = L.latLngBounds([]);
    stops.forEach(function (stop, index) {
      marker(stop, index).addTo(map);
      bounds.extend([stop.lat, stop.lng]);
    });
    map.once("moveend", function () { element.dataset.drawn = String(stops.length); });
    if (stops.length > 1) map.fitBounds(bounds, { padding: [32, 32], maxZoom: 10, animate: false });
    else map.setView(bounds.getCenter(), 9, { animate: false });
  }

  // Leaflet comes when the map's box reaches the screen (map-loader.js).
  window.mociLeaflet(element, ownStyles, function () {
    draw(JSON.parse(source.textContent));
  }, fail);
})();
