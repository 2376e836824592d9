-- Issue #6, points 3-5: exemption from electronic notification and the postal
-- track (R.723-19 CESEDA, fifth paragraph, named by seed 000, art. 1; CE 26 March
-- 2025 n°488274).

-- Each marking and lifting of an exemption, with who and why: the file shows the
-- history. applicant.exempt / exemption_reason / exempted_at keep the current state.
CREATE TYPE "ExemptionEventKind" AS ENUM ('EXEMPTED', 'LIFTED');

CREATE TABLE applicant_exemption_event (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  applicant_id   uuid NOT NULL REFERENCES applicant(id) ON DELETE CASCADE ON UPDATE CASCADE,
  kind           "ExemptionEventKind" NOT NULL,
  -- A code from a short list (src/lib/exemption-reasons.ts), never free personal data.
  reason         text CHECK (reason ~ '^[A-Z_]{2,40}$'),
  -- The agent's note: at most 500 characters.
  note           text CHECK (length(note) <= 500),
  staff_user_id  uuid REFERENCES staff_user(id) ON DELETE SET NULL ON UPDATE CASCADE,
  occurred_at    timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT applicant_exemption_event_reason_when_exempted CHECK ((kind = 'EXEMPTED') = (reason IS NOT NULL))
);
CREATE INDEX applicant_exemption_event_applicant_id_occurred_at_idx ON applicant_exemption_event (applicant_id, occurred_at);

-- The postal track records metadata only: EPNS keeps no copy of a letter it
-- does not make available (seed 000, art. 9: data limited to the purpose). So a
-- POSTAL document has no stored PDF; every other state has one.
ALTER TABLE document
  ALTER COLUMN storage_key DROP NOT NULL,
  ALTER COLUMN sha256 DROP NOT NULL,
  ALTER COLUMN size_bytes DROP NOT NULL,
  ALTER COLUMN data_key_wrapped DROP NOT NULL,
  ALTER COLUMN master_key_id DROP NOT NULL,
  -- The registered letter's number (lettre recommandée avec accusé de réception), when known.
  ADD COLUMN postal_tracking_number text CHECK (postal_tracking_number ~ '^[0-9A-Z]{6,20}$'),
  ADD CONSTRAINT document_content_unless_postal CHECK (
    state = 'POSTAL'
    OR (storage_key IS NOT NULL AND sha256 IS NOT NULL AND size_bytes IS NOT NULL AND data_key_wrapped IS NOT NULL AND master_key_id IS NOT NULL)),
  ADD CONSTRAINT document_postal_metadata_only CHECK (
    state <> 'POSTAL'
    OR (storage_key IS NULL AND sha256 IS NULL AND size_bytes IS NULL AND data_key_wrapped IS NULL AND master_key_id IS NULL)),
  ADD CONSTRAINT document_tracking_number_only_on_postal_track CHECK (state = 'POSTAL' OR postal_tracking_number IS NULL),
  -- Sent first; then either received (AR signed) or returned (not delivered / not claimed), never both.
  ADD CONSTRAINT document_postal_dates_in_order CHECK (
    ((postal_received_at IS NULL AND postal_returned_at IS NULL) OR postal_sent_at IS NOT NULL)
    AND (postal_received_at IS NULL OR postal_returned_at IS NULL)
    AND (postal_received_at IS NULL OR postal_received_at >= postal_sent_at)
    AND (postal_returned_at IS NULL OR postal_returned_at >= postal_sent_at));
