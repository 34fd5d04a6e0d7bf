// Jest setup for mutation runs of the command line: tests call main() in this process instead of spawning
// bin/jixiao.js, so the mutant under test is the code that runs.
process.env.JIXIAO_CLI_IN_PROCESS = "1";
