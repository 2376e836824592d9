// The rights an applicant asks OFPRA to apply through a request (issue #7,
// point 3; seed 000, art. 10; seed 002; seed 003), and the message's length.
// Plain constants: the request form (a client component) reads them without
// pulling zod into the browser, where its JIT probe (`Function("")`) would be
// reported as a violation of the Content-Security-Policy.
export const RIGHTS_REQUEST_KINDS = ["RECTIFICATION", "ERASURE", "OBJECTION", "RESTRICTION"] as const;
export const RIGHTS_REQUEST_MESSAGE_MAX = 2000;
