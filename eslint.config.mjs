import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "out/**",
      "coverage/**",
      "node_modules/**",
      ".tmp/**",
      "eslint.config.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unnecessary-condition": [
        "error",
        { allowConstantLoopConditions: true },
      ],
    },
  },
  {
    // scripts/system-deps.mjs runs before npm ci (plain Node, no TypeScript yet).
    files: ["**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: "module",
      globals: { process: "readonly", console: "readonly" },
    },
  },
  {
    // Plain CommonJS build helpers (webpack loads them): no type information, Node globals.
    files: ["**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        console: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Excel's custom-functions runtime reports an error to the cell when a function throws a
    // CustomFunctions.Error (not a subclass of Error); that is the documented way to fail.
    files: ["src/functions/**"],
    rules: { "@typescript-eslint/only-throw-error": "off" },
  },
  // Layering (design.md): dependencies point down only, and domain/, rules/, read/ and
  // reports/ never touch Office, React or ExcelJS.
  ...[
    [
      "src/domain/**",
      ["rules", "read", "reports", "workbook", "app", "taskpane", "functions", "cli"],
    ],
    ["src/rules/**", ["read", "reports", "workbook", "app", "taskpane", "functions", "cli"]],
    ["src/read/**", ["reports", "workbook", "app", "taskpane", "functions", "cli"]],
    ["src/reports/**", ["read", "workbook", "app", "taskpane", "functions", "cli"]],
    // app/ works over the port only: never the file or Office implementation directly.
    ["src/app/**", ["taskpane", "functions", "cli", "workbook/file", "workbook/office"]],
  ].map(([files, above]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "@fluentui/*"], message: "UI hör hemma i taskpane/." },
            { group: ["exceljs"], message: "ExcelJS hör hemma i workbook/file/." },
            {
              group: above
                .map((layer) => `**/${layer}/**`)
                .concat(above.map((layer) => `../${layer}`)),
              message: "Lagren pekar bara nedåt (design.md).",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "OfficeRuntime", "CustomFunctions"],
    },
  })),
  prettier,
);
