-- EPNS initial schema. Mirrors prisma/schema.prisma (checked by
-- tests/integration/schema-drift.test.ts) and adds what Prisma cannot say:
-- CHECK constraints, partial indexes and the append-only audit trigger.

CREATE TYPE "StructureKind" AS ENUM ('OFPRA', 'GUDA', 'SPADA', 'CADA', 'DOMICILIATION', 'CNDA');
CREATE TYPE "ApplicantState" AS ENUM ('PENDING', 'ACTIVE', 'DEACTIVATED');
CREATE TYPE "StaffRole" AS ENUM ('OFPRA_AGENT', 'OFPRA_ADMIN', 'GUDA_AGENT', 'HOST_STRUCTURE_STAFF', 'CNDA_STAFF');
CREATE TYPE "DocumentType" AS ENUM ('CONVOCATION', 'DECISION', 'INTRODUCTION_LETTER', 'OTHER_LETTER');
CREATE TYPE "DocumentState" AS ENUM ('PENDING', 'AVAILABLE', 'OPENED', 'DEEMED_RECEIVED', 'POSTAL');
CREATE TYPE "ReceiptKind" AS ENUM ('AVAILABILITY', 'RECEPTION');
CREATE TYPE "ReceptionBasis" AS ENUM ('OPENED', 'DEEMED');
CREATE TYPE "OutboxChannel" AS ENUM ('EMAIL', 'SMS');
CREATE TYPE "OutboxStatus" AS ENUM ('QUEUED', 'SENDING', 'DELIVERED', 'TEMPORARY_FAILURE', 'PERMANENT_FAILURE');
CREATE TYPE "ActorType" AS ENUM ('ANONYMOUS', 'APPLICANT', 'STAFF', 'SYSTEM');

CREATE TABLE structure (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind        "StructureKind" NOT NULL,
  name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  department  text CHECK (department ~ '^([0-9]{2}|2A|2B|97[1-6])$'),
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT structure_kind_name_key UNIQUE (kind, name),
  -- A guichet unique belongs to a prefecture, hence to a department.
  CONSTRAINT structure_guda_has_department CHECK (kind <> 'GUDA' OR department IS NOT NULL)
);

CREATE TABLE staff_user (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email             text NOT NULL UNIQUE CHECK (email = lower(email) AND email ~ '^[^@\s]+@[^@\s]+$'),
  role              "StaffRole" NOT NULL,
  structure_id      uuid NOT NULL REFERENCES structure(id) ON DELETE RESTRICT ON UPDATE CASCADE,
  password_hash     text,
  totp_secret       text,
  totp_enrolled_at  timestamptz(3),
  failed_attempts   integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until      timestamptz(3),
  last_login_at     timestamptz(3),
  disabled_at       timestamptz(3),
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT staff_user_totp_enrolled CHECK (totp_enrolled_at IS NULL OR totp_secret IS NOT NULL)
);
CREATE INDEX staff_user_structure_id_idx ON staff_user (structure_id);

