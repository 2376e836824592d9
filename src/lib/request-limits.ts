// The largest request body the app accepts (issue #7, point 4: request size
// limits). Uploads through server actions, the agent's deposit (issue #5,
// point 1) and a document with its receipt on /verify (point 9), may be as
// large as DOCUMENT_MAX_BYTES plus a receipt and the form's other fields (6 MiB).
// next.config.ts gives it to Next (server actions, proxy buffer); src/proxy.ts
// refuses larger declared bodies with a 413 before any action runs; the reverse
// proxy (deploy/nginx.conf, client_max_body_size) refuses them earlier still.

const FORM_ALLOWANCE_BYTES = 6 * 1024 * 1024;

export function requestBodyLimitBytes(documentMaxBytes: number): number {
  return documentMaxBytes + FORM_ALLOWANCE_BYTES;
}
