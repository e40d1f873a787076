#!/usr/bin/env node
/**
 * The system programs the tests use: Debian's Chromium (browser tests, never a downloaded
 * browser) and LibreOffice Calc (a real spreadsheet program opens what we write). Installs
 * what is missing when run as root on Debian (CI, a fresh machine); otherwise says what to run.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const needed = [
  { bin: "/usr/bin/chromium", pkg: "chromium" },
  { bin: "/usr/bin/soffice", pkg: "libreoffice-calc" },
];
const missing = needed.filter((n) => !existsSync(n.bin)).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const root = typeof process.getuid === "function" && process.getuid() === 0;
if (!root || !existsSync("/usr/bin/apt-get")) {
  console.error(
    `Testerna behöver ${missing.join(" och ")}. Installera med: sudo apt-get install -y ${missing.join(" ")}`,
  );
  process.exit(1);
}
console.log(`Installerar ${missing.join(", ")} (apt-get) …`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], {
  stdio: "inherit",
  env,
});
