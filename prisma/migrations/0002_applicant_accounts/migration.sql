-- Issue #4: applicant accounts. Failure counters move from the credential row
-- to login_throttle so that unknown identifiers are throttled exactly like
-- real accounts (no account enumeration, seed 002; CNIL deliberation 2022-100).

ALTER TABLE applicant_credential
  DROP COLUMN failed_attempts,
  DROP COLUMN last_failed_at,
  DROP COLUMN locked_until;

-- Per-account restriction of password guessing (CNIL deliberation 2022-100,
-- see src/lib/login-throttle-policy.ts). subject is "applicant:<uuid>" for an
-- existing account, "unknown:<keyed hash of the identifier>" otherwise.
CREATE TABLE login_throttle (
  subject               text PRIMARY KEY CHECK (length(subject) BETWEEN 1 AND 200),
  consecutive_failures  integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  window_started_at     timestamptz(3),
  window_failures       integer NOT NULL DEFAULT 0 CHECK (window_failures >= 0),
  locked_until          timestamptz(3),
  updated_at            timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX login_throttle_updated_at_idx ON login_throttle (updated_at);

-- Fixed-window per-IP rate limits (login, activation, recovery). key is
-- "<action>:<ip>"; rows are small and purged once their window is over.
CREATE TABLE rate_limit (
  key                text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
  window_started_at  timestamptz(3) NOT NULL,
  hits               integer NOT NULL CHECK (hits >= 0)
);
CREATE INDEX rate_limit_window_started_at_idx ON rate_limit (window_started_at);

-- Single-use secrets sent to an applicant: recovery link (e-mail), recovery
-- code (SMS), confirmation codes for a new e-mail address or mobile number.
-- Only a keyed hash is stored (seed 000, art. 3; seed 003).
CREATE TYPE "OneTimeSecretPurpose" AS ENUM ('RECOVERY_LINK', 'RECOVERY_SMS_CODE', 'CONFIRM_EMAIL', 'CONFIRM_PHONE');

CREATE TABLE applicant_one_time_secret (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  applicant_id  uuid NOT NULL REFERENCES applicant(id) ON DELETE CASCADE ON UPDATE CASCADE,
  purpose       "OneTimeSecretPurpose" NOT NULL,
  secret_hash   text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  -- The e-mail address or E.164 number being confirmed (CONFIRM_* only).
  target        text,
  attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  expires_at    timestamptz(3) NOT NULL,
  used_at       timestamptz(3),
  CONSTRAINT applicant_one_time_secret_expires_after_creation CHECK (expires_at > created_at),
  CONSTRAINT applicant_one_time_secret_target_for_confirmation
    CHECK ((purpose IN ('CONFIRM_EMAIL', 'CONFIRM_PHONE')) = (target IS NOT NULL))
);
CREATE INDEX applicant_one_time_secret_applicant_id_purpose_idx ON applicant_one_time_secret (applicant_id, purpose);
CREATE UNIQUE INDEX applicant_one_time_secret_secret_hash_key ON applicant_one_time_secret (secret_hash);
