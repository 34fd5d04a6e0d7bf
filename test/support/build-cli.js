// Jest global setup: compile the command line to lib/ (incremental), so tests run the JavaScript users run.
module.exports = require("../../bin/build-cli.js");
