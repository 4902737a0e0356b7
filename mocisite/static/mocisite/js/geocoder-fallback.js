// The admin's address field (wagtailgeowidget's Nominatim geocoder): when the lookup fails,
// wagtailgeowidget shows "Nominatim Error: TypeError: Failed to fetch", in English, and nothing
// the editor can act on. This shows the field's own sentence instead (data-lookup-failed, set
// and translated by mocisite.geo.PlaceNameWidget): place the point on the map.
// Loaded after wagtailgeowidget's geocoder-field.js, whose classes are globals.
(function () {
  "use strict";
  if (typeof GeocoderField === "undefined") return;
  var displayWarning = GeocoderField.prototype.displayWarning;
  GeocoderField.prototype.displayWarning = function (message, options) {
    var field = options && options.field && options.field[0];
    var sentence = field && field.getAttribute("data-lookup-failed");
    // Only the failure of the lookup itself: "no address found" is already translated.
    if (sentence && /^Nominatim Error\b/.test(String(message))) {
      var escaped = document.createElement("p");
      escaped.textContent = sentence;
      message = escaped.innerHTML; // the package inserts the message as HTML
    }
    return displayWarning.call(this, message, options);
  };
})();
