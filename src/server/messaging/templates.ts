// The messages EPNS sends. Texts live in messages/<locale>/notifications.json.
export const MESSAGE_TEMPLATES = [
  /** E-mail: single-use link to choose a new password (seed 000, art. 3). params: url */
  "recovery-link",
  /** SMS: single-use code to choose a new password (seed 000, art. 3). params: code */
  "recovery-code",
  /** E-mail or SMS: code confirming a new contact before use. params: code */
  "contact-code",
  /** E-mail or SMS: the 15-day login duty is approaching (seed 000, art. 4). params: url, dueDate (yyyy-mm-dd) */
  "login-reminder",
  /** E-mail or SMS: a document was made available (seed 000, art. 6). params: url, dueDate (its last day) */
  "document-available",
  /** E-mail or SMS: the document is still unopened (issue #5: day 7 and day 13). params: url, dueDate */
  "document-reminder",
  /** E-mail or SMS: the space will be deactivated (seed 000, art. 9); download everything before. params: url, dueDate (deactivation day) */
  "space-deactivation",
] as const;

export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];

/**
 * Messages that carry a single-use secret are useless (and should not linger)
 * once the secret has expired: past this age they are given up, not sent, and
 * every final message keeps only its locale (seed 003: data minimisation).
 */
export const SECRET_MESSAGE_MAX_AGE_MS: Partial<Record<MessageTemplate, number>> = {
  "recovery-link": 30 * 60_000,
  "recovery-code": 10 * 60_000,
  "contact-code": 30 * 60_000,
};
