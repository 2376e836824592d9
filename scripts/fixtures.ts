// Test and demo data through the real use cases, for the e2e tests and local
// trials: `tsx scripts/fixtures.ts applicant [--active] [--language ar]
// [--email x@y] [--phone +336…] [--password P]` prints the applicant as JSON,
// with its connection key (shown once).
// `tsx scripts/fixtures.ts document --applicant <id> [--type DECISION]` deposits
// a one-page PDF for that applicant as a fixture OFPRA agent (the real deposit
// and publication), finishes its receipt PDF, and prints {documentId, reference}.
// `--host-structure <id>` / `--registration-structure <id>` attach the applicant
// to a host structure / the guichet unique that registered it.
// `applicant --registered-days-ago N` dates its registration N days back, then
// runs the overdue-activation report (the worker's hourly job) at once.
// `document … --deadline-in-days N` then moves its 15-day deadline to 24:00
// Paris time N-1 days from now (the host structures' 5-day list; the receipts
// keep the real times); `document … --open` opens it as the applicant would
// (its accusé de réception, basis OPENED).
// `tsx scripts/fixtures.ts staff [--role OFPRA_AGENT] [--enrolled] [--department 13]`
// prints a new staff user (with its structureId) with its password and,
// enrolled, its TOTP secret and recovery codes (tests compute the codes).
// `tsx scripts/fixtures.ts access-matrix` prints what the e2e access matrix
// needs (scripts/access-matrix-fixture.ts).
// `tsx scripts/fixtures.ts batch [--applicant ID] [--draft]` prints a small
// document batch {batchId, status, applicantId} (scripts/batch-fixture.ts).
// Refuses to run in production.
import { randomInt } from "node:crypto";
import { loadLocalEnvIfUnconfigured } from "./local-env";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

