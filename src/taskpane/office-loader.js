// When Microsoft's CDN cannot be reached (some networks in China), load the copy of office.js served
// beside the pane. ES5 on purpose: this file also runs in old web views.
(function () {
  if (typeof window.Office !== "undefined") return;
  function fire(name) {
    var event;
    try {
      event = new Event(name);
    } catch (e) {
      event = document.createEvent("Event"); // Internet Explorer 11
      event.initEvent(name, false, false);
    }
    window.dispatchEvent(event);
  }
  var script = document.createElement("script");
  script.src = "office-js/office.js";
  script.onload = function () {
    fire("officejsloaded");
  };
  script.onerror = function () {
    // Remembered as well as announced: the pane's module may start after this fires.
    window.officeJsFailed = true;
    fire("officejsfailed");
  };
  document.head.appendChild(script);
})();
