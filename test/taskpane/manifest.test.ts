// The manifest Office reads: ids, element order, zh-CN overrides, resources that resolve, icons that exist.
import { execFileSync } from "child_process";
import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { MINIMUM_VERSION } from "../../src/excel/host";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";

// xml2js ships no types; it is what office-addin-manifest itself parses with.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require("xml2js") as {
  parseStringPromise(xml: string, options: Record<string, boolean>): Promise<unknown>;
};

interface ManifestInfo {
  id?: string;
  version?: string;
  officeAppType?: string;
  hosts?: string[];
  permissions?: string;
  defaultSettings?: { sourceLocation?: string };
}

/** office-addin-manifest's own reading (its `info`), in a child process: its ESM dependencies do not load under jest. */
function manifestInfo(): ManifestInfo {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    ".then((i) => process.stdout.write(JSON.stringify(i)))";
  return JSON.parse(execFileSync(process.execPath, ["-e", script, MANIFEST], { cwd: ROOT, encoding: "utf8" })) as ManifestInfo;
}

/** xml2js node with ordered children ($$), attributes ($) and text (_). */
interface XmlNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: XmlNode[];
  _?: string;
}

async function parse(): Promise<XmlNode> {
  const xml = readFileSync(MANIFEST, "utf8");
  const doc = (await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true })) as Record<string, XmlNode>;
  const root = doc["OfficeApp"];
  if (!root) throw new Error("no OfficeApp root");
  return root;
}

function children(node: XmlNode, name?: string): XmlNode[] {
  return (node.$$ ?? []).filter((c) => name === undefined || c["#name"] === name);
}

function child(node: XmlNode, name: string): XmlNode {
  const found = children(node, name)[0];
  if (!found) throw new Error(`<${node["#name"]}> has no <${name}>`);
  return found;
}

function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    if (n["#name"] === name) out.push(n);
    for (const c of n.$$ ?? []) walk(c);
  };
  walk(node);
  return out;
}

