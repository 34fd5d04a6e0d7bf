// Builds the task pane into dist/: the pane bundle, its HTML and CSS, the IE11 notice, the icons,
// the manifest (with the production URL) and a local copy of office.js for networks that cannot
// reach Microsoft's CDN.
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/**
 * The office.js files Excel loads, for the local fallback folder: office.js, Excel's host scripts for the
 * web, Windows and Mac (and their "-core" variants), and each locale's office_strings.js. Not the
 * other Office apps' scripts, mobile hosts (they reach the CDN), debug builds, Outlook strings, Office 2013 scripts
 * or telemetry (86 MB → 9 MB).
 */
function officeJsFileNeeded(relativePath) {
  const p = relativePath.split(path.sep).join("/");
  if (p === "office.js") return true;
  if (/^excel-(web|win32|mac)-16\.0[01](-core)?\.js$/.test(p)) return true;
  return /^[a-z]{2,3}(-[a-z0-9]+)*\/office_strings\.js$/.test(p);
}

/**
 * Preload links in taskpane.html for the engine chunk (checking) and the chunks it needs: the browser fetches them
 * beside the start-up script instead of after it has run. They stay chunks: the start-up script does not wait for them.
 */
class PreloadEnginePlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("PreloadEnginePlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("PreloadEnginePlugin", (data) => {
        if (data.outputName !== "taskpane.html") return data;
        const group = compilation.namedChunkGroups.get("engine");
        const files = group ? group.chunks.flatMap((chunk) => [...chunk.files].filter((f) => f.endsWith(".js"))) : [];
        const links = files.map((href) =>
          HtmlWebpackPlugin.createHtmlTagObject("link", { rel: "preload", as: "script", href: data.publicPath + href }),
        );
        data.headTags.push(...links);
        return data;
      });
    });
  }
}

/** The production URL must end with "/" so the manifest's relative paths append cleanly. */
function productionUrl(url = process.env.ADDIN_URL) {
  if (!url) return DEV_URL;
  if (!/^https:\/\//.test(url)) {
    throw new Error(`ADDIN_URL 必须以 https:// 开头（Office 只加载 HTTPS 加载项），当前为：${url}`);
  }
  return url.endsWith("/") ? url : url + "/";
}

/**
 * Only what the pane needs: its own files, office.js from the CDN (which loads its host scripts from
 * there and, on some hosts, MicrosoftAjax from ajax.aspnetcdn.com: OfficeDev/office-js #1005), and in
 * development the dev server's reload socket. No 'unsafe-inline' or 'unsafe-eval' for scripts; styles
 * allow inline because excel-web-16.00.js sets inline styles (OfficeDev/office-js #1687).
 * Office's telemetry endpoint is left out on purpose: blocking it costs nothing.
 */
function contentSecurityPolicy(dev) {
  const connect = ["'self'", OFFICE_CDN];
  if (dev) connect.push("wss://localhost:3000", "ws://localhost:3000");
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN} https://ajax.aspnetcdn.com`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** The manifest with every development URL replaced by the production one. */
function rewriteManifest(xml, url) {
  return xml.split(DEV_URL).join(url);
}

/** True when the certificate file exists and stays valid for at least another hour. */
function certificateIsFresh(file) {
  if (!fs.existsSync(file)) return false;
  const { X509Certificate } = require("crypto");
  const validTo = Date.parse(new X509Certificate(fs.readFileSync(file)).validTo);
  return validTo - Date.now() > 3600 * 1000;
}

async function devServerHttps() {
  // Certificates are only needed to serve; `npm run build` must work without them.
  const devCerts = require("office-addin-dev-certs");
  if (process.platform === "win32" || process.platform === "darwin") return devCerts.getHttpsServerOptions();
  // Elsewhere office-addin-dev-certs would run `sudo` to trust its CA: only make the files here;
  // scripts/start.js tells the user how to trust ca.crt.
  const paths = require("office-addin-dev-certs/lib/defaults");
  if (!certificateIsFresh(paths.localhostCertificatePath)) {
    await devCerts.generateCertificates(paths.caCertificatePath, paths.localhostCertificatePath, paths.localhostKeyPath);
  }
  return {
    ca: fs.readFileSync(paths.caCertificatePath),
    cert: fs.readFileSync(paths.localhostCertificatePath),
    key: fs.readFileSync(paths.localhostKeyPath),
  };
}

const config = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = process.env.WEBPACK_SERVE === "true";
  const url = productionUrl();

  return {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the CSP does not allow eval.
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/taskpane.ts", commands: "./src/taskpane/commands.ts" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      // The English texts' chunk loads from beside taskpane.html (a module script has no currentScript).
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        // These barrels only re-export: the pane's start takes what it uses from them (pointsOf, the native
        // rule ids), and the rest (the scoring methods' schemas, next year's planning, the native rule
        // builders) loads with the operation that needs it. Checking reads self-evaluations but never draws
        // one: the self-evaluation's layout and formulas stay with 生成自评表.
        { test: /src[\\/]domain[\\/](scoring|fiscal|native|selfeval)[\\/]index\.ts$/, sideEffects: false },
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              onlyCompileBundledFiles: true,
              // ES modules so webpack can drop unused code; ES2018 runs in every supported web view
              // (Edge WebView2, Safari; older Edge lacks ?. and ??).
              transpileOnly: true, // types are checked by `npm test` (tsc --noEmit)
              compilerOptions: { module: "es2020", target: "ES2018", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new PreloadEnginePlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // type="module": IE11 skips the bundle and runs the nomodule notice instead.
        scriptLoading: "module",
        inject: "body",
        // OFFICE_JS_LOCAL_FIRST=1: intranet deployments load the local office.js before trying the CDN.
        templateParameters: { csp: contentSecurityPolicy(dev), officeLocalFirst: process.env.OFFICE_JS_LOCAL_FIRST === "1" ? "true" : "false" },
        minify: false,
      }),
      // The ribbon's function file (清除标记).
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands.html",
        chunks: ["commands"],
        scriptLoading: "module",
        inject: "body",
        templateParameters: { csp: contentSecurityPolicy(dev) },
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          // Copied as written (ES5, readable); `minimized` keeps webpack's terser off them.
          { from: "src/taskpane/unsupported.js", to: "unsupported.js", info: { minimized: true } },
          // The office.js loader runs on every start: minified here, as ES5 (old web views run it too).
          {
            from: "src/taskpane/office-loader.js",
            to: "office-loader.js",
            info: { minimized: true },
            transform: async (content) => (dev ? content : (await require("terser").minify(content.toString(), { ecma: 5 })).code),
          },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // office.js loads its host- and locale-specific siblings from beside itself: only Excel's are kept.
          // Already minified by Microsoft: terser stays off them.
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            info: { minimized: true },
            filter: (file) => officeJsFileNeeded(path.relative(path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"), file)),
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : rewriteManifest(content.toString(), url);
            },
          },
        ],
      }),
    ],
    performance: {
      // The pane's own budget (office.js excluded): 80 KB gzip, roughly 250 KB minified.
      hints: dev ? false : "warning",
      maxEntrypointSize: 250 * 1024,
      maxAssetSize: 250 * 1024,
      assetFilter: (file) => /^taskpane\..*js$/.test(file),
    },
    devServer: serving
      ? {
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          server: { type: "https", options: await devServerHttps() },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: false,
          client: { overlay: false },
        }
      : undefined,
  };
};

module.exports = config;
// For test/taskpane/manifest.test.ts.
module.exports.productionUrl = productionUrl;
module.exports.rewriteManifest = rewriteManifest;
module.exports.officeJsFileNeeded = officeJsFileNeeded;
