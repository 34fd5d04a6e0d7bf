// Internet Explorer 11 (perpetual Office 2016/2019 on Windows) cannot run the pane: say so plainly
// instead of leaving it blank. ES5 only; the page loads this with `nomodule`, so only IE11 runs it.
(function () {
  function show() {
    var app = document.getElementById("app");
    if (app) app.parentNode.removeChild(app);
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.style.fontFamily = '"Microsoft YaHei UI", "Microsoft YaHei", sans-serif';
    box.style.fontSize = "14px";
    box.style.lineHeight = "1.6";
    box.style.padding = "16px";
    box.style.color = "#242424";
    var lines = [
      "此版本的 Excel 无法运行“绩效目标表助手”。",
      "Office 2016、Office 2019 等一次性购买版本在 Windows 上使用 Internet Explorer 11 显示加载项，本加载项不支持。",
      "请使用以下任一版本：Excel 2021、Excel 2024、Microsoft 365 桌面版 Excel，或网页版 Excel。",
      "This version of Excel cannot run this add-in. Please use Excel 2021, Excel 2024, Microsoft 365 or Excel on the web."
    ];
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement("p");
      p.appendChild(document.createTextNode(lines[i]));
      box.appendChild(p);
    }
    document.body.appendChild(box);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
