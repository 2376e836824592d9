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
] as const;

export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];
