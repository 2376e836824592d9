// The sweep's table of server actions (tests/integration/bad-input-sweep.test.ts):
// for each exported action, who may call it, the valid form it is swept from,
// what each field is, and where its errors are worded. The sweep fails on an
// exported action that is missing here, so a new form cannot escape it.
import type { StaffRole } from "../../src/server/db/generated/enums";
import { normalizeEmail, normalizePhone } from "../../src/lib/contact-formats";
import { withoutForbiddenCharacters } from "../../src/lib/plain-text";

/** The rows the sweep works on, made once (tests/integration/bad-input-sweep.test.ts, beforeAll). */
export type Fixture = {
  structures: { ofpra: string; guda: string; host: string; cnda: string };
  staff: { agent: string; admin: string; cnda: string; target: string; signer: string; enroller: string };
  signer: { email: string; password: string; totpSecret: string };
  enrollerTotpSecret: string;
  invitationToken: string;
  applicant: { id: string; agdrefNumber: string; ofpraNumber: string; key: string; password: string };
  pending: { id: string; agdrefNumber: string; key: string };
  exemptable: string;
  exempt: string;
  postalDocument: string;
  otherApplicant: string;
  otherDocument: string;
  openedDocument: string;
  availableDocument: string;
  rightsRequest: string;
  drafts: [string, string];
  contactCode: string;
  recoveryLinkToken: string;
  recoverySmsCode: string;
  /** A sealed receipt, the sealed document it covers, a new PDF to deposit and a one-row batch archive. */
  receiptPdf: Uint8Array;
  sealedDocumentPdf: Uint8Array;
  documentPdf: Uint8Array;
  batchZip: Uint8Array;
  /** Numbers nobody has yet, today's Paris date (YYYY-MM-DD), and the current TOTP codes (refreshed before each action). */
  newAgdrefNumber: string;
  newOfpraNumber: string;
  today: string;
  totp: { signer: string; enroller: string };
};

export type Principal =
  | { kind: "nobody" }
  | { kind: "applicant" }
  | { kind: "staff"; role: Extract<StaffRole, "OFPRA_AGENT" | "OFPRA_ADMIN" | "CNDA_STAFF"> }
  /** A staff sign-in challenge (password checked, second factor awaited) of the enrolled or the enrolling user. */
  | { kind: "challenge"; of: "signer" | "enroller" };

export type FieldKind = "text" | "secret" | "number" | "email" | "phone" | "code" | "id" | "choice" | "flag" | "date" | "file" | "token" | "locale";

export type FieldSpec = {
  name: string;
  kind: FieldKind;
  /** The valid value of the baseline form (undefined: the baseline leaves the field out). */
  valid: (f: Fixture) => string | File | undefined;
  /** Missing, empty or blank is a valid answer (an optional field, an unticked checkbox). */
  optional?: boolean;
  /** Typed text that may legitimately hold anything printable: hostile text is either refused or stored as typed. */
  freeText?: boolean;
  /** Hostile values (by name) that are an intended normalisation of the valid value: accepted, with the baseline's answer. */
  normalises?: readonly string[];
  /** For a field with a format rather than one valid value: which typed values the format accepts (the others must be refused). */
  accepts?: (typed: string) => boolean;
  /** Not used for the action's work (explained where set): any value gives the baseline's answer. */
  ignored?: string;
  /** The field comes back in the state's `values`, cut at this length; secrets never come back. */
  kept?: number;
  /** For ids: a UUID that exists but is not the right row. */
  otherId?: (f: Fixture) => string;
  /** For yes/no fields: the values the form itself sends. */
  flagValues?: readonly string[];
  /** For files: a file of another kind. */
  otherFile?: (f: Fixture) => File;
  /** Where an accepted value is stored, and how it is normalised on the way (the value stored must be exactly that). */
  stored?: { table: string; column: string; expected: (typed: string) => string | null | undefined };
  /** Fields whose error may report a refusal of this one (the new password and its confirmation). */
  errorOn?: readonly string[];
};

export type Outcome = { redirect?: string; state?: Record<string, unknown> };

/** Where a form's errors are worded: the form-level code and the field codes (message keys, "namespace.key"). */
export type Wording = { form: "errors" | "staffErrors" | "staffAdmin" | "staffInvitation" | "verify"; field: (code: string) => string };

