-- Issue #5, receipts as proofs (seed 000, art. 6; ADR 009).
-- An accusé de réception timestamps a statement (src/lib/receipt-statement.ts)
-- fixed in the transaction that records the reception: the document's SHA-256,
-- the basis and the legal time. An accusé de mise à disposition timestamps the
-- sealed document's SHA-256 itself and has no statement.
ALTER TABLE receipt ADD COLUMN statement text;
-- NOT VALID: enforced for every new or changed row; rows written before this
-- migration (development databases only) are left as they were.
ALTER TABLE receipt ADD CONSTRAINT receipt_statement_only_for_reception
  CHECK ((kind = 'RECEPTION') = (statement IS NOT NULL)) NOT VALID;

-- The receipt job finds receipts still waiting for their sealed PDF.
CREATE INDEX receipt_awaiting_pdf_idx ON receipt (created_at) WHERE pdf_storage_key IS NULL;

-- A proof never changes once written: what it says (document, kind, basis,
-- legal time, statement) is fixed at insert; the token and the PDF may only be
-- added, once. The wrapped data key may change (master-key rotation re-wraps it).
CREATE FUNCTION receipt_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.document_id IS DISTINCT FROM OLD.document_id OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW.basis IS DISTINCT FROM OLD.basis OR NEW.event_at IS DISTINCT FROM OLD.event_at
     OR NEW.statement IS DISTINCT FROM OLD.statement OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'receipt % is a proof: its content cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.timestamp_token IS NOT NULL AND (NEW.timestamp_token IS DISTINCT FROM OLD.timestamp_token
     OR NEW.token_gen_time IS DISTINCT FROM OLD.token_gen_time OR NEW.tsa_serial IS DISTINCT FROM OLD.tsa_serial OR NEW.tsa_name IS DISTINCT FROM OLD.tsa_name) THEN
    RAISE EXCEPTION 'receipt % already has its timestamp token', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.pdf_storage_key IS NOT NULL AND (NEW.pdf_storage_key IS DISTINCT FROM OLD.pdf_storage_key OR NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256) THEN
    RAISE EXCEPTION 'receipt % already has its PDF', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER receipt_no_rewrite BEFORE UPDATE ON receipt FOR EACH ROW EXECUTE FUNCTION receipt_refuse_rewrite();
