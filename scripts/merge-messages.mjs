// Temporary build step while the foundation is written in parallel: merges messages/parts/<ns>.<locale>.json into messages/<locale>.json.
import fs from "node:fs";
for (const locale of ["ko", "en"]) {
  const out = {};
  for (const f of fs.readdirSync("messages/parts").sort()) {
    if (!f.endsWith(`.${locale}.json`)) continue;
    Object.assign(out, JSON.parse(fs.readFileSync(`messages/parts/${f}`, "utf8")));
  }
  const tmp = `messages/${locale}.json.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(out, null, 2) + "\n");
  fs.renameSync(tmp, `messages/${locale}.json`);
}