export type ActionSpec = {
  /** "module#name", as in src/features/<module>.ts. */
  key: string;
  principal: Principal;
  fields: FieldSpec[];
  wording: Wording;
  /** What the baseline's answer is (the action did its work). */
  succeeded: (o: Outcome) => boolean;
  /** For actions without a form state: where a refusal sends the browser. */
  refusal?: RegExp;
};

const FIELD_ERRORS: Wording["field"] = (code) => `fieldErrors.${code}`;
const AGENT_FILE: Wording["field"] = (code) => `agentFile.err_${code}`;
const redirectsTo = (pattern: RegExp) => (o: Outcome) => pattern.test(o.redirect ?? "");
const done = (key: string) => (o: Outcome) => o.state?.done === key;
const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

const NEW_PASSWORD = "Nouveau-Depart-2025";
/** The new password and its confirmation: a refusal of one may be said on either. */
const newPassword = (): FieldSpec[] => [
  { name: "password", kind: "secret", valid: () => NEW_PASSWORD, errorOn: ["password", "passwordConfirmation"] },
  { name: "passwordConfirmation", kind: "secret", valid: () => NEW_PASSWORD, errorOn: ["password", "passwordConfirmation"] },
];
/** E-mail addresses are lower-cased and NFKC-normalised (ligatures become letters): the same address. */
const emailNormalisations = ["NFKC ligature", "BOM U+FEFF in front", "fullwidth digits"] as const;
/** Digits typed on another keyboard are the same digits (src/lib/identifiers.ts, asciiDigits; NFKC). */
const DIGITS = ["fullwidth digits", "Arabic-Indic digits"] as const;
/** Numbers typed by people: digits of other keyboards and blanks (the BOM is a blank to JavaScript's \s) around them are forgiven. */
const NUMBER_FORGIVES = [...DIGITS, "BOM U+FEFF in front"] as const;
/** Text as a rights request or a note stores it: a lone surrogate cannot cross HTTP (UTF-8 turns it into U+FFFD before any server code). */
const wellFormed = (value: string) => Buffer.from(value, "utf8").toString("utf8");
const POSTAL_TRACKING = /^[0-9A-Z]{6,20}$/;
/** A number as typed on any keyboard, in Latin digits without blanks (written here again, not imported: the oracle). */
const latinNumber = (typed: string) =>
  typed
    .normalize("NFKC")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s.\u00a0\u202f]/g, "");
const tracking = (typed: string) => typed.toUpperCase().replace(/[\s.-]/g, "");

/** The name and department of a structure, in its creation and update forms alike. */
const STRUCTURE_FIELDS: FieldSpec[] = [
  {
    name: "name",
    kind: "text",
    valid: () => "SPADA de Fismes",
    freeText: true,
    kept: 300,
    stored: { table: "structure", column: "name", expected: (typed) => wellFormed(typed.trim()) },
  },
  { name: "department", kind: "number", valid: () => "51", optional: true, kept: 300, normalises: ["BOM U+FEFF in front"] },
];

