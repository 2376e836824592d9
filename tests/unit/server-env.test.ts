// Configuration is validated once, with a clear message per bad variable
// (../shared/CONVENTIONS.md, "Configuration"). parseEnv is pure.
import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "../../src/server/env";

const secret = (byte: number) => Buffer.alloc(32, byte).toString("base64");
const valid = { DATABASE_URL: "postgres://u:p@127.0.0.1:5432/epns", APP_SECRET: secret(1), BLOB_MASTER_KEY: secret(2) };

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("accepts a minimal configuration and fills the local defaults", () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({ NODE_ENV: "development", BLOB_STORE: "fs", DOCUMENT_MAX_BYTES: 20 * 1024 * 1024, APP_URL: "http://localhost:3000" });
    expect(env.APP_SECRET).toHaveLength(32);
  });

  it("reads the retention settings with their legal defaults and bounds (seed 000, art. 9; seed 003)", () => {
    expect(parseEnv(valid)).toMatchObject({ LOG_RETENTION_DAYS: 365, DEACTIVATION_AFTER_DECISION_DAYS: 365, DEACTIVATION_NOTICE_DAYS: [30, 7], ACTIVATION_OVERDUE_DAYS: 30, PROOF_RETENTION_DAYS_AFTER_FINAL: 365 });
    expect(parseEnv({ ...valid, DEACTIVATION_NOTICE_DAYS: "7,30,14" }).DEACTIVATION_NOTICE_DAYS).toEqual([30, 14, 7]);
    expect(problems({ ...valid, LOG_RETENTION_DAYS: "364" })).toEqual(["LOG_RETENTION_DAYS must be at least 365 (seed 003: logs are kept one year)"]);
    expect(problems({ ...valid, DEACTIVATION_AFTER_DECISION_DAYS: "366" })).toEqual(["DEACTIVATION_AFTER_DECISION_DAYS must be at most 365 (seed 000, art. 9: one year at most)"]);
    expect(problems({ ...valid, DEACTIVATION_NOTICE_DAYS: "0" })).toEqual(["DEACTIVATION_NOTICE_DAYS each day must be between 1 and 90"]);
  });

  it("reads the document reminder days (default 7 and 13) and refuses days outside the period", () => {
    expect(parseEnv(valid).DOCUMENT_REMINDER_DAYS).toEqual([7, 13]);
    expect(parseEnv({ ...valid, DOCUMENT_REMINDER_DAYS: "10,3,10" }).DOCUMENT_REMINDER_DAYS).toEqual([3, 10]);
    expect(problems({ ...valid, DOCUMENT_REMINDER_DAYS: "7,15" })).toEqual(["DOCUMENT_REMINDER_DAYS each day must be between 1 and 14 (the period ends on day 15)"]);
    expect(problems({ ...valid, DOCUMENT_REMINDER_DAYS: "seven" })[0]).toMatch(/^DOCUMENT_REMINDER_DAYS must be day numbers/);
  });

  it("refuses an argon2 cost below OWASP's minimum", () => {
    expect(problems({ ...valid, ARGON2_MEMORY_KIB: "8192" })[0]).toMatch(/^ARGON2_MEMORY_KIB must be at least 19456/);
    expect(problems({ ...valid, ARGON2_TIME_COST: "1" })[0]).toMatch(/^ARGON2_TIME_COST must be at least 2/);
  });

  it("accepts hex secrets too", () => {
    expect(parseEnv({ ...valid, APP_SECRET: "ab".repeat(32) }).APP_SECRET.toString("hex")).toBe("ab".repeat(32));
  });

  it("reports every missing variable at once", () => {
    expect(problems({})).toEqual([
      expect.stringMatching(/^DATABASE_URL is required/),
      expect.stringMatching(/^APP_SECRET is required/),
      expect.stringMatching(/^BLOB_MASTER_KEY is required/),
    ]);
  });

  it("counts empty strings as unset", () => {
    expect(problems({ ...valid, DATABASE_URL: "" })).toEqual([expect.stringMatching(/^DATABASE_URL is required/)]);
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/epns" }, /^DATABASE_URL must start with postgres/],
    [{ DATABASE_URL: "not a url" }, /^DATABASE_URL must be a URL/],
    [{ APP_SECRET: secret(1).slice(0, 20) }, /^APP_SECRET must be at least 32 random bytes/],
    [{ BLOB_MASTER_KEY: secret(1) }, /^BLOB_MASTER_KEY must differ from APP_SECRET/],
    [{ BLOB_STORE: "ftp" }, /^BLOB_STORE must be "fs" or "s3"/],
    [{ BLOB_STORE: "s3" }, /^S3_ENDPOINT is required when BLOB_STORE is "s3"/],
    [{ SMTP_URL: "http://relay" }, /^SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    [{ DOCUMENT_MAX_BYTES: "lots" }, /^DOCUMENT_MAX_BYTES must be a number of bytes/],
    [{ DOCUMENT_MAX_BYTES: "-1" }, /^DOCUMENT_MAX_BYTES/],
    [{ SEAL_P12_PATH: "/run/secrets/seal.p12" }, /^SEAL_P12_PASSWORD is required when SEAL_P12_PATH is set/],
    [{ NODE_ENV: "staging" }, /^NODE_ENV/],
    [{ SMS_API_URL: "https://api.twilio.com" }, /^SMS_ACCOUNT_SID is required when SMS_API_URL is set/],
  ])("refuses %j with a message naming the variable", (override, message) => {
    const found = problems({ ...valid, ...override });
    expect(found.some((p) => message.test(p))).toBe(true);
  });

  it("never echoes a secret value in its message", () => {
    const leaked = "c2VjcmV0LXZhbHVlLXRoYXQtaXMtdG9vLXNob3J0";
    const error = (() => {
      try {
        parseEnv({ ...valid, APP_SECRET: leaked });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain("APP_SECRET");
    expect(error?.message).not.toContain(leaked);
  });
});
