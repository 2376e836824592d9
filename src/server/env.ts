// The one place that reads process.env (../shared/CONVENTIONS.md, "Configuration").
// Parsed with zod once, failing with a message that names each bad variable
// without ever echoing a secret's value.
import { z } from "zod";

const postgresUrl = z
  .string()
  .url("must be a URL such as postgres://user:password@host:5432/epns")
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://");

/** A secret given as base64 (or hex) of at least 32 random bytes. */
const secretKey = z
  .string({ error: "is required (32 random bytes, base64: `openssl rand -base64 32`)" })
  .transform((value, ctx) => {
    const bytes = /^[0-9a-f]+$/i.test(value) && value.length % 2 === 0 ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
    if (bytes.length < 32) {
      ctx.addIssue({ code: "custom", message: "must be at least 32 random bytes, base64 or hex encoded" });
      return z.NEVER;
    }
    return bytes;
  });

const optionalUrl = (protocols: string[], example: string) =>
  z
    .string()
    .url(`must be a URL such as ${example}`)
    .refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), `must start with ${protocols.join(":// or ")}://`)
    .optional();

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** PostgreSQL server. The local launcher (npm run dev) fills it with an embedded server when unset. */
    DATABASE_URL: postgresUrl,
    /** Public address of the portal, printed on key letters and used in e-mails. */
    APP_URL: z.string().url("must be the portal's public URL, such as https://epns.ofpra.gouv.fr").default("http://localhost:3000"),
    /** Keys hashes of connection keys, recovery tokens and codes (HMAC-SHA-256). */
    APP_SECRET: secretKey,
    /** Wraps the per-document data keys of the blob store (AES-256-GCM). */
    BLOB_MASTER_KEY: secretKey,
    /**
     * Former master keys, still accepted for reading until `npm run keys:rewrap`
     * has moved every data key under BLOB_MASTER_KEY (docs/key-management.md).
     * Comma-separated, same encoding as BLOB_MASTER_KEY; unset → none.
     */
    BLOB_MASTER_KEYS_PREVIOUS: z
      .string()
      .transform((value, ctx) => {
        const keys = value.split(",").map((part) => part.trim()).filter(Boolean);
        const parsed = keys.map((key) => secretKey.safeParse(key));
        if (parsed.some((result) => !result.success)) {
          ctx.addIssue({ code: "custom", message: "must be keys of at least 32 random bytes, base64 or hex, separated by commas" });
          return z.NEVER;
        }
        return parsed.map((result) => result.data!);
      })
      .default([]),
    BLOB_STORE: z.enum(["fs", "s3"], { error: 'must be "fs" or "s3"' }).default("fs"),
    BLOB_DIR: z.string().min(1).default(".data/blobs"),
    S3_ENDPOINT: optionalUrl(["http", "https"], "https://s3.example.gouv.fr"),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default("eu-west-3"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** SMTP relay; the local launcher points it at its catcher when unset. */
    SMTP_URL: optionalUrl(["smtp", "smtps"], "smtp://relay.example:587"),
    SMTP_FROM: z.string().min(3).default("OFPRA - Espace personnel <ne-pas-repondre@epns.localhost>"),
    /** Twilio-compatible SMS API; the local launcher points it at its sink when unset. */
    SMS_API_URL: optionalUrl(["http", "https"], "https://api.twilio.com"),
    SMS_ACCOUNT_SID: z.string().min(1).optional(),
    SMS_AUTH_TOKEN: z.string().min(1).optional(),
    SMS_FROM: z.string().min(1).default("OFPRA"),
    /** RFC 3161 time-stamping authority; unset → the built-in TSA (called in process; also served at /api/tsa). */
    TSA_URL: optionalUrl(["http", "https"], "https://tsa.example.eu/tsa"),
    /** CA certificate(s), PEM, that the TSA_URL certificate must chain to; unset → tokens are checked without a chain. */
    TSA_CA_PEM_PATH: z.string().min(1).optional(),
    /** OFPRA seal certificate (PKCS#12); unset → a generated development certificate. */
    SEAL_P12_PATH: z.string().min(1).optional(),
    SEAL_P12_PASSWORD: z.string().optional(),
    /** CA certificate(s), PEM, that sealed PDFs must chain to on /verify; unset → the top of the seal's own chain (or the development CA). */
    SEAL_CA_PEM_PATH: z.string().min(1).optional(),
    /** Upper bound of a deposited PDF, in bytes (default 20 MiB). */
    DOCUMENT_MAX_BYTES: z.coerce.number({ error: "must be a number of bytes" }).int().positive().max(200 * 1024 * 1024).default(20 * 1024 * 1024),
    /**
     * argon2id cost of applicant and staff passwords. Never below OWASP's
     * minimum (m = 19 MiB, t = 2, p = 1); the default (64 MiB, t = 2) takes
     * ~225 ms per hash on the 2-core reference machine (issue #4 closing note).
     */
    ARGON2_MEMORY_KIB: z.coerce.number().int().min(19_456, "must be at least 19456 (OWASP minimum, 19 MiB)").max(1_048_576).default(65_536),
    ARGON2_TIME_COST: z.coerce.number().int().min(2, "must be at least 2 (OWASP minimum)").max(10).default(2),
    /** Reminders of an unopened document, in days after its availability (issue #5: default day 7 and day 13). */
    DOCUMENT_REMINDER_DAYS: z
      .string()
      .regex(/^\d{1,2}(,\d{1,2})*$/, "must be day numbers separated by commas, such as 7,13")
      .transform((value) => [...new Set(value.split(",").map(Number))].sort((a, b) => a - b))
      .refine((days) => days.every((day) => day >= 1 && day <= 14), "each day must be between 1 and 14 (the period ends on day 15)")
      .default([7, 13]),
    /**
     * Retention and deactivation (issue #7, point 2; docs/decisions/010-audit-chain-and-retention.md).
     * Connection logs (sessions, login history, the audit log) are kept this many days: seed 003,
     * "log data is kept for 1 year"; never less (the purge function refuses it too).
     */
    LOG_RETENTION_DAYS: z.coerce.number({ error: "must be a number of days" }).int().min(365, "must be at least 365 (seed 003: logs are kept one year)").max(3650).default(365),
    /** Seed 000, art. 9: the space is deactivated at most one year after the decision's notification. */
    DEACTIVATION_AFTER_DECISION_DAYS: z.coerce.number({ error: "must be a number of days" }).int().min(1).max(365, "must be at most 365 (seed 000, art. 9: one year at most)").default(365),
    /** Notices of the coming deactivation, in days before it (default 30 and 7). */
    DEACTIVATION_NOTICE_DAYS: z
      .string()
      .regex(/^\d{1,3}(,\d{1,3})*$/, "must be day numbers separated by commas, such as 30,7")
      .transform((value) => [...new Set(value.split(",").map(Number))].sort((a, b) => b - a))
      .refine((days) => days.every((day) => day >= 1 && day <= 90), "each day must be between 1 and 90")
      .default([30, 7]),
    /** An account not activated this many days after its registration is reported to OFPRA agents and its host structure. */
    ACTIVATION_OVERDUE_DAYS: z.coerce.number({ error: "must be a number of days" }).int().min(1).max(365).default(30),
    /** Receipts and proofs are kept this many days after the decision can no longer be challenged (default one year). */
    PROOF_RETENTION_DAYS_AFTER_FINAL: z.coerce.number({ error: "must be a number of days" }).int().min(0).max(36_500).default(365),
    /** Where local parts keep their files (embedded database, caught mail and SMS, dev keys). */
    LOCAL_DATA_DIR: z.string().min(1).default(".data"),
  })
  .superRefine((value, ctx) => {
    if (value.BLOB_STORE === "s3") {
      for (const key of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
        if (!value[key]) ctx.addIssue({ code: "custom", path: [key], message: 'is required when BLOB_STORE is "s3"' });
      }
    }
    if (value.SMS_API_URL) {
      for (const key of ["SMS_ACCOUNT_SID", "SMS_AUTH_TOKEN"] as const) {
        if (!value[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when SMS_API_URL is set" });
      }
    }
    if (value.SEAL_P12_PATH && value.SEAL_P12_PASSWORD === undefined) {
      ctx.addIssue({ code: "custom", path: ["SEAL_P12_PASSWORD"], message: "is required when SEAL_P12_PATH is set" });
    }
    if (value.APP_SECRET.equals(value.BLOB_MASTER_KEY)) {
      ctx.addIssue({ code: "custom", path: ["BLOB_MASTER_KEY"], message: "must differ from APP_SECRET" });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee README.md, "Configuration".`);
    this.name = "ConfigurationError";
  }
}

/** Parses a set of variables; empty strings count as unset. Throws ConfigurationError. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, emptyToUndefined(v)]));
  const result = ZEnv.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigurationError(
    result.error.issues.map((issue) => {
      const name = issue.path.join(".") || "(configuration)";
      const message = issue.code === "invalid_type" && cleaned[name] === undefined ? "is required" : issue.message;
      return `${name} ${message}`;
    }),
  );
}

/** Only DATABASE_URL, for tools that need nothing else (npm run db:migrate). */
export function databaseUrlFromEnv(source: Record<string, string | undefined> = process.env): string {
  const result = postgresUrl.safeParse(emptyToUndefined(source.DATABASE_URL));
  if (result.success) return result.data;
  throw new ConfigurationError([`DATABASE_URL ${source.DATABASE_URL ? result.error.issues[0]?.message : "is required"}`]);
}

/** Only DOCUMENT_MAX_BYTES, for next.config.ts (the upload limit of server actions). */
export function documentMaxBytesFromEnv(source: Record<string, string | undefined> = process.env): number {
  const result = ZEnv.shape.DOCUMENT_MAX_BYTES.safeParse(emptyToUndefined(source.DOCUMENT_MAX_BYTES));
  if (result.success) return result.data;
  throw new ConfigurationError([`DOCUMENT_MAX_BYTES ${result.error.issues[0]?.message}`]);
}

let cached: TEnv | undefined;

/** The validated configuration of this process (parsed on first use). */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests only: forget the parsed configuration after changing process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
