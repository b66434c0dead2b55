import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { packageFile } from "../package-files.js";

const run = promisify(execFile);

/** The fontconfig file that maps GB/T 9704 font names to free Debian fonts. */
export const FONTS_CONF = packageFile("fonts/fonts.conf");

export class LibreOfficeMissing extends Error {
  constructor() {
    super("没有找到 LibreOffice（soffice），无法生成 PDF。Debian/Ubuntu 上安装：sudo apt-get install -y libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai");
  }
}

function findSoffice(): string | undefined {
  const names = ["soffice", "libreoffice"];
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of names) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Converts .docx files to PDF with LibreOffice, headless, with the fonts mapped by fonts/fonts.conf. Each call uses
 * its own LibreOffice profile, so conversions can run side by side. Returns the PDF paths, in order.
 */
export async function convertToPdf(docxFiles: string[], outDir: string): Promise<string[]> {
  const soffice = findSoffice();
  if (!soffice) throw new LibreOfficeMissing();
  const profile = await mkdtemp(join(tmpdir(), "tongbao-lo-"));
  try {
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...docxFiles], {
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
      timeout: 300_000,
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdfs = docxFiles.map((f) => join(outDir, `${basename(f, extname(f))}.pdf`));
  const missing = pdfs.filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`LibreOffice 没有生成 ${missing.join("、")}`);
  return pdfs;
}
