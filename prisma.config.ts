// Prisma CLI configuration. Only `prisma generate` runs here: migrations are
// plain SQL applied by src/server/db/migrate.ts (docs/decisions/002).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
});
