const root = process.argv[2]!;
const { generatedGrid, readAndCheck } = require(root + "/bench/engine.bench");
for (const n of [1000, 10000]) { const g = generatedGrid(n); readAndCheck(g); readAndCheck(g);
const ts: number[] = []; for (let i=0;i<9;i++) { const c = process.cpuUsage(); readAndCheck(g); const d = process.cpuUsage(c); ts.push((d.user + d.system) / 1000); }
ts.sort((a,b)=>a-b); console.log(root, n, "cpu ms median", ts[4]!.toFixed(1), "min", ts[0]!.toFixed(1)); }
