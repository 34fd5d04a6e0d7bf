// 每个文件在工作线程里读和检查：线程的堆有上限、每个文件有时限。超出时结束线程、报告这个文件，换一个新线程接着查。

import { existsSync } from "fs";
import { join } from "path";
import { Worker } from "worker_threads";
import type { Settings } from "../domain/settings";
import type { FileOutcome } from "./check-file";
import { checkMessages } from "./messages";

/** Heap for one file's reading and checking; with the main thread and buffers the process stays under 1 GB. */
export const WORKER_HEAP_MB = 512;
/** Far beyond a real form's few hundred milliseconds, even a 10,000-row one on a busy machine. */
export const FILE_TIMEOUT_MS = 60_000;

/** The compiled worker: beside this module when running from lib/, or lib/'s copy when tests run the sources. */
function workerScript(): string | null {
  const candidates = [join(__dirname, "check-worker.js"), join(__dirname, "..", "..", "lib", "cli", "check-worker.js")];
  return candidates.find((f) => existsSync(f)) ?? null;
}

type WorkerReply = { ok: true; outcome: FileOutcome } | { ok: false; error: string };

export interface FileChecker {
  check(file: string, settings: Settings): Promise<FileOutcome>;
  close(): Promise<void>;
}

/** Checks files one at a time in a reused worker; a worker that dies or overruns is replaced. */
export function isolatedChecker(options: { heapMb?: number; timeoutMs?: number; script?: string } = {}): FileChecker {
  // `script`: tests of the thread handling give their own worker, so no build is needed.
  const script = options.script ?? workerScript();
  const heapMb = options.heapMb ?? WORKER_HEAP_MB;
  const timeoutMs = options.timeoutMs ?? FILE_TIMEOUT_MS;
  let worker: Worker | null = null;

  const start = (path: string): Worker =>
    new Worker(path, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });

  return {
    check(file, settings) {
      const say = checkMessages(settings.language ?? "zh");
      // Sources without a build: no isolation. Loaded only then, so the main thread never loads the rules.
      if (script === null) return import("./check-file").then((m) => m.checkFile(file, settings));
      const w = worker ?? (worker = start(script));
      return new Promise<FileOutcome>((resolve) => {
        const finish = (outcome: FileOutcome, keep: boolean) => {
          clearTimeout(timer);
          w.off("message", onMessage);
          w.off("error", onError);
          w.off("exit", onExit);
          if (!keep) {
            worker = null;
            void w.terminate();
          }
          resolve(outcome);
        };
        const skipped = (detail: string): FileOutcome => ({
          kind: "unreadable",
          file,
          reason: say.unreadable.tooLargeOrOdd(detail),
        });
        const onMessage = (reply: WorkerReply) =>
          finish(
            reply.ok ? reply.outcome : { kind: "unreadable", file, reason: say.internalError(new Error(reply.error)) },
            true,
          );
        // ERR_WORKER_OUT_OF_MEMORY, or anything else that ends the thread: this file is at fault, not the batch.
        const onError = (e: Error & { code?: string }) =>
          finish(
            e.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? skipped(say.structure.memory)
              : { kind: "unreadable", file, reason: say.internalError(e) },
            false,
          );
        const onExit = () => finish(skipped(say.structure.memory), false);
        const timer = setTimeout(() => finish(skipped(say.structure.timeout), false), timeoutMs);
        w.on("message", onMessage);
        w.on("error", onError);
        w.on("exit", onExit);
        w.postMessage({ file, settings });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
