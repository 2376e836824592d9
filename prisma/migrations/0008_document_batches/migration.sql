-- Issue #6, point 3: batch publishing. An OFPRA agent uploads a ZIP (manifest
-- + PDFs); every row is checked before anything is published. The batch stays
-- a DRAFT (valid rows' PDFs stored encrypted, nothing deposited) until the agent
-- confirms it or discards it (drafts are purged after an hour); then the worker
-- deposits and publishes each READY row. A row's document carries the row's
-- idempotency key (document.idempotency_key is UNIQUE, 0001): a re-run of the
-- same batch, or two workers on the same row, create each document once.
CREATE TYPE "DocumentBatchStatus" AS ENUM ('DRAFT', 'QUEUED', 'DONE');
CREATE TYPE "DocumentBatchRowStatus" AS ENUM ('INVALID', 'READY', 'DEPOSITED', 'DUPLICATE', 'FAILED');

CREATE TABLE document_batch (
  id uuid PRIMARY KEY,
  created_by_id uuid NOT NULL REFERENCES staff_user (id) ON DELETE RESTRICT,
  status "DocumentBatchStatus" NOT NULL DEFAULT 'DRAFT',
  archive_name text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  confirmed_at timestamptz(3),
  finished_at timestamptz(3)
);
CREATE INDEX document_batch_status_created_at_idx ON document_batch (status, created_at);

CREATE TABLE document_batch_row (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES document_batch (id) ON DELETE CASCADE,
  -- The manifest's line number (the header is line 1), as the agent sees it in a spreadsheet.
  line integer NOT NULL,
  applicant_number text NOT NULL,
  applicant_id uuid REFERENCES applicant (id) ON DELETE RESTRICT,
  type "DocumentType",
  file_name text NOT NULL,
  idempotency_key text NOT NULL,
  status "DocumentBatchRowStatus" NOT NULL,
  -- Stable codes of what is wrong with the row (validation) or why it failed (processing).
  problems jsonb NOT NULL DEFAULT '[]',
  -- The PDF, stored encrypted like a deposit (src/server/blobs/encrypted-blobs.ts), for READY rows.
  storage_key text UNIQUE,
  sha256 text,
  size_bytes integer,
  data_key_wrapped bytea,
  master_key_id text,
  -- DEPOSITED: the row's document; DUPLICATE: the document published earlier under the same key.
  document_id uuid REFERENCES document (id) ON DELETE RESTRICT,
  processed_at timestamptz(3),
  CONSTRAINT document_batch_row_batch_id_line_key UNIQUE (batch_id, line)
);
CREATE INDEX document_batch_row_batch_id_status_idx ON document_batch_row (batch_id, status);
CREATE INDEX document_batch_row_document_id_idx ON document_batch_row (document_id);
