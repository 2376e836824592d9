-- Issue #7, points 1 and 2: the audit chain's canonical form, its protection
-- by grants as well as triggers, its purge after the retention window, and the
-- report of accounts not activated in time. ADR 010
-- (docs/decisions/010-audit-chain-and-retention.md).

-- 1. Canonical form (src/lib/audit-hash.ts). Rows written before this
-- migration keep format 0 (ADD COLUMN ... DEFAULT fills them without an
-- UPDATE, so the append-only trigger is not involved); new rows are format 1,
-- whose hash also covers the format and the seq.
ALTER TABLE audit_event ADD COLUMN format integer NOT NULL DEFAULT 0;
ALTER TABLE audit_event ALTER COLUMN format SET DEFAULT 1;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_format_known CHECK (format IN (0, 1));
-- The writer (src/server/audit/record-audit-event.ts) takes seq = last + 1 under
-- its lock: no sequence, so a rolled-back writer leaves no gap and a gap means
-- a deleted row (seed 000, art. 5: traçabilité).
ALTER TABLE audit_event ALTER COLUMN seq DROP DEFAULT;
DROP SEQUENCE IF EXISTS audit_event_seq_seq;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_seq_positive CHECK (seq > 0);

-- 2. Where the chain starts once its oldest days are purged (seed 003: logs
-- are kept one year): the last purged event's seq and hash, taken from the
-- TSA-anchored head of the last purged day, so the verifier can check that
-- the first remaining event follows it and that the TSA vouched for it.
CREATE TABLE audit_checkpoint (
  seq            bigint PRIMARY KEY CHECK (seq > 0),
  hash           text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  anchor_day     date NOT NULL,
  purged_events  bigint NOT NULL CHECK (purged_events >= 0),
  created_at     timestamptz(3) NOT NULL DEFAULT now()
);

-- 3. Deletion of audit rows only through audit_purge_anchored_day(): the
-- trigger lets a DELETE through only for rows at or below the seq that this
-- function sets for its own transaction. TRUNCATE and UPDATE stay refused.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.seq <= coalesce(nullif(current_setting('epns.audit_purge_through', true), '')::bigint, 0) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Anchors and checkpoints are proofs too: never changed nor removed.
CREATE FUNCTION audit_proof_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE OR DELETE ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION audit_proof_refuse_change();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
  FOR EACH STATEMENT EXECUTE FUNCTION audit_proof_refuse_change();
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_proof_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_proof_refuse_change();

-- Purges the events up to the anchored head of p_day, once that whole Paris day
-- is older than the retention window (never less than one year: seed 003), and
-- writes the checkpoint, in one transaction. Idempotent: a day already purged
-- returns 0. SECURITY DEFINER: it runs as the owner of audit_event, so the
-- application's role needs no DELETE right, only EXECUTE (granted to
-- epns_retention, the worker's role; docs/deployment-database-roles.md).
-- p_now can only move "now" earlier (tests), never later.
CREATE FUNCTION audit_purge_anchored_day(p_day date, p_retention_days integer, p_now timestamptz DEFAULT now())
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_now timestamptz := least(p_now, now());
  v_head_seq bigint;
  v_head_hash text;
  v_done bigint;
  v_count bigint;
BEGIN
  IF p_retention_days IS NULL OR p_retention_days < 365 THEN
    RAISE EXCEPTION 'audit events are kept at least 365 days (seed 003), not %', p_retention_days USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT head_seq, head_hash INTO v_head_seq, v_head_hash FROM audit_anchor WHERE day = p_day;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'day % has no anchor: it cannot be purged', p_day USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF ((p_day + 1)::timestamp AT TIME ZONE 'Europe/Paris') + make_interval(days => p_retention_days) > v_now THEN
    RAISE EXCEPTION 'day % is still within the retention window', p_day USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- One purge at a time.
  PERFORM pg_advisory_xact_lock(7345002);
  SELECT max(seq) INTO v_done FROM audit_checkpoint;
  IF v_done IS NOT NULL AND v_done >= v_head_seq THEN
    RETURN 0;
  END IF;
  PERFORM 1 FROM audit_event WHERE seq = v_head_seq AND hash = v_head_hash;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the anchored head of % (seq %) is not in the chain', p_day, v_head_seq USING ERRCODE = 'data_corrupted';
  END IF;
  PERFORM set_config('epns.audit_purge_through', v_head_seq::text, true);
  DELETE FROM audit_event WHERE seq <= v_head_seq;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  PERFORM set_config('epns.audit_purge_through', '', true);
  INSERT INTO audit_checkpoint (seq, hash, anchor_day, purged_events) VALUES (v_head_seq, v_head_hash, p_day, v_count);
  RETURN v_count;
END;
$$;
REVOKE ALL ON FUNCTION audit_purge_anchored_day(date, integer, timestamptz) FROM PUBLIC;

-- 4. Accounts not activated in time (issue #7, point 2c): reported to OFPRA
-- agents and the host structure, who may switch to the postal track.
CREATE TABLE activation_overdue (
  applicant_id  uuid PRIMARY KEY REFERENCES applicant(id) ON DELETE CASCADE ON UPDATE CASCADE,
  due_at        timestamptz(3) NOT NULL,
  reported_at   timestamptz(3) NOT NULL DEFAULT now(),
  activated_at  timestamptz(3)
);
CREATE INDEX activation_overdue_open_idx ON activation_overdue (reported_at) WHERE activated_at IS NULL;

-- Indexes of the retention jobs.
CREATE INDEX applicant_decision_notified_at_idx ON applicant (decision_notified_at) WHERE decision_notified_at IS NOT NULL;
CREATE INDEX applicant_pending_created_at_idx ON applicant (created_at) WHERE state = 'PENDING';
CREATE INDEX applicant_session_last_seen_at_idx ON applicant_session (last_seen_at);
CREATE INDEX staff_session_last_seen_at_idx ON staff_session (last_seen_at);

-- 5. Grants (docs/deployment-database-roles.md). The application connects in
-- production with a login role that is a member of epns_app (and, for the
-- worker, of epns_retention), never as the owner of the tables: epns_app may
-- read and append the audit tables but not UPDATE, DELETE or TRUNCATE them, so
-- even with the triggers dropped by mistake the app cannot rewrite history.
-- Creating roles needs CREATEROLE; a migrator without it leaves a notice and the
-- DBA creates them (the grants are then re-run by the documented script).
DO $$
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'epns_app') THEN CREATE ROLE epns_app NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'epns_retention') THEN CREATE ROLE epns_retention NOLOGIN; END IF;
  EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by a concurrent migration
    WHEN insufficient_privilege THEN RAISE NOTICE 'roles epns_app and epns_retention must be created by the DBA (docs/deployment-database-roles.md)';
  END;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'epns_app') THEN
    EXECUTE 'GRANT USAGE ON SCHEMA public TO epns_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO epns_app';
    EXECUTE 'REVOKE ALL ON _epns_migration FROM epns_app';
    EXECUTE 'GRANT SELECT ON _epns_migration TO epns_app';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_anchor, audit_checkpoint FROM epns_app';
    EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO epns_app';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO epns_app';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO epns_app';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'epns_retention') THEN
    EXECUTE 'GRANT EXECUTE ON FUNCTION audit_purge_anchored_day(date, integer, timestamptz) TO epns_retention';
  END IF;
END
$$;
