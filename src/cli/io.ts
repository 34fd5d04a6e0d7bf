// 命令的输入输出：测试用内存中的流，进程用 stdout/stderr。

import type { ErrorSink, TextSink } from "./report";

export interface CliIO {
  stdout: TextSink;
  stderr: ErrorSink;
  /** Today, for the template's default fiscal year. */
  now: () => Date;
}
