-- Issue #5, encrypted storage: each stored PDF (document or receipt) is
-- encrypted with its own data key (AES-256-GCM); the data key is kept here,
-- wrapped by the master key named by master_key_id, so that rotating the master
-- key re-wraps these columns without re-encrypting any blob (issue #7).

ALTER TABLE document
  ADD COLUMN data_key_wrapped bytea NOT NULL CHECK (length(data_key_wrapped) BETWEEN 40 AND 128),
  ADD COLUMN master_key_id text NOT NULL CHECK (master_key_id ~ '^[0-9a-f]{16}$');

ALTER TABLE receipt
  ADD COLUMN pdf_sha256 text CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  ADD COLUMN pdf_data_key_wrapped bytea CHECK (length(pdf_data_key_wrapped) BETWEEN 40 AND 128),
  ADD COLUMN pdf_master_key_id text CHECK (pdf_master_key_id ~ '^[0-9a-f]{16}$'),
  ADD CONSTRAINT receipt_pdf_complete CHECK (
    (pdf_storage_key IS NULL AND pdf_sha256 IS NULL AND pdf_data_key_wrapped IS NULL AND pdf_master_key_id IS NULL)
    OR (pdf_storage_key IS NOT NULL AND pdf_sha256 IS NOT NULL AND pdf_data_key_wrapped IS NOT NULL AND pdf_master_key_id IS NOT NULL)
  );
