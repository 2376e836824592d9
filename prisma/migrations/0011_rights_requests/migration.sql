-- Issue #7, point 3: the applicant's requests to exercise a right other than
-- access and the rectification of contact data, which the space serves itself
-- (seed 000, art. 10: access, rectification and erasure are exercised with
-- OFPRA; seed 002: erasure on request and the right of objection, GDPR art. 21;
-- seed 003: erasure and limitation). OFPRA agents handle them
-- (/agent/demandes-droits, permission rightsRequest.handle).
CREATE TYPE "RightsRequestKind" AS ENUM ('RECTIFICATION', 'ERASURE', 'OBJECTION', 'RESTRICTION');
CREATE TYPE "RightsRequestStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'ANSWERED');

CREATE TABLE rights_request (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  applicant_id      uuid NOT NULL REFERENCES applicant(id) ON DELETE CASCADE ON UPDATE CASCADE,
  kind              "RightsRequestKind" NOT NULL,
  -- Plain text typed by the applicant, at most 2,000 characters, never empty.
  message           text NOT NULL CHECK (char_length(btrim(message)) BETWEEN 1 AND 2000),
  status            "RightsRequestStatus" NOT NULL DEFAULT 'NEW',
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  updated_at        timestamptz(3) NOT NULL DEFAULT now(),
  in_progress_at    timestamptz(3),
  -- The date OFPRA answered (given by the agent, the answer itself is sent outside EPNS).
  answered_at       timestamptz(3),
  handled_by_id     uuid REFERENCES staff_user(id) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT rights_request_answered_dated CHECK ((status = 'ANSWERED') = (answered_at IS NOT NULL))
);
CREATE INDEX rights_request_applicant_id_idx ON rights_request (applicant_id);
CREATE INDEX rights_request_status_created_at_idx ON rights_request (status, created_at);
