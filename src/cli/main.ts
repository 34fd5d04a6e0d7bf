// 命令行入口：jixiao check / template / help。返回退出码，由 bin/jixiao.js 调用。
// Each command's modules load only when it runs, so `jixiao help` starts fast.

import type { Command } from "./args";
import { EXIT_OK, EXIT_SOFTWARE, EXIT_USAGE } from "./exit-codes";
import type { CliIO } from "./io";
import { HELP, HELP_CHECK, HELP_TEMPLATE, INTERNAL_ERROR } from "./messages";
import { HELP_SELFEVAL } from "./selfeval-messages";

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "./exit-codes";
export type { CliIO } from "./io";

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../package.json") as { version: string }).version;
}

const HELP_TOPICS: Readonly<Record<string, string>> = { check: HELP_CHECK, template: HELP_TEMPLATE, selfeval: HELP_SELFEVAL };

/** Help and version need no argument parsing (and none of zod's start-up time). */
function quickAnswer(argv: readonly string[]): string | null {
  const [first, topic, ...rest] = argv;
  if ((first === "--version" || first === "-v") && topic === undefined) return `${version()}\n`;
  if ((first === "help" || first === "--help" || first === "-h") && rest.length === 0) {
    if (topic === undefined) return HELP;
    return HELP_TOPICS[topic] ?? null;
  }
  return null;
}

/** One command's run; a new command adds a line here and a *-command.ts module. */
async function dispatch(cmd: Command, io: CliIO): Promise<number> {
  switch (cmd.command) {
    case "help":
      io.stdout.write(
        cmd.topic === "check" ? HELP_CHECK : cmd.topic === "template" ? HELP_TEMPLATE : cmd.topic === "selfeval" ? HELP_SELFEVAL : HELP,
      );
      return EXIT_OK;
    case "version":
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    case "check":
      return (await import("./check-command")).runCheck(cmd, io);
    case "template":
      return (await import("./template-command")).runTemplate(cmd, io);
    case "selfeval":
      return (await import("./selfeval")).runSelfeval(cmd, io);
  }
}

/** Runs one command line (argv without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const quick = quickAnswer(argv);
  if (quick !== null) {
    io.stdout.write(quick);
    return EXIT_OK;
  }
  const { parseCommandLine } = await import("./args");
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\n`);
    return EXIT_USAGE;
  }
  return dispatch(parsed.value, io);
}

/** The process's own command line; sets the exit code and lets pending output drain. */
export function run(): void {
  const ignoreClosedPipe = (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  };
  process.stdout.on("error", ignoreClosedPipe);
  process.stderr.on("error", ignoreClosedPipe);
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, now: () => new Date() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${INTERNAL_ERROR(e)}\n${e instanceof Error ? (e.stack ?? "") : ""}\n`);
      process.exitCode = EXIT_SOFTWARE; // a bug, not the user's input
    },
  );
}