export const ACTIONS: ActionSpec[] = [
  // ---- applicant account (issue #4) ---------------------------------------
  {
    key: "applicant-account/actions#changePasswordAction",
    principal: { kind: "applicant" },
    fields: [{ name: "currentPassword", kind: "secret", valid: (f) => f.applicant.password }, ...newPassword()],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: done("passwordChanged"),
  },
  {
    key: "applicant-account/actions#requestContactChangeAction",
    principal: { kind: "applicant" },
    fields: [
      { name: "kind", kind: "choice", valid: () => "email" },
      {
        name: "email",
        kind: "email",
        valid: () => "fiona.fleury@example.fr",
        kept: 300,
        normalises: emailNormalisations,
        // A Cyrillic letter makes another address (EAI, RFC 6531), never the Latin one.
        freeText: true,
        stored: { table: "applicant_one_time_secret", column: "target", expected: (typed) => normalizeEmail(typed) ?? undefined },
      },
    ],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: done("codeSent"),
  },
  {
    key: "applicant-account/actions#confirmContactAction",
    principal: { kind: "applicant" },
    fields: [
      { name: "kind", kind: "choice", valid: () => "email" },
      { name: "emailCode", kind: "code", valid: (f) => f.contactCode, normalises: NUMBER_FORGIVES },
    ],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/compte\?confirme=email#contacts$/),
  },
  {
    key: "applicant-account/actions#removeContactAction",
    principal: { kind: "applicant" },
    fields: [{ name: "kind", kind: "choice", valid: () => "email" }],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/compte\?supprime=email#contacts$/),
  },
  {
    key: "applicant-account/actions#changeLanguageAction",
    principal: { kind: "applicant" },
    fields: [{ name: "language", kind: "choice", valid: () => "en" }],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/en\/compte\?langue=1#language$/),
  },
  // ---- applicant sign-in and activation ------------------------------------
  {
    key: "applicant-auth/actions#activateAction",
    principal: { kind: "nobody" },
    fields: [
      { name: "agdrefNumber", kind: "number", valid: (f) => f.pending.agdrefNumber, kept: 300, normalises: NUMBER_FORGIVES },
      { name: "key", kind: "secret", valid: (f) => f.pending.key, normalises: NUMBER_FORGIVES },
      ...newPassword(),
      {
        name: "email",
        kind: "email",
        valid: () => "fiona.fleury@example.fr",
        optional: true,
        kept: 300,
        normalises: emailNormalisations,
        freeText: true,
        stored: { table: "applicant_one_time_secret", column: "target", expected: (typed) => normalizeEmail(typed) ?? undefined },
      },
      {
        name: "phone",
        kind: "phone",
        valid: () => "06 12 34 56 78",
        optional: true,
        kept: 300,
        normalises: NUMBER_FORGIVES,
        stored: { table: "applicant_one_time_secret", column: "target", expected: (typed) => normalizePhone(typed) ?? undefined },
      },
      // No choice: the page's language (French here); a language the select does not offer is refused.
      { name: "language", kind: "choice", valid: () => "fr", optional: true, kept: 300 },
    ],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/espace\?bienvenue=1$/),
  },
  {
    key: "applicant-auth/actions#signInAction",
    principal: { kind: "nobody" },
    fields: [
      { name: "identifier", kind: "number", valid: (f) => f.applicant.agdrefNumber, kept: 300, normalises: NUMBER_FORGIVES },
      { name: "password", kind: "secret", valid: (f) => f.applicant.password },
    ],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/espace$/),
  },
  {
    key: "applicant-auth/actions#signOutAction",
    principal: { kind: "applicant" },
    fields: [
      {
        name: "scope",
        kind: "flag",
        valid: () => undefined,
        flagValues: ["everywhere"],
        ignored: "anything but \"everywhere\" ends this session only: a sign-out never refuses to sign out",
      },
    ],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/connexion\?deconnecte=1$/),
  },
  // ---- applicant documents (issue #5) --------------------------------------
  {
    key: "applicant-documents/actions#openDocumentAction",
    principal: { kind: "applicant" },
    fields: [{ name: "documentId", kind: "id", valid: (f) => f.availableDocument, otherId: (f) => f.otherDocument }],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/documents\/[0-9a-f-]{36}\/fichier$/),
    // Not found (another applicant's, unknown or malformed): back to the inbox, nothing recorded.
    refusal: /^\/fr\/espace$/,
  },
  // ---- password recovery -----------------------------------------------------
  {
    key: "applicant-recovery/actions#recoverWithKeyAction",
    principal: { kind: "nobody" },
    fields: [
      { name: "agdrefNumber", kind: "number", valid: (f) => f.applicant.agdrefNumber, kept: 300, normalises: NUMBER_FORGIVES },
      { name: "key", kind: "secret", valid: (f) => f.applicant.key, normalises: NUMBER_FORGIVES },
      ...newPassword(),
    ],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/espace\?nouveau-mot-de-passe=1$/),
  },
  {
    key: "applicant-recovery/actions#requestRecoveryAction",
    principal: { kind: "nobody" },
    fields: [
      { name: "identifier", kind: "number", valid: (f) => f.applicant.agdrefNumber, kept: 300, normalises: NUMBER_FORGIVES },
      { name: "channel", kind: "choice", valid: () => "email" },
    ],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: done("linkSent"),
  },
  {
    key: "applicant-recovery/actions#resetWithLinkAction",
    principal: { kind: "nobody" },
    fields: [{ name: "token", kind: "token", valid: (f) => f.recoveryLinkToken, otherId: (f) => f.invitationToken }, ...newPassword()],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/espace\?nouveau-mot-de-passe=1$/),
  },
  {
    key: "applicant-recovery/actions#resetWithSmsCodeAction",
    principal: { kind: "nobody" },
    fields: [
      { name: "identifier", kind: "number", valid: (f) => f.applicant.agdrefNumber, kept: 300, normalises: NUMBER_FORGIVES },
      // Fullwidth digits get a clear "6 digits" error here (the check allows ASCII and Arabic-Indic digits only).
      { name: "code", kind: "code", valid: (f) => f.recoverySmsCode, normalises: ["Arabic-Indic digits", "BOM U+FEFF in front"] },
      ...newPassword(),
    ],
    wording: { form: "errors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/espace\?nouveau-mot-de-passe=1$/),
  },
  // ---- rights requests (issue #7) --------------------------------------------
  {
    key: "applicant-rights/actions#submitRightsRequestAction",
    principal: { kind: "applicant" },
    fields: [
      { name: "kind", kind: "choice", valid: () => "ERASURE", kept: 40 },
      {
        name: "message",
        kind: "text",
        valid: () => "Je demande l'effacement de mon numéro de téléphone, s'il vous plaît.",
        freeText: true,
        kept: 2500,
        stored: { table: "rights_request", column: "message", expected: (typed) => wellFormed(typed.normalize("NFC").replace(/\r\n?/g, "\n").trim()) },
      },
    ],
    wording: { form: "errors", field: (code) => `rights.${code}` },
    succeeded: done("requestSent"),
  },
  // ---- OFPRA administrator (issue #6, point 8) -------------------------------
  {
    key: "staff-admin/actions#inviteStaffAction",
    principal: { kind: "staff", role: "OFPRA_ADMIN" },
    fields: [
      {
        name: "email",
        kind: "email",
        valid: () => "fiona.fleury@ofpra.test",
        kept: 300,
        normalises: emailNormalisations,
        freeText: true,
        stored: { table: "staff_user", column: "email", expected: (typed) => normalizeEmail(typed) ?? undefined },
      },
      { name: "role", kind: "choice", valid: () => "OFPRA_AGENT", kept: 300 },
      { name: "structureId", kind: "id", valid: (f) => f.structures.ofpra, otherId: (f) => f.structures.guda, kept: 300 },
    ],
    wording: { form: "staffAdmin", field: FIELD_ERRORS },
    succeeded: done("invited"),
  },
  {
    key: "staff-admin/actions#reinviteStaffAction",
    principal: { kind: "staff", role: "OFPRA_ADMIN" },
    fields: [{ name: "staffUserId", kind: "id", valid: (f) => f.staff.target, otherId: (f) => f.structures.ofpra }],
    wording: { form: "staffAdmin", field: FIELD_ERRORS },
    succeeded: done("invited"),
  },
  {
    key: "staff-admin/actions#changeStaffAssignmentAction",
    principal: { kind: "staff", role: "OFPRA_ADMIN" },
    fields: [
      { name: "staffUserId", kind: "id", valid: (f) => f.staff.target, otherId: (f) => f.staff.admin },
      { name: "role", kind: "choice", valid: () => "GUDA_AGENT", kept: 300 },
      { name: "structureId", kind: "id", valid: (f) => f.structures.guda, otherId: (f) => f.structures.host, kept: 300 },
    ],
    wording: { form: "staffAdmin", field: FIELD_ERRORS },
    succeeded: done("assignmentChanged"),
  },
  {
    key: "staff-admin/actions#setStaffDisabledAction",
    principal: { kind: "staff", role: "OFPRA_ADMIN" },
    fields: [
      { name: "staffUserId", kind: "id", valid: (f) => f.staff.target, otherId: (f) => f.staff.admin },
      { name: "disabled", kind: "flag", valid: () => "1", flagValues: ["1", "0"] },
    ],
    wording: { form: "staffAdmin", field: FIELD_ERRORS },
    succeeded: done("disabled"),
  },
  {
    key: "staff-admin/actions#resetStaffSecondFactorAction",
    principal: { kind: "staff", role: "OFPRA_ADMIN" },
    fields: [{ name: "staffUserId", kind: "id", valid: (f) => f.staff.target, otherId: (f) => f.staff.admin }],
    wording: { form: "staffAdmin", field: FIELD_ERRORS },
    succeeded: done("secondFactorReset"),
  },
  {
    key: "staff-admin/actions#createStructureAction",
    principal: { kind: "staff", role: "OFPRA_ADMIN" },
    fields: [
      { name: "kind", kind: "choice", valid: () => "SPADA", kept: 300 },
      ...STRUCTURE_FIELDS,
    ],
    wording: { form: "staffAdmin", field: FIELD_ERRORS },
    succeeded: done("structureCreated"),
  },
  {
    key: "staff-admin/actions#updateStructureAction",
    principal: { kind: "staff", role: "OFPRA_ADMIN" },
    fields: [
      { name: "structureId", kind: "id", valid: (f) => f.structures.host, otherId: (f) => f.applicant.id },
      ...STRUCTURE_FIELDS,
    ],
    wording: { form: "staffAdmin", field: FIELD_ERRORS },
    succeeded: done("structureUpdated"),
  },
  {
    key: "staff-admin/actions#checkTimestampAuthorityAction",
    principal: { kind: "staff", role: "OFPRA_ADMIN" },
    fields: [],
    wording: { form: "staffAdmin", field: FIELD_ERRORS },
    succeeded: (o) => typeof o.state?.tsaCheck === "object",
  },
  // ---- agent: search and deposit (issue #5, point 10; issue #6) ---------------
  {
    key: "staff-applicants/actions#searchApplicantAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [{ name: "number", kind: "number", valid: (f) => f.applicant.agdrefNumber, kept: 300, normalises: NUMBER_FORGIVES }],
    wording: { form: "staffErrors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/agent\/demandeurs\/[0-9a-f-]{36}$/),
  },
  {
    key: "staff-applicants/actions#depositDocumentAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [
      { name: "applicantId", kind: "id", valid: (f) => f.applicant.id, otherId: (f) => f.openedDocument },
      { name: "type", kind: "choice", valid: () => "CONVOCATION", kept: 300 },
      { name: "file", kind: "file", valid: (f) => file(f.documentPdf, "convocation.pdf", "application/pdf"), otherFile: (f) => file(f.batchZip, "lot.zip", "application/zip") },
    ],
    wording: { form: "staffErrors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/agent\/demandeurs\/[0-9a-f-]{36}\?depot=[0-9a-f-]{36}$/),
  },
  // ---- staff sign-in (issue #6, point 1) ---------------------------------------
  {
    key: "staff-auth/actions#staffSignInAction",
    principal: { kind: "nobody" },
    fields: [
      { name: "email", kind: "email", valid: (f) => f.signer.email, kept: 300, normalises: emailNormalisations },
      { name: "password", kind: "secret", valid: (f) => f.signer.password },
    ],
    wording: { form: "staffErrors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/agent\/connexion\/code$/),
  },
  {
    key: "staff-auth/actions#staffSecondFactorAction",
    principal: { kind: "challenge", of: "signer" },
    fields: [{ name: "code", kind: "code", valid: (f) => f.totp.signer, normalises: NUMBER_FORGIVES }],
    wording: { form: "staffErrors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/agent$/),
  },
  {
    key: "staff-auth/actions#completeEnrolmentAction",
    principal: { kind: "challenge", of: "enroller" },
    fields: [{ name: "code", kind: "code", valid: (f) => f.totp.enroller, normalises: NUMBER_FORGIVES }],
    wording: { form: "staffErrors", field: FIELD_ERRORS },
    succeeded: done("enrolled"),
  },
  {
    key: "staff-auth/actions#staffSignOutAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [],
    wording: { form: "staffErrors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/agent\/connexion\?deconnecte=1$/),
  },
  {
    key: "staff-auth/actions#staffSignOutEverywhereAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [],
    wording: { form: "staffErrors", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/agent\/connexion\?deconnecte=partout$/),
  },
  // ---- batches (issue #6, point 3) ---------------------------------------------
  {
    key: "staff-batches/actions#prepareBatchAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [
      {
        name: "archive",
        kind: "file",
        valid: (f) => file(f.batchZip, "lot.zip", "application/zip"),
        otherFile: (f) => file(f.documentPdf, "convocation.pdf", "application/pdf"),
        // The browser's file name, without control or bidi characters, 255 code points at most.
        stored: { table: "document_batch", column: "archive_name", expected: (name) => [...withoutForbiddenCharacters(wellFormed(name))].slice(0, 255).join("") },
      },
    ],
    wording: { form: "staffErrors", field: (code) => `batches.${code}` },
    succeeded: redirectsTo(/^\/fr\/agent\/lots\/[0-9a-f-]{36}$/),
  },
  {
    key: "staff-batches/actions#confirmBatchAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [{ name: "batchId", kind: "id", valid: (f) => f.drafts[0], otherId: (f) => f.applicant.id }],
    wording: { form: "staffErrors", field: (code) => `batches.${code}` },
    succeeded: redirectsTo(/^\/fr\/agent\/lots\/[0-9a-f-]{36}$/),
  },
  {
    key: "staff-batches/actions#discardBatchAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [{ name: "batchId", kind: "id", valid: (f) => f.drafts[1], otherId: (f) => f.applicant.id }],
    wording: { form: "staffErrors", field: (code) => `batches.${code}` },
    succeeded: redirectsTo(/^\/fr\/agent\/lots\?abandon=1$/),
  },
  // ---- staff invitation (issue #6, point 8) --------------------------------------
  {
    key: "staff-invitation/actions#acceptStaffInvitationAction",
    principal: { kind: "nobody" },
    fields: [{ name: "token", kind: "token", valid: (f) => f.invitationToken, otherId: (f) => f.recoveryLinkToken }, ...newPassword()],
    wording: { form: "staffInvitation", field: FIELD_ERRORS },
    succeeded: redirectsTo(/^\/fr\/agent\/connexion\?invitation=1$/),
  },
  // ---- exemption and postal track (issue #6, point 4) ------------------------------
  {
    key: "staff-postal/actions#setExemptionAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [
      { name: "applicantId", kind: "id", valid: (f) => f.exemptable, otherId: (f) => f.openedDocument },
      { name: "exempt", kind: "flag", valid: () => "yes", flagValues: ["yes", "no"] },
      { name: "reason", kind: "choice", valid: () => "NO_DEVICE_OR_ACCESS", kept: 300 },
      {
        name: "note",
        kind: "text",
        valid: () => "Pas de téléphone ; suivi par l'assistante sociale de la SPADA de Fismes.",
        optional: true,
        freeText: true,
        kept: 600,
        stored: { table: "applicant_exemption_event", column: "note", expected: (typed) => (typed.trim() === "" ? null : wellFormed(typed.trim())) },
      },
    ],
    wording: { form: "staffErrors", field: AGENT_FILE },
    succeeded: done("exemptedDone"),
  },
  {
    key: "staff-postal/actions#recordPostalDocumentAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [
      { name: "applicantId", kind: "id", valid: (f) => f.exempt, otherId: (f) => f.applicant.id },
      { name: "type", kind: "choice", valid: () => "DECISION", kept: 300 },
      {
        name: "trackingNumber",
        kind: "number",
        valid: () => "1A00123456789",
        optional: true,
        kept: 300,
        // 6 to 20 letters and digits, upper-cased, blanks, dots and hyphens dropped (staff-postal/actions.ts); other digits get a clear error.
        accepts: (typed) => POSTAL_TRACKING.test(tracking(typed)),
        stored: { table: "document", column: "postal_tracking_number", expected: (typed) => tracking(typed) || null },
      },
    ],
    wording: { form: "staffErrors", field: AGENT_FILE },
    succeeded: done("postalRecordedDone"),
  },
  {
    key: "staff-postal/actions#recordPostalEventAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [
      {
        name: "applicantId",
        kind: "id",
        valid: (f) => f.exempt,
        ignored: "only names the page to refresh after the change; the use case finds the document by its own id, in the scope",
      },
      { name: "documentId", kind: "id", valid: (f) => f.postalDocument, otherId: (f) => f.openedDocument },
      { name: "event", kind: "choice", valid: () => "SENT", kept: 300 },
      { name: "date", kind: "date", valid: (f) => f.today, kept: 300, normalises: ["BOM U+FEFF in front"] },
      { name: "correction", kind: "flag", valid: () => undefined, optional: true, flagValues: ["yes"] },
    ],
    wording: { form: "staffErrors", field: AGENT_FILE },
    succeeded: done("postalEventDone"),
  },
  // ---- registration and key handover (issue #6, points 3 and 5) -----------------------
  {
    key: "staff-registration/actions#registerApplicantAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [
      // Other keyboards' digits are the same digits: the number stored is the valid one, never another.
      { name: "agdrefNumber", kind: "number", valid: (f) => f.newAgdrefNumber, kept: 300, normalises: NUMBER_FORGIVES, stored: { table: "applicant", column: "agdref_number", expected: latinNumber } },
      { name: "ofpraNumber", kind: "number", valid: (f) => f.newOfpraNumber, optional: true, kept: 300, normalises: NUMBER_FORGIVES, stored: { table: "applicant", column: "ofpra_number", expected: (typed) => latinNumber(typed) || null } },
      { name: "hostStructureId", kind: "id", valid: (f) => f.structures.host, optional: true, otherId: (f) => f.structures.guda, kept: 300 },
      { name: "registrationStructureId", kind: "id", valid: (f) => f.structures.guda, optional: true, otherId: (f) => f.structures.host, kept: 300 },
      { name: "language", kind: "choice", valid: () => "ar", kept: 300 },
    ],
    wording: { form: "staffErrors", field: AGENT_FILE },
    succeeded: redirectsTo(/^\/fr\/agent\/demandeurs\/[0-9a-f-]{36}\?inscrit=1$/),
  },
  {
    key: "staff-registration/actions#issueKeyLetterAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [
      { name: "applicantId", kind: "id", valid: (f) => f.applicant.id, otherId: (f) => f.openedDocument },
      { name: "confirmReissue", kind: "flag", valid: () => "yes", flagValues: ["yes"] },
    ],
    wording: { form: "staffErrors", field: AGENT_FILE },
    succeeded: (o) => typeof o.state?.issued === "object",
  },
  // ---- rights requests, staff side (issue #7, point 3) -----------------------------------
  {
    key: "staff-rights-requests/actions#updateRightsRequestAction",
    principal: { kind: "staff", role: "OFPRA_AGENT" },
    fields: [
      { name: "requestId", kind: "id", valid: (f) => f.rightsRequest, otherId: (f) => f.applicant.id },
      { name: "status", kind: "choice", valid: () => "ANSWERED" },
      { name: "answeredOn", kind: "date", valid: (f) => f.today, kept: 300 },
    ],
    wording: { form: "staffErrors", field: (code) => `staffRights.${code}` },
    succeeded: redirectsTo(/^\/fr\/agent\/demandes-droits\?maj=repondue$/),
  },
  // ---- CNDA lookup (issue #6, point 7) ----------------------------------------------------
  {
    key: "staff-views/actions#lookUpDecisionAction",
    principal: { kind: "staff", role: "CNDA_STAFF" },
    fields: [{ name: "number", kind: "number", valid: (f) => f.applicant.agdrefNumber, kept: 300, normalises: NUMBER_FORGIVES }],
    wording: { form: "staffErrors", field: FIELD_ERRORS },
    // The applicant's decision is found: another number (unknown, or without a decision) gets "not found".
    succeeded: (o) => (o.state?.answer as { found?: boolean } | undefined)?.found === true,
  },
  // ---- public verification (issue #5, point 9) ---------------------------------------------
  {
    key: "verification/actions#verifyAction",
    principal: { kind: "nobody" },
    fields: [
      { name: "receipt", kind: "file", valid: (f) => file(f.receiptPdf, "accuse.pdf", "application/pdf"), otherFile: (f) => file(f.batchZip, "lot.zip", "application/zip") },
      { name: "document", kind: "file", valid: (f) => file(f.sealedDocumentPdf, "document.pdf", "application/pdf"), optional: true, otherFile: (f) => file(f.batchZip, "lot.zip", "application/zip") },
    ],
    wording: { form: "verify", field: FIELD_ERRORS },
    // A verdict whatever the files: valid only for the genuine receipt and its document.
    succeeded: (o) => (o.state?.result as { valid?: boolean } | undefined)?.valid === true,
  },
];
