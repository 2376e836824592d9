// The CNDA lookup's answer as the form receives it (dates as ISO strings).
export type TokenAnswer = { tokenGenTime: string | null; tsaName: string | null; tsaSerial: string | null };

export type DecisionAnswer =
  | { found: false }
  | {
      found: true;
      decisions: Array<{
        documentReference: string;
        documentSha256: string;
        availableAt: string;
        availability: TokenAnswer | null;
        reception: (TokenAnswer & { at: string; basis: "OPENED" | "DEEMED" }) | null;
        deadlineAt: string | null;
      }>;
    };
