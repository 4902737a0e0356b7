// Leaflet on demand, for the community map and the hub's route: the styles and
// scripts an element names (data-styles, data-scripts: our own static files, as
// the CSP wants) are fetched when the element reaches the screen, not before.
// mociLeaflet(element, before, ready, fail): Leaflet's styles go ahead of the
// stylesheet ``before`` (the page's own map styles, whose rules adjust them);
// ``ready`` runs once everything has loaded, ``fail`` if anything did not (or if
// ``ready`` throws).
(function () {
  "use strict";

  function attach(tag, address, before) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      if (tag === "link") {
        node.rel = "stylesheet";
        node.href = address;
      } else {
        node.src = address;
        node.async = false; // run in the order added: Leaflet before its plugins
      }
      node.onload = resolve;
      node.onerror = reject;
      document.head.insertBefore(node, tag === "link" ? before : null);
    });
  }

  window.mociLeaflet = function (element, before, ready, fail) {
    var data = element.dataset;

    function start() {
      var styles = data.styles.split(" ").map(function (address) { return attach("link", address, before); });
      var scripts = data.scripts.split(" ").map(function (address) { return attach("script", address); });
      Promise.all(styles.concat(scripts))
        .then(function () {
          if (!window.L) throw new Error("Leaflet did not load");
          ready();
        })
        .catch(fail);
    }

    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        if (entries[entries.length - 1].isIntersecting) {
          observer.disconnect();
          start();
        }
      });
      observer.observe(element);
    } else {
      start();
    }
  };
})();
