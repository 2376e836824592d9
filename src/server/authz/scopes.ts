// Which applicants a staff user's role reaches (issue #6, point 2), as a
// Prisma `where` fragment that goes into the query itself: a row outside the
// scope is never loaded, so it looks exactly like a row that does not exist.
// Seed 000, art. 8 (need to know) and art. 2 (the guichet unique registers);
// art. 9, 4° (the host or domiciliation structure).
import type { Prisma } from "../db/generated/client";
import type { StaffActor } from "./staff-actor";

/** Matches no row. */
const NOTHING: Prisma.ApplicantWhereInput = { id: { in: [] } };

export function applicantScope(actor: Pick<StaffActor, "role" | "structureId" | "department">): Prisma.ApplicantWhereInput {
  switch (actor.role) {
    case "OFPRA_AGENT":
    case "OFPRA_ADMIN":
      return {};
    case "GUDA_AGENT":
      // The applicants registered at a guichet unique of its department.
      return actor.department ? { registrationStructure: { is: { department: actor.department } } } : NOTHING;
    case "HOST_STRUCTURE_STAFF":
      return { hostStructureId: actor.structureId };
    case "CNDA_STAFF":
      // Only the cases it is asked about by number (issue #6, point 7), never by browsing.
      return NOTHING;
  }
}
