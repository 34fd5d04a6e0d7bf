// Jest global setup: compile the command line to lib/ (incremental), so tests run the JavaScript users run.
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = function buildCli() {
  const root = path.join(__dirname, "..", "..");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: root,
    stdio: "inherit",
  });
};
