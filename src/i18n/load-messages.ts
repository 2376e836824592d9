// UI text lives in messages/<locale>/<namespace>.json: one file per area, so
// that work on one area never touches another's text. This loader merges them
// into the object next-intl expects ({ namespace: { key: text } }).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Messages = { [key: string]: string | Messages };

const cache = new Map<string, Messages>();

export function loadMessages(locale: string, root = path.join(/*turbopackIgnore: true*/ process.cwd(), "messages")): Messages {
  const cacheKey = `${root}:${locale}`;
  const cached = cache.get(cacheKey);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const dir = path.join(/*turbopackIgnore: true*/ root, locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    messages[path.basename(file, ".json")] = JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ dir, file), "utf8")) as Messages;
  }
  cache.set(cacheKey, messages);
  return messages;
}
