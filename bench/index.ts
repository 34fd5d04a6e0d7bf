// `npm run --silent bench -- --json`: one JSON object, a key per benchmark file (bench/*.bench.ts).
import { readdirSync } from "fs";
import { join } from "path";

interface BenchModule {
  key: string;
  run(): Promise<unknown>;
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const files = readdirSync(__dirname).filter((f) => f.endsWith(".bench.ts")).sort();
  const out: Record<string, unknown> = {};
  for (const f of files) {
    const mod = (await import(join(__dirname, f))) as BenchModule;
    if (only && mod.key !== only) continue;
    out[mod.key] = await mod.run();
  }
  process.stdout.write(json ? JSON.stringify(out) + "\n" : JSON.stringify(out, null, 2) + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`基准测试失败：${String(e)}\n`);
  process.exit(1);
});
