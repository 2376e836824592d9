-- Issue #6, point 8: the OFPRA administrator creates staff accounts with an
-- invitation link (single use, expiring). Only a keyed hash (HMAC-SHA-256
-- under a key derived from APP_SECRET, src/server/crypto/keyed-hash.ts) of the
-- link's token is kept, as for the applicants' one-time secrets (seed 000,
-- art. 5). A new invitation for the same staff user supersedes the previous one.
CREATE TABLE staff_invitation (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_user_id  uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE ON UPDATE CASCADE,
  token_hash     text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  -- The administrator who sent it (kept when that account goes: SET NULL).
  invited_by_id  uuid REFERENCES staff_user(id) ON DELETE SET NULL ON UPDATE CASCADE,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  expires_at     timestamptz(3) NOT NULL,
  used_at        timestamptz(3),
  superseded_at  timestamptz(3),
  CONSTRAINT staff_invitation_expires_after_creation CHECK (expires_at > created_at),
  CONSTRAINT staff_invitation_used_or_superseded CHECK (used_at IS NULL OR superseded_at IS NULL)
);
CREATE INDEX staff_invitation_staff_user_id_idx ON staff_invitation (staff_user_id);
CREATE INDEX staff_invitation_invited_by_id_idx ON staff_invitation (invited_by_id);
-- At most one live invitation per staff user.
CREATE UNIQUE INDEX staff_invitation_one_open_per_user ON staff_invitation (staff_user_id) WHERE used_at IS NULL AND superseded_at IS NULL;
