// `npm run dev` (next dev) and `npm run start:local` (next start, after `npm run build`)
// on the local default: see scripts/local-stack.ts for what is started.
// Usage: tsx scripts/run.ts dev|start [--ephemeral]
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { DEMO_APPLICANTS, DEMO_STAFF } from "../prisma/seed";
import { ConfigurationError } from "../src/server/env";
import { prepareDemoAccess, type DemoAccess } from "./demo-access";
import { startLocalStack, type LocalStack } from "./local-stack";
import { writeLocalEnv } from "./local-env";

const modeArgument = process.argv[2];
if (modeArgument !== "dev" && modeArgument !== "start") {
  console.error("Usage: tsx scripts/run.ts dev|start [--ephemeral]");
  process.exit(2);
}
const mode: "dev" | "start" = modeArgument;
const ephemeral = process.argv.includes("--ephemeral");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "127.0.0.1";

function log(line: string) {
  console.log(`[epns] ${line}`);
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next ${mode} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The portal did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function banner(stack: LocalStack, url: string, demo: DemoAccess) {
  const lines = [
    "",
    "EPNS – espace personnel numérique sécurisé (OFPRA)",
    `  Portal:          ${url}  (English: ${url}/en, العربية: ${url}/ar)`,
    `  Database:        ${stack.embedded.database ? `embedded PostgreSQL, data in ${stack.databaseDir}` : "DATABASE_URL"}`,
    `  E-mail:          ${stack.embedded.smtp ? `local SMTP catcher ${stack.vars.SMTP_URL}, messages in ${path.join(stack.vars.LOCAL_DATA_DIR!, "mail")}` : "SMTP_URL"}`,
    `  SMS:             ${stack.embedded.sms ? `local sink ${stack.vars.SMS_API_URL}, messages in ${path.join(stack.vars.LOCAL_DATA_DIR!, "sms")}` : "SMS_API_URL"}`,
    `  Time-stamping:   ${stack.vars.TSA_URL ?? "built-in TSA"}`,
    mode === "dev" && stack.embedded.smtp ? `  Caught e-mails and SMS: ${url}/fr/dev/messages` : "",
    "",
    demo.pending
      ? `  Activate (${url}/fr/activation): AGDREF ${demo.pending.agdrefNumber}, connection key ${demo.pending.key}  (new key at each start)`
      : `  Demo applicant ${DEMO_APPLICANTS[0].agdrefNumber} is already activated (recover with \`npm run key:issue -- ${DEMO_APPLICANTS[0].agdrefNumber}\`).`,
    `  Sign in (${url}/fr/connexion): ${demo.active.agdrefNumber} or ${demo.active.ofpraNumber}, password ${demo.active.password}`,
    "  Other demo applicants (AGDREF / OFPRA number):",
    ...DEMO_APPLICANTS.slice(1).map((a) => `    ${a.agdrefNumber} / ${a.ofpraNumber ?? "—"}  (${a.state.toLowerCase()}; \`npm run key:issue -- ${a.agdrefNumber}\` gives a key letter)`),
    `  Demo staff (${url}/fr/agent/connexion), password ${demo.staffPassword}; TOTP enrolment (QR code) at the first sign-in:`,
    ...DEMO_STAFF.map((s) => `    ${s.email.padEnd(20)} ${s.role}`),
    stack.seeded ? "  (demo data created now)" : "  (existing data reused)",
    "",
  ];
  console.log(lines.join("\n"));
}

async function main() {
  const started = Date.now();
  const source = { ...process.env, APP_URL: process.env.APP_URL ?? `http://localhost:${port}` };
  if (mode === "start") source.NODE_ENV = "production";
  let stack: LocalStack;
  try {
    stack = await startLocalStack(source, { ephemeral, log });
  } catch (error) {
    console.error(error instanceof ConfigurationError ? error.message : `[epns] ${(error as Error).message}`);
    process.exit(1);
  }
  await writeLocalEnv(stack.vars.LOCAL_DATA_DIR!, stack.vars, process.env.E2E_STACK_FILE);
  Object.assign(process.env, stack.vars);
  let demo: DemoAccess;
  try {
    demo = await prepareDemoAccess();
  } catch (error) {
    console.error(`[epns] could not prepare the demo accounts: ${(error as Error).message}`);
    await stack.stop();
    process.exit(1);
  }
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const childEnv: Record<string, string> = { ...stack.vars, NEXT_TELEMETRY_DISABLED: "1" };
  const child = spawn(process.execPath, [nextBin, mode, "--port", String(port), "--hostname", hostname], {
    env: childEnv as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
  // The pg-boss worker (npm run worker), as production runs it: its own process.
  const tsxCli = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const worker = spawn(process.execPath, [tsxCli, "scripts/worker.ts"], {
    env: childEnv as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    worker.kill("SIGTERM");
    child.kill("SIGTERM");
    await Promise.all([child, worker].map((p) => (p.exitCode === null ? new Promise((resolve) => p.once("exit", resolve)) : undefined)));
    await stack.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 1));
  worker.on("exit", (code) => {
    if (!stopping) console.error(`[epns] the worker stopped (code ${code}); the portal goes on, retries and reminders wait for it.`);
  });

  const url = `http://localhost:${port}`;
  try {
    await waitForHealth(`http://${hostname}:${port}`, child, 180_000);
    banner(stack, url, demo);
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`[epns] ${(error as Error).message}`);
    await stop(1);
  }
}

void main();
