// ESLint (flat config): TypeScript parsing plus the Office add-in rules (load before read, no sync in loops…).
const tsParser = require("@typescript-eslint/parser");
const tsPlugin = require("@typescript-eslint/eslint-plugin");
const officeAddins = require("eslint-plugin-office-addins");

module.exports = [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "test-results/**"] },
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 2020, sourceType: "module" } },
    plugins: { "@typescript-eslint": tsPlugin, "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-eval": "error",
      eqeqeq: ["error", "always"],
    },
  },
];