try {
  loadLocalEnvIfUnconfigured(process.env.E2E_STACK_FILE);
  const command = process.argv[2];
  if (command !== "applicant" && command !== "document" && command !== "staff" && command !== "access-matrix" && command !== "batch") {
    throw new Error("Usage: tsx scripts/fixtures.ts applicant [--active] [--language fr|en|ar] [--email E] [--phone P] [--password P] [--registered-days-ago N] | document --applicant ID [--type T] [--deadline-in-days N] [--open] | staff [--role R] [--enrolled] [--department D] | access-matrix | batch [--applicant ID] [--draft]");
  }
  const { env } = await import("../src/server/env");
  if (env().APP_URL.startsWith("https://") && !process.env.E2E_STACK_FILE) throw new Error("fixtures are for local and test stacks only");
  if (command === "document") {
    console.log(JSON.stringify(await depositFixtureDocument(option("applicant") ?? "", option("type") ?? "CONVOCATION", { deadlineInDays: option("deadline-in-days"), open: process.argv.includes("--open") })));
    process.exit(0);
  }
  if (command === "access-matrix") {
    const { createAccessMatrixFixture } = await import("./access-matrix-fixture");
    const { createBatchFixture } = await import("./batch-fixture");
    const fixture = await createAccessMatrixFixture(async (applicantId) => {
      const { batchId } = await createBatchFixture({ applicantId, draft: false });
      const { documentId } = await depositFixtureDocument(applicantId, "DECISION");
      return { batch: batchId, document: documentId };
    });
    console.log(JSON.stringify(fixture));
    process.exit(0);
  }
  const { db, disconnectDb } = await import("../src/server/db/client");
  if (command === "batch") {
    const { createBatchFixture } = await import("./batch-fixture");
    const applicant = option("applicant");
    console.log(JSON.stringify(await createBatchFixture({ ...(applicant ? { applicantId: applicant } : {}), draft: process.argv.includes("--draft") })));
    await (await import("../src/server/messaging/kick-outbox")).kickOutbox();
    await disconnectDb();
    process.exit(0);
  }
  if (command === "staff") {
    const { createStaffFixture } = await import("./staff-fixture");
    console.log(JSON.stringify(await createStaffFixture(option("role") ?? "OFPRA_AGENT", process.argv.includes("--enrolled"), undefined, option("department"))));
    await disconnectDb();
    process.exit(0);
  }
  const { issueConnectionKey } = await import("../src/server/applicant-keys/issue-connection-key");
  const { hashPassword } = await import("../src/server/auth/password-hashing");
  const active = process.argv.includes("--active");
  const password = option("password") ?? "Tournesol-42";
  const email = option("email");
  const phone = option("phone");
  const now = new Date();
  const registeredDaysAgo = option("registered-days-ago");
  const applicant = await db().applicant.create({
    data: {
      agdrefNumber: String(randomInt(1_000_000_000, 10_000_000_000)),
      ofpraNumber: `${randomInt(20, 30)}-${String(randomInt(0, 100_000_000)).padStart(8, "0")}`,
      language: option("language") ?? "fr",
      hostStructureId: option("host-structure") ?? null,
      registrationStructureId: option("registration-structure") ?? null,
      ...(registeredDaysAgo ? { createdAt: new Date(now.getTime() - Number(registeredDaysAgo) * 86_400_000) } : {}),
      ...(active ? { state: "ACTIVE" as const, activatedAt: now, lastLoginAt: now } : {}),
      ...(active && email ? { email, emailVerifiedAt: now } : {}),
      ...(active && phone ? { phone, phoneVerifiedAt: now } : {}),
    },
  });
  const { key } = await issueConnectionKey({ applicantId: applicant.id }, { type: "SYSTEM", id: "fixtures" });
  if (active) await db().applicantCredential.create({ data: { applicantId: applicant.id, passwordHash: await hashPassword(password) } });
  if (registeredDaysAgo) await (await import("../src/server/retention/report-overdue-activations")).reportOverdueActivations();
  console.log(JSON.stringify({ applicantId: applicant.id, agdrefNumber: applicant.agdrefNumber, ofpraNumber: applicant.ofpraNumber, key, password: active ? password : null }));
  await disconnectDb();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

async function depositFixtureDocument(applicantId: string, type: string, then: { deadlineInDays?: string | undefined; open?: boolean } = {}): Promise<{ documentId: string; reference: string }> {
  const { PDFDocument, StandardFonts } = await import("pdf-lib");
  const { db, disconnectDb } = await import("../src/server/db/client");
  const { depositDocument } = await import("../src/server/documents/deposit-document");
  const { completePendingReceipts } = await import("../src/server/receipts/complete-pending-receipts");
  const ofpra = await db().structure.findFirst({ where: { kind: "OFPRA" }, select: { id: true } }) ?? (await db().structure.create({ data: { kind: "OFPRA", name: "OFPRA", department: "94" }, select: { id: true } }));
  const agent = await db().staffUser.upsert({ where: { email: "fixtures-agent@ofpra.test" }, update: {}, create: { email: "fixtures-agent@ofpra.test", role: "OFPRA_AGENT", structureId: ofpra.id }, select: { id: true } });
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText(`OFPRA - ${type} - test document`, { x: 72, y: 720, size: 14, font });
  const { documentId, state } = await depositDocument({ applicantId, type: type as "CONVOCATION" }, await pdf.save(), agent, { ip: null, userAgent: "fixtures" });
  if (state !== "AVAILABLE") throw new Error(`the document is ${state}`);
  if (then.deadlineInDays) {
    const { addCalendarDays, parisDateOf, parisMidnight } = await import("../src/lib/paris-time");
    const deadlineAt = parisMidnight(addCalendarDays(parisDateOf(new Date()), Number(then.deadlineInDays)));
    await db().document.update({ where: { id: documentId }, data: { deadlineAt } });
  }
  if (then.open) {
    const { openDocument } = await import("../src/server/documents/open-document");
    await openDocument({ applicantId, sessionId: "fixtures", language: "fr" }, documentId, { ip: null, userAgent: "fixtures" });
  }
  await completePendingReceipts();
  await (await import("../src/server/messaging/kick-outbox")).kickOutbox(); // the alert e-mail/SMS, before this process ends
  const { reference } = await db().document.findUniqueOrThrow({ where: { id: documentId }, select: { reference: true } });
  await disconnectDb();
  return { documentId, reference };
}
