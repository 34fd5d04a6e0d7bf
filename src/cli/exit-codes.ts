// 退出码：0 没有错误；1 发现错误；2 参数有误或有文件未检查；70 本工具的内部错误。

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_SOFTWARE = 70;
