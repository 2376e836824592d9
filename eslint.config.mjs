// Lint rules, including the layer boundaries of ../shared/CONVENTIONS.md:
// app → features → server → lib, one way only.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ group: forbidden, message }] }],
  },
});

const config = [
  { ignores: ["node_modules/", ".next/", ".data/", "src/server/db/generated/", "public/dsfr/", "next-env.d.ts", "test-results/", "playwright-report/"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  layer(
    ["src/lib/**"],
    ["@/app/*", "@/features/*", "@/server/*", "@/worker/*", "**/app/*", "**/features/*", "**/server/*", "fs", "fs/*", "node:fs", "node:fs/*", "net", "node:net", "http", "node:http", "https", "node:https", "child_process", "node:child_process", "pg", "@prisma/*"],
    "src/lib holds pure functions: no I/O and no imports from other layers.",
  ),
  layer(
    ["src/server/**", "src/worker/**"],
    ["@/app/*", "@/features/*", "**/app/*", "**/features/*"],
    "src/server never imports UI code (app, features).",
  ),
  layer(
    ["src/features/**"],
    ["@/app/*", "**/app/*", "@/server/db/*", "**/server/db/*"],
    "features may call server use cases, never the app layer nor the database directly.",
  ),
  layer(
    ["src/app/**"],
    ["@/server/db/*", "**/server/db/*"],
    "Pages and routes go through a server use case, never the database directly.",
  ),
];

export default config;
