// Loads office.js without blocking the page: Microsoft's CDN with a short timeout (it can hang for half a
// minute on some networks in China), then the copy served beside the pane; or the local copy first when the
// build (OFFICE_JS_LOCAL_FIRST=1, for intranet servers) or this computer's setting asks for it. The pane
// waits for "officejsloaded" or "officejsfailed" and can call window.jixiaoLoadOfficeJs() again (重试).
// ES5 on purpose: this file also runs in old web views.
(function () {
  var CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  var LOCAL = "office-js/office.js";
  var CDN_TIMEOUT_MS = 1500;
  var LOCAL_TIMEOUT_MS = 10000;
  var LOCAL_FIRST_KEY = "jixiao.officeJsLocalFirst";

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

  function localFirst() {
    if (document.documentElement.getAttribute("data-office-local-first") === "true") return true;
    try {
      return window.localStorage.getItem(LOCAL_FIRST_KEY) === "true";
    } catch (e) {
      return false;
    }
  }

  /** Adds one script; calls done(true) once it ran and defined Office, done(false) on error or timeout. */
  function tryScript(src, timeoutMs, done) {
    var settled = false;
    var script = document.createElement("script");
    var timer = setTimeout(function () {
      finish(false);
    }, timeoutMs);
    function finish(ok) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!ok && script.parentNode) script.parentNode.removeChild(script);
      done(ok);
    }
    script.onload = function () {
      finish(typeof window.Office !== "undefined");
    };
    script.onerror = function () {
      finish(false);
    };
    script.src = src;
    document.head.appendChild(script);
  }

  var loading = false;
  function load() {
    if (loading) return;
    if (typeof window.Office !== "undefined") {
      window.officeJsFailed = false;
      fire("officejsloaded");
      return;
    }
    loading = true;
    window.officeJsFailed = false;
    var order = localFirst() ? [LOCAL, CDN] : [CDN, LOCAL];
    var i = 0;
    function next() {
      if (i >= order.length) {
        loading = false;
        // Remembered as well as announced: the pane's module may start after this fires.
        window.officeJsFailed = true;
        fire("officejsfailed");
        return;
      }
      var src = order[i++];
      tryScript(src, src === CDN ? CDN_TIMEOUT_MS : LOCAL_TIMEOUT_MS, function (ok) {
        if (!ok) {
          next();
          return;
        }
        loading = false;
        window.officeJsSource = src;
        fire("officejsloaded");
      });
    }
    next();
  }

  window.jixiaoLoadOfficeJs = load;
  window.jixiaoOfficeJsLocalFirstKey = LOCAL_FIRST_KEY;
  load();
})();
