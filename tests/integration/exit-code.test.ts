// A process that loads the embedded PostgreSQL keeps its exit code: the
// library's exit hook used to turn it into 0 when the event loop drained, so
// `npm test` reported failing integration tests and still exited 0.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("exit code with embedded PostgreSQL loaded", () => {
  it("is the one the process set", () => {
    const script = `await import("./src/server/local/embedded-postgres.ts"); process.exitCode = 3;`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).not.toContain("done is not a function");
    expect(run.status).toBe(3);
  });
});
