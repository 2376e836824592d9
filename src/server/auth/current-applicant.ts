// The applicant of the current request, through next-auth's getServerSession
// (see next-auth-options.ts). Every applicant page and action calls it itself.
import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { AppError } from "../errors";
import { nextAuthOptions } from "./next-auth-options";

export type CurrentApplicant = { applicantId: string; sessionId: string; language: string };

export async function currentApplicant(): Promise<CurrentApplicant | null> {
  // Per request, never at build time (the configuration is a run-time matter).
  await connection();
  const session = (await getServerSession(nextAuthOptions())) as Partial<CurrentApplicant> | null;
  if (!session?.applicantId || !session.sessionId) return null;
  return { applicantId: session.applicantId, sessionId: session.sessionId, language: session.language ?? "fr" };
}

/** For actions: the applicant, or AppError SESSION_EXPIRED. */
export async function requireApplicant(): Promise<CurrentApplicant> {
  const applicant = await currentApplicant();
  if (!applicant) throw new AppError("SESSION_EXPIRED");
  return applicant;
}
