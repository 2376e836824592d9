import { afterEach, describe, expect, it } from "vitest";
import { disconnectDb } from "../../src/server/db/client";
import { resetEnvForTests } from "../../src/server/env";
import { checkHealth } from "../../src/server/health/check-health";
import { freePort } from "../../src/server/local/free-port";

describe("checkHealth (GET /api/health)", () => {
  const realUrl = process.env.DATABASE_URL;

  afterEach(async () => {
    process.env.DATABASE_URL = realUrl;
    resetEnvForTests();
    await disconnectDb();
  });

  it("reports ok when the database answers", async () => {
    expect(await checkHealth()).toEqual({ status: "ok" });
  });

  it("reports unavailable, with no detail, when the database does not answer", async () => {
    await disconnectDb();
    process.env.DATABASE_URL = `postgres://postgres:secret-password@127.0.0.1:${await freePort()}/epns`;
    resetEnvForTests();
    const health = await checkHealth();
    expect(health).toEqual({ status: "unavailable" });
    expect(JSON.stringify(health)).not.toContain("secret-password");
  });
});
