/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": "ts-jest" },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  globalSetup: "<rootDir>/test/support/build-cli.js",
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  // Mutation testing's sandboxes live under reports/: not a second copy of the project for jest.
  modulePathIgnorePatterns: ["<rootDir>/reports/"],
};
