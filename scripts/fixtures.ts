// Test and demo data through the real use cases, for the e2e tests and local
// trials: `tsx scripts/fixtures.ts applicant [--active] [--language ar]
// [--email x@y] [--phone +336…] [--password P]` prints the applicant as JSON,
// with its connection key (shown once).
// `tsx scripts/fixtures.ts document --applicant <id> [--type DECISION]` deposits
// a one-page PDF for that applicant as a fixture OFPRA agent (the real deposit
// and publication), finishes its receipt PDF, and prints {documentId, reference}.
// `tsx scripts/fixtures.ts staff [--role OFPRA_AGENT] [--enrolled]` prints a new
// staff user with its password and, enrolled, its TOTP secret and recovery codes
// (tests compute the codes).
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
    throw new Error("Usage: tsx scripts/fixtures.ts applicant [--active] [--language fr|en|ar] [--email E] [--phone P] [--password P] | document --applicant ID [--type T] | staff [--role R] [--enrolled] | access-matrix | batch [--applicant ID] [--draft]");
  }
  const { env } = await import("../src/server/env");
  if (env().APP_URL.startsWith("https://") && !process.env.E2E_STACK_FILE) throw new Error("fixtures are for local and test stacks only");
  if (command === "document") {
    console.log(JSON.stringify(await depositFixtureDocument(option("applicant") ?? "", option("type") ?? "CONVOCATION")));
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
    console.log(JSON.stringify(await createStaffFixture(option("role") ?? "OFPRA_AGENT", process.argv.includes("--enrolled"))));
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
  const applicant = await db().applicant.create({
    data: {
      agdrefNumber: String(randomInt(1_000_000_000, 10_000_000_000)),
      ofpraNumber: `${randomInt(20, 30)}-${String(randomInt(0, 100_000_000)).padStart(8, "0")}`,
      language: option("language") ?? "fr",
      ...(active ? { state: "ACTIVE" as const, activatedAt: now, lastLoginAt: now } : {}),
      ...(active && email ? { email, emailVerifiedAt: now } : {}),
      ...(active && phone ? { phone, phoneVerifiedAt: now } : {}),
    },
  });
  const { key } = await issueConnectionKey({ applicantId: applicant.id }, { type: "SYSTEM", id: "fixtures" });
  if (active) await db().applicantCredential.create({ data: { applicantId: applicant.id, passwordHash: await hashPassword(password) } });
  console.log(JSON.stringify({ applicantId: applicant.id, agdrefNumber: applicant.agdrefNumber, ofpraNumber: applicant.ofpraNumber, key, password: active ? password : null }));
  await disconnectDb();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

async function depositFixtureDocument(applicantId: string, type: string): Promise<{ documentId: string; reference: string }> {
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
  await completePendingReceipts();
  await (await import("../src/server/messaging/kick-outbox")).kickOutbox(); // the alert e-mail/SMS, before this process ends
  const { reference } = await db().document.findUniqueOrThrow({ where: { id: documentId }, select: { reference: true } });
  await disconnectDb();
  return { documentId, reference };
}
