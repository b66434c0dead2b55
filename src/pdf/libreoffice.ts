import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { basename, extname, join, posix, win32 } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { packageFile } from "../package-files.js";

const run = promisify(execFile);

/** The fontconfig file that maps GB/T 9704 font names to free Debian fonts. */
export const FONTS_CONF = packageFile("fonts/fonts.conf");

/** What finding LibreOffice depends on, passed in so that every platform can be tried from any one. */
export interface Host {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  isFile(path: string): boolean;
  /** Names in a folder (empty when it cannot be read). */
  list(folder: string): string[];
}

export const thisHost = (): Host => ({
  platform: process.platform,
  env: process.env,
  home: homedir(),
  isFile: (path) => existsSync(path),
  list: (folder) => {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  },
});

/** The environment variable that names LibreOffice's program when it is somewhere unusual. */
export const SOFFICE_VARIABLE = "TONGBAO_SOFFICE";

/** Where LibreOffice installs itself on each platform, besides PATH. */
function installFolders(host: Host): string[] {
  const path = host.platform === "win32" ? win32 : posix;
  switch (host.platform) {
    case "win32":
      return [host.env.ProgramFiles, host.env["ProgramFiles(x86)"], host.env.LOCALAPPDATA && path.join(host.env.LOCALAPPDATA, "Programs")]
        .filter((dir): dir is string => !!dir)
        .map((dir) => path.join(dir, "LibreOffice", "program", "soffice.exe"));
    case "darwin":
      return ["/Applications", path.join(host.home, "Applications")].map((dir) => path.join(dir, "LibreOffice.app", "Contents", "MacOS", "soffice"));
    default:
      // Debian and its derivatives (UOS, Kylin), the Document Foundation's own packages in /opt, snap and flatpak.
      return [
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        ...host.list("/opt").filter((d) => /^libreoffice/i.test(d)).sort().reverse().map((d) => path.join("/opt", d, "program", "soffice")),
        "/snap/bin/libreoffice",
        "/var/lib/flatpak/exports/bin/org.libreoffice.LibreOffice",
      ];
  }
}

/**
 * LibreOffice's program: the one named by the option or TONGBAO_SOFFICE, else the first on PATH, else the first in
 * the platform's usual install folders.
 */
export function findSoffice(host: Host = thisHost(), named?: string): string | undefined {
  const explicit = named ?? host.env[SOFFICE_VARIABLE];
  if (explicit) return host.isFile(explicit) ? explicit : undefined;
  const windows = host.platform === "win32";
  const path = windows ? win32 : posix;
  const names = windows ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  const onPath = (host.env.PATH ?? host.env.Path ?? "").split(windows ? ";" : ":").filter(Boolean);
  for (const dir of onPath) for (const name of names) if (host.isFile(path.join(dir, name))) return path.join(dir, name);
  return installFolders(host).find((file) => host.isFile(file));
}

/** How to install LibreOffice on the platform the clerk is on. */
export function installHint(platform: NodeJS.Platform): string {
  const how =
    platform === "win32"
      ? "Windows：从 https://zh-cn.libreoffice.org 下载安装（默认装在 C:\\Program Files\\LibreOffice），或在单位的软件中心安装"
      : platform === "darwin"
        ? "macOS：从 https://zh-cn.libreoffice.org 下载安装，或 brew install --cask libreoffice"
        : "统信 UOS、麒麟：在应用商店安装 LibreOffice；Debian、Ubuntu：sudo apt-get install -y libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai";
  return `${how}。装在别处的，用 --soffice <路径> 或环境变量 ${SOFFICE_VARIABLE} 指明 soffice 程序。`;
}

/** PDF could not be made: LibreOffice is missing, or it failed. The message says what to do. */
export class PdfError extends Error {}

/**
 * Converts .docx files to PDF with LibreOffice, headless, with the fonts mapped by fonts/fonts.conf. Each call uses
 * its own LibreOffice profile, so conversions can run side by side. Returns the PDF paths, in order.
 */
export async function convertToPdf(docxFiles: string[], outDir: string, soffice = findSoffice()): Promise<string[]> {
  if (!soffice) throw new PdfError(`没有找到 LibreOffice，无法生成 PDF。${installHint(process.platform)}`);
  const profile = await mkdtemp(join(tmpdir(), "tongbao-lo-"));
  try {
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...docxFiles], {
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
      timeout: 300_000,
    });
  } catch (e) {
    const why = (e as { killed?: boolean }).killed ? "5 分钟内没有完成" : ((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split("\n")[0];
    throw new PdfError(`LibreOffice（${soffice}）转换 PDF 失败：${why}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdfs = docxFiles.map((f) => join(outDir, `${basename(f, extname(f))}.pdf`));
  const missing = pdfs.filter((p) => !existsSync(p));
  if (missing.length) throw new PdfError(`LibreOffice 没有生成 ${missing.join("、")}：关闭正在运行的 LibreOffice 后再试`);
  return pdfs;
}
