// 工作线程：检查主线程发来的一个个文件。堆内存有上限，一个异常文件耗尽内存时只结束这个线程，批量检查继续。

import { parentPort } from "worker_threads";
import { checkFile } from "./check-file";
import type { Settings } from "../domain/settings";

export interface CheckRequest {
  file: string;
  settings: Settings;
}

parentPort?.on("message", (request: CheckRequest) => {
  checkFile(request.file, request.settings).then(
    (outcome) => parentPort?.postMessage({ ok: true, outcome }),
    (e: unknown) => parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