function zhOverride(node: XmlNode, overrideName: string): string | undefined {
  return children(node, overrideName).find((o) => o.$?.Locale === "zh-CN")?.$?.Value;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Where a dev-server URL's file comes from in the repository. */
function sourceOf(url: string): string {
  const rel = url.slice(DEV_URL.length);
  return rel.startsWith("assets/") ? join(ROOT, rel) : join(ROOT, "src", "taskpane", rel);
}

describe("manifest.xml", () => {
  test("office-addin-manifest reads it as an Excel task-pane add-in that may write the workbook", () => {
    const info = manifestInfo();
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}taskpane.html`);
  });

  test("top-level elements come in the order the schema requires", async () => {
    const names = children(await parse()).map((c) => c["#name"]);
    const order = [
      "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "Hosts", "Requirements", "DefaultSettings",
      "Permissions", "VersionOverrides",
    ];
    expect(names).toEqual(order);
  });

  test("the minimum ExcelApi matches what the Excel layer states", async () => {
    const sets = child(child(await parse(), "Requirements"), "Sets");
    const excel = children(sets, "Set").find((s) => s.$?.Name === "ExcelApi");
    expect(excel?.$?.MinVersion).toBe(MINIMUM_VERSION);
  });

  test("display name, description and every ribbon string have a zh-CN override", async () => {
    const root = await parse();
    expect(zhOverride(child(root, "DisplayName"), "Override")).toBe("绩效目标表助手");
    expect(zhOverride(child(root, "Description"), "Override")).toMatch(/绩效目标表/);
    const strings = all(root, "bt:String");
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const s of strings) {
      const zh = zhOverride(s, "bt:Override");
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("a button on the Home tab, in the 绩效目标 group, opens the pane", async () => {
    const root = await parse();
    const tab = all(root, "OfficeTab")[0];
    expect(tab?.$?.id).toBe("TabHome");
    const group = child(tab as XmlNode, "Group");
    const strings = new Map(all(root, "bt:String").map((s) => [s.$?.id ?? "", s]));
    const groupLabel = strings.get(child(group, "Label").$?.resid ?? "");
    expect(groupLabel && zhOverride(groupLabel, "bt:Override")).toBe("绩效目标");
    const button = children(group, "Control")[0];
    expect(button?.$?.["xsi:type"]).toBe("Button");
    const action = child(button as XmlNode, "Action");
    expect(action.$?.["xsi:type"]).toBe("ShowTaskpane");
  });

  test("a 清除标记 button runs the clearMarks function of the function file, without the pane", async () => {
    const root = await parse();
    const group = child(all(root, "OfficeTab")[0] as XmlNode, "Group");
    const strings = new Map(all(root, "bt:String").map((s) => [s.$?.id ?? "", s]));
    const button = children(group, "Control").find((c) => c.$?.id === "Jixiao.ClearMarks");
    const label = strings.get(child(button as XmlNode, "Label").$?.resid ?? "");
    expect(label && zhOverride(label, "bt:Override")).toBe("清除标记");
    const action = child(button as XmlNode, "Action");
    expect(action.$?.["xsi:type"]).toBe("ExecuteFunction");
    expect(child(action, "FunctionName")._).toBe("clearMarks");
    expect(all(root, "FunctionFile")[0]?.$?.resid).toBe("Commands.Url");
    // The function file registers that name.
    expect(readFileSync(join(ROOT, "src", "taskpane", "commands.ts"), "utf8")).toContain('Office.actions.associate("clearMarks"');
  });

  test("every resid points at a defined resource, and every URL at a file the build serves", async () => {
    const root = await parse();
    const resources = new Map<string, XmlNode>();
    for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
      for (const r of all(child(child(root, "VersionOverrides"), "Resources"), kind)) {
        if (r.$?.id) resources.set(r.$.id, r);
      }
    }
    const used: string[] = [];
    const walk = (n: XmlNode): void => {
      if (n.$?.resid) used.push(n.$.resid);
      for (const c of n.$$ ?? []) walk(c);
    };
    walk(root);
    expect(used.length).toBeGreaterThan(5);
    for (const resid of used) expect(resources.has(resid)).toBe(true);

    const urls: string[] = [];
    const collect = (n: XmlNode): void => {
      const v = n.$?.DefaultValue;
      if (v && /^https?:/.test(v)) urls.push(v);
      for (const c of n.$$ ?? []) collect(c);
    };
    collect(root);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      expect(existsSync(sourceOf(url))).toBe(true);
    }
  });

  test("icons exist at the sizes the manifest declares (16, 32, 64, 80 px)", async () => {
    const root = await parse();
    for (const image of all(root, "bt:Image").filter((i) => i.$?.id)) {
      const url = image.$?.DefaultValue ?? "";
      const size = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(pngSize(sourceOf(url))).toEqual({ width: size, height: size });
    }
    expect(pngSize(sourceOf(child(root, "IconUrl").$?.DefaultValue ?? ""))).toEqual({ width: 32, height: 32 });
    expect(pngSize(sourceOf(child(root, "HighResolutionIconUrl").$?.DefaultValue ?? ""))).toEqual({ width: 64, height: 64 });
    for (const size of [16, 32, 64, 80]) expect(existsSync(join(ROOT, "assets", `icon-${size}.png`))).toBe(true);
  });

  test("npm run build rewrites every URL to ADDIN_URL and refuses a non-HTTPS one", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const build = require(join(ROOT, "webpack.config.js")) as {
      productionUrl(url?: string): string;
      rewriteManifest(xml: string, url: string): string;
    };
    const url = build.productionUrl("https://intranet.example.gov.cn/jixiao");
    expect(url).toBe("https://intranet.example.gov.cn/jixiao/");
    expect(() => build.productionUrl("http://intranet.example.gov.cn/")).toThrow(/https/);
    const xml = build.rewriteManifest(readFileSync(MANIFEST, "utf8"), url);
    expect(xml).not.toMatch(/https:\/\/localhost/);
    expect(xml).toContain(`<SourceLocation DefaultValue="${url}taskpane.html"/>`);
    expect(xml.split(url).length - 1).toBeGreaterThanOrEqual(8);
  });
});
