// ESLint for our own ES modules (`npm run lint`, part of `make lint`). Vendored libraries
// (frontend/static/vendor/) are copies of published packages and are not linted.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["frontend/static/vendor/**", "node_modules/**", "var/**", ".venv/**"] },
  js.configs.recommended,
  {
    files: ["frontend/static/frontend/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      // Leaflet (`L`) is declared per module with /* global L */, so it shows which
      // modules draw on a map.
      globals: globals.browser,
    },
    rules: {
      // Leaflet's internals are not ours to read: use its public API or lib/ plugins.
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^_[a-zA-Z]/]",
          message: "Private Leaflet field: use the public API or a documented plugin in lib/.",
        },
      ],
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "smart"],
      "prefer-const": "error",
      "no-var": "error",
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