CREATE TABLE applicant (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- seed 000, art. 3: numéro AGDREF 2, 10 digits.
  agdref_number              text NOT NULL UNIQUE CHECK (agdref_number ~ '^[0-9]{10}$'),
  -- seed 000, art. 4: numéro OFPRA (see src/lib/identifiers.ts for the format).
  ofpra_number               text UNIQUE CHECK (ofpra_number ~ '^[0-9]{2}-[0-9]{8}$'),
  host_structure_id          uuid REFERENCES structure(id) ON DELETE RESTRICT ON UPDATE CASCADE,
  registration_structure_id  uuid REFERENCES structure(id) ON DELETE RESTRICT ON UPDATE CASCADE,
  email                      text CHECK (email = lower(email) AND length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+$'),
  email_verified_at          timestamptz(3),
  phone                      text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  phone_verified_at          timestamptz(3),
  language                   text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en', 'ar')),
  state                      "ApplicantState" NOT NULL DEFAULT 'PENDING',
  exempt                     boolean NOT NULL DEFAULT false,
  exemption_reason           text,
  exempted_at                timestamptz(3),
  activated_at               timestamptz(3),
  last_login_at              timestamptz(3),
  decision_notified_at       timestamptz(3),
  deactivated_at             timestamptz(3),
  created_at                 timestamptz(3) NOT NULL DEFAULT now(),
  updated_at                 timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT applicant_exemption_complete CHECK (
    (exempt AND exemption_reason IS NOT NULL AND length(btrim(exemption_reason)) > 0 AND exempted_at IS NOT NULL)
    OR (NOT exempt AND exemption_reason IS NULL AND exempted_at IS NULL)),
  CONSTRAINT applicant_active_has_activation CHECK (state <> 'ACTIVE' OR activated_at IS NOT NULL),
  CONSTRAINT applicant_deactivated_has_date CHECK ((state = 'DEACTIVATED') = (deactivated_at IS NOT NULL)),
  CONSTRAINT applicant_email_verified_needs_email CHECK (email_verified_at IS NULL OR email IS NOT NULL),
  CONSTRAINT applicant_phone_verified_needs_phone CHECK (phone_verified_at IS NULL OR phone IS NOT NULL)
);
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
CREATE TRIGGER applicant_set_updated_at BEFORE UPDATE ON applicant
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX applicant_host_structure_id_idx ON applicant (host_structure_id);
CREATE INDEX applicant_registration_structure_id_idx ON applicant (registration_structure_id);
-- The 15-day reminder job looks for active applicants by last login.
CREATE INDEX applicant_active_last_login_idx ON applicant (last_login_at) WHERE state = 'ACTIVE';

CREATE TABLE connection_key (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  applicant_id  uuid NOT NULL REFERENCES applicant(id) ON DELETE CASCADE ON UPDATE CASCADE,
  key_hash      text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  issued_at     timestamptz(3) NOT NULL DEFAULT now(),
  issued_by_id  uuid REFERENCES staff_user(id) ON DELETE SET NULL ON UPDATE CASCADE,
  used_at       timestamptz(3),
  revoked_at    timestamptz(3)
);
CREATE INDEX connection_key_applicant_id_idx ON connection_key (applicant_id);
-- seed 000, art. 2: one valid key per applicant; reissuing revokes the previous one.
CREATE UNIQUE INDEX connection_key_one_valid_per_applicant ON connection_key (applicant_id) WHERE revoked_at IS NULL;

CREATE TABLE applicant_credential (
  applicant_id         uuid PRIMARY KEY REFERENCES applicant(id) ON DELETE CASCADE ON UPDATE CASCADE,
  password_hash        text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  password_changed_at  timestamptz(3) NOT NULL DEFAULT now(),
  failed_attempts      integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  last_failed_at       timestamptz(3),
  locked_until         timestamptz(3)
);

CREATE TABLE applicant_session (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  applicant_id  uuid NOT NULL REFERENCES applicant(id) ON DELETE CASCADE ON UPDATE CASCADE,
  token_hash    text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at  timestamptz(3) NOT NULL DEFAULT now(),
  expires_at    timestamptz(3) NOT NULL,
  revoked_at    timestamptz(3),
  ip_masked     text,
  device        text,
  CONSTRAINT applicant_session_expires_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX applicant_session_applicant_id_created_at_idx ON applicant_session (applicant_id, created_at);

CREATE TABLE staff_session (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_user_id  uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE ON UPDATE CASCADE,
  token_hash     text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at   timestamptz(3) NOT NULL DEFAULT now(),
  expires_at     timestamptz(3) NOT NULL,
  revoked_at     timestamptz(3),
  CONSTRAINT staff_session_expires_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX staff_session_staff_user_id_idx ON staff_session (staff_user_id);

CREATE TABLE document (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  applicant_id        uuid NOT NULL REFERENCES applicant(id) ON DELETE RESTRICT ON UPDATE CASCADE,
  type                "DocumentType" NOT NULL,
  reference           text NOT NULL UNIQUE CHECK (length(reference) BETWEEN 1 AND 64),
  storage_key         text NOT NULL UNIQUE,
  sha256              text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes          integer NOT NULL CHECK (size_bytes > 0),
  state               "DocumentState" NOT NULL DEFAULT 'PENDING',
  deposited_by_id     uuid REFERENCES staff_user(id) ON DELETE SET NULL ON UPDATE CASCADE,
  deposited_at        timestamptz(3) NOT NULL DEFAULT now(),
  available_at        timestamptz(3),
  deadline_at         timestamptz(3),
  first_opened_at     timestamptz(3),
  idempotency_key     text UNIQUE,
  postal_sent_at      timestamptz(3),
  postal_received_at  timestamptz(3),
  postal_returned_at  timestamptz(3),
  -- seed 000, art. 6: visible only together with its availability time (and so its receipt).
  CONSTRAINT document_visible_has_availability CHECK (
    state IN ('PENDING', 'POSTAL') OR (available_at IS NOT NULL AND deadline_at IS NOT NULL)),
  CONSTRAINT document_pending_not_available CHECK (
    state NOT IN ('PENDING', 'POSTAL') OR (available_at IS NULL AND deadline_at IS NULL AND first_opened_at IS NULL)),
  CONSTRAINT document_deadline_after_availability CHECK (deadline_at IS NULL OR deadline_at > available_at),
  -- An opening after the deadline is still recorded, but the document stays DEEMED_RECEIVED.
  CONSTRAINT document_opened_has_time CHECK (
    (state = 'OPENED' AND first_opened_at IS NOT NULL)
    OR state = 'DEEMED_RECEIVED'
    OR (state IN ('PENDING', 'AVAILABLE', 'POSTAL') AND first_opened_at IS NULL)),
  CONSTRAINT document_opened_after_availability CHECK (first_opened_at IS NULL OR first_opened_at >= available_at),
  CONSTRAINT document_postal_dates_only_on_postal_track CHECK (
    state = 'POSTAL' OR (postal_sent_at IS NULL AND postal_received_at IS NULL AND postal_returned_at IS NULL))
);
CREATE INDEX document_applicant_id_deposited_at_idx ON document (applicant_id, deposited_at);
-- The deadline job scans only documents still awaiting their réception receipt:
-- its cost grows with documents due, not with all documents (issue: deadline sweep).
CREATE INDEX document_awaiting_reception_deadline_idx ON document (deadline_at) WHERE state = 'AVAILABLE';
-- The publisher retries documents waiting for their availability timestamp.
CREATE INDEX document_pending_idx ON document (deposited_at) WHERE state = 'PENDING';

CREATE TABLE receipt (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id      uuid NOT NULL REFERENCES document(id) ON DELETE RESTRICT ON UPDATE CASCADE,
  kind             "ReceiptKind" NOT NULL,
  basis            "ReceptionBasis",
  event_at         timestamptz(3) NOT NULL,
  timestamp_token  bytea,
  token_gen_time   timestamptz(3),
  tsa_name         text,
  tsa_serial       text,
  pdf_storage_key  text UNIQUE,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  -- seed 000, art. 6: exactly one accusé de mise à disposition and one accusé de réception per document.
  CONSTRAINT receipt_document_id_kind_key UNIQUE (document_id, kind),
  CONSTRAINT receipt_basis_only_for_reception CHECK ((kind = 'RECEPTION') = (basis IS NOT NULL)),
  -- The availability time is established by the timestamp itself: no token, no receipt.
  CONSTRAINT receipt_availability_has_token CHECK (kind <> 'AVAILABILITY' OR timestamp_token IS NOT NULL),
  CONSTRAINT receipt_token_fields_together CHECK (
    (timestamp_token IS NULL) = (token_gen_time IS NULL)
    AND (timestamp_token IS NULL) = (tsa_serial IS NULL)
    AND (timestamp_token IS NULL) = (tsa_name IS NULL))
);
-- The repair job finds réception receipts still waiting for their token.
CREATE INDEX receipt_awaiting_token_idx ON receipt (created_at) WHERE timestamp_token IS NULL;

CREATE TABLE outbox_message (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel          "OutboxChannel" NOT NULL,
  template         text NOT NULL CHECK (template ~ '^[a-z][a-z0-9_.-]*$'),
  recipient        text,
  params           jsonb NOT NULL DEFAULT '{}',
  applicant_id     uuid REFERENCES applicant(id) ON DELETE SET NULL ON UPDATE CASCADE,
  document_id      uuid REFERENCES document(id) ON DELETE SET NULL ON UPDATE CASCADE,
  dedupe_key       text UNIQUE,
  status           "OutboxStatus" NOT NULL DEFAULT 'QUEUED',
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error       text,
  next_attempt_at  timestamptz(3) NOT NULL DEFAULT now(),
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  delivered_at     timestamptz(3),
  CONSTRAINT outbox_message_params_object CHECK (jsonb_typeof(params) = 'object'),
  CONSTRAINT outbox_message_delivered_has_time CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL)),
  CONSTRAINT outbox_message_pending_has_recipient CHECK (
    status IN ('DELIVERED', 'PERMANENT_FAILURE') OR recipient IS NOT NULL)
);
CREATE INDEX outbox_message_document_id_idx ON outbox_message (document_id);
CREATE INDEX outbox_message_due_idx ON outbox_message (next_attempt_at) WHERE status IN ('QUEUED', 'TEMPORARY_FAILURE');

CREATE TABLE outbox_attempt (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id   uuid NOT NULL REFERENCES outbox_message(id) ON DELETE CASCADE ON UPDATE CASCADE,
  number       integer NOT NULL CHECK (number >= 1),
  status       "OutboxStatus" NOT NULL,
  error        text,
  started_at   timestamptz(3) NOT NULL DEFAULT now(),
  finished_at  timestamptz(3),
  CONSTRAINT outbox_attempt_message_id_number_key UNIQUE (message_id, number)
);

CREATE TABLE audit_event (
  seq          bigserial PRIMARY KEY,
  occurred_at  timestamptz(3) NOT NULL DEFAULT now(),
  actor_type   "ActorType" NOT NULL,
  actor_id     text,
  action       text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.-]*$'),
  target_type  text,
  target_id    text,
  ip           text,
  user_agent   text,
  details      jsonb NOT NULL DEFAULT '{}',
  prev_hash    text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash         text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- A chain cannot fork: each hash is the predecessor of at most one event.
  CONSTRAINT audit_event_prev_hash_key UNIQUE (prev_hash)
);
CREATE INDEX audit_event_target_type_target_id_idx ON audit_event (target_type, target_id);
CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);

-- seed 000, art. 5 (traçabilité): the audit log is append-only.
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

CREATE TABLE audit_anchor (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  day              date NOT NULL UNIQUE,
  head_seq         bigint NOT NULL,
  head_hash        text NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
  timestamp_token  bytea NOT NULL,
  created_at       timestamptz(3) NOT NULL DEFAULT now()
);
