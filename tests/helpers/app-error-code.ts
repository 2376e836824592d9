// What a use case ended with, as a comparable string: "OK", or the AppError code
// it threw (anything else is rethrown, so a crash never passes for a refusal).
import { AppError } from "../../src/server/errors";

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}
