// Registers an applicant (issue #6, points 3 and 5): what seed 000, art. 9 lets
// EPNS keep and nothing more — AGDREF number (art. 3), OFPRA number when known
// (art. 4), host or domiciliation structure (art. 9, 4°), and the language of
// the key letter and the space. A GUDA agent registers at its own guichet unique
// (art. 2): the registration structure is its own, never taken from the form.
// An OFPRA agent names a guichet unique or none (transfer of responsibility: art. 2, 2°).
// A number already registered is refused with the field it concerns; nothing changes.
import { z } from "zod";
import { LOCALES } from "../../i18n/routing";
import { AGDREF_PATTERN, OFPRA_PATTERN } from "../../lib/identifiers";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";

export const ZRegisterApplicantInput = z.object({
  agdrefNumber: z.string().regex(AGDREF_PATTERN),
  ofpraNumber: z.string().regex(OFPRA_PATTERN).nullable(),
  hostStructureId: z.uuid().nullable(),
  /** Ignored for a GUDA agent (its own structure is used). */
  registrationStructureId: z.uuid().nullable(),
  language: z.enum(LOCALES),
});
export type TRegisterApplicantInput = z.infer<typeof ZRegisterApplicantInput>;

const HOST_KINDS = ["SPADA", "CADA", "DOMICILIATION"] as const;

export async function registerApplicant(actor: StaffActor, input: TRegisterApplicantInput, request: RequestContext): Promise<{ applicantId: string }> {
  assertCan(actor, "applicant.register");
  const parsed = ZRegisterApplicantInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const data = parsed.data;
  const registrationStructureId = actor.role === "GUDA_AGENT" ? actor.structureId : data.registrationStructureId;
  try {
    return await db().$transaction(async (tx) => {
      // The structures named must be of the right kind (never trust an id from the form).
      if (data.hostStructureId && !(await tx.structure.findFirst({ where: { id: data.hostStructureId, kind: { in: [...HOST_KINDS] } }, select: { id: true } }))) {
        throw new AppError("INVALID_INPUT", { field: "hostStructureId" });
      }
      if (registrationStructureId && !(await tx.structure.findFirst({ where: { id: registrationStructureId, kind: "GUDA" }, select: { id: true } }))) {
        throw new AppError("INVALID_INPUT", { field: "registrationStructureId" });
      }
      const duplicate = await tx.applicant.findFirst({
        where: { OR: [{ agdrefNumber: data.agdrefNumber }, ...(data.ofpraNumber ? [{ ofpraNumber: data.ofpraNumber }] : [])] },
        select: { agdrefNumber: true },
      });
      if (duplicate) throw new AppError("ALREADY_REGISTERED", { field: duplicate.agdrefNumber === data.agdrefNumber ? "agdrefNumber" : "ofpraNumber" });
      const created = await tx.applicant.create({
        data: { agdrefNumber: data.agdrefNumber, ofpraNumber: data.ofpraNumber, hostStructureId: data.hostStructureId, registrationStructureId, language: data.language },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor: { type: "STAFF", id: actor.id },
        action: "staff.applicant.registered",
        target: { type: "applicant", id: created.id },
        request,
        details: { hostStructureId: data.hostStructureId, registrationStructureId },
      });
      return { applicantId: created.id };
    });
  } catch (error) {
    // Two agents registering the same number at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      throw new AppError("ALREADY_REGISTERED", { field: target.includes("ofpra") ? "ofpraNumber" : "agdrefNumber" });
    }
    throw error;
  }
}
