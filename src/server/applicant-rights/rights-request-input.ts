// What a rights request may hold (issue #7, point 3): one of the rights the
// applicant exercises with OFPRA (seed 000, art. 10: rectification and erasure;
// seed 002: erasure on request and objection, GDPR art. 21; seed 003:
// limitation), and a plain-text message of at most 2,000 characters. Access and
// the rectification of the e-mail address and phone number need no request: the
// space serves them itself (/compte/mes-donnees, /compte).
import { z } from "zod";
import { hasForbiddenCharacters } from "../../lib/plain-text";
import { RIGHTS_REQUEST_KINDS, RIGHTS_REQUEST_MESSAGE_MAX } from "../../lib/rights-request-kinds";

export { RIGHTS_REQUEST_KINDS, RIGHTS_REQUEST_MESSAGE_MAX };

export const ZRightsRequestInput = z.object({
  kind: z.enum(RIGHTS_REQUEST_KINDS, { error: "kindRequired" }),
  message: z
    .string({ error: "messageRequired" })
    .transform((value) => value.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, { error: "messageRequired" })
        .max(RIGHTS_REQUEST_MESSAGE_MAX, { error: "messageTooLong" })
        .refine((value) => !hasForbiddenCharacters(value), { error: "messageCharacters" }),
    ),
});
export type TRightsRequestInput = z.infer<typeof ZRightsRequestInput>;
