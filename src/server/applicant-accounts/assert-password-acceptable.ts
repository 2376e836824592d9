// seed 003: at least 8 characters with upper case, lower case and a digit;
// issue #4: at most 128, not common, not the applicant's own number.
import { passwordProblems } from "../../lib/password-policy";
import { AppError } from "../errors";

export function assertPasswordAcceptable(password: string, identifiers: ReadonlyArray<string | null>): void {
  const problems = passwordProblems(password, identifiers.filter((id): id is string => Boolean(id)));
  if (problems.length > 0) throw new AppError("PASSWORD_REJECTED", { problems: problems.join(",") });
}
