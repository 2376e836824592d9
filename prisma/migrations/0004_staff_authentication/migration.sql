-- Issue #6, point 1: staff sign-in with e-mail, password and TOTP (second
-- factor), server-side staff sessions, single-use recovery codes
-- (docs/decisions/008-staff-authentication.md).

-- Failure counters live in login_throttle ("staff:<uuid>"), as for applicants
-- (migration 0002), so unknown e-mail addresses are throttled like real accounts.
ALTER TABLE staff_user
  DROP COLUMN failed_attempts,
  DROP COLUMN locked_until,
  -- The last TOTP time step accepted: a code is never accepted twice (RFC 6238, 5.2).
  ADD COLUMN totp_last_step bigint CHECK (totp_last_step >= 0),
  ADD CONSTRAINT staff_user_password_argon2id CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%'),
  -- AES-256-GCM under a key derived from APP_SECRET (src/server/crypto/secret-box.ts).
  ADD CONSTRAINT staff_user_totp_secret_sealed CHECK (totp_secret IS NULL OR totp_secret ~ '^v1\.[A-Za-z0-9_-]+$'),
  ADD CONSTRAINT staff_user_totp_step_enrolled CHECK (totp_last_step IS NULL OR totp_secret IS NOT NULL);

-- A staff session is first a short sign-in challenge (password checked, second
-- factor awaited: second_factor_at NULL, at most 10 minutes), then, once the
-- code is checked, a full session (a new row and token).
ALTER TABLE staff_session
  ADD COLUMN second_factor_at timestamptz(3),
  ADD CONSTRAINT staff_session_challenge_short CHECK (second_factor_at IS NOT NULL OR expires_at <= created_at + interval '10 minutes');

-- Ten single-use recovery codes per staff user, shown once; only a keyed hash is kept.
CREATE TABLE staff_recovery_code (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_user_id  uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE ON UPDATE CASCADE,
  code_hash      text NOT NULL UNIQUE CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  used_at        timestamptz(3)
);
CREATE INDEX staff_recovery_code_staff_user_id_idx ON staff_recovery_code (staff_user_id);
