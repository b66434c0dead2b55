import { spawn } from "node:child_process";
import { withRegion } from "../input/index.js";
import { PreviewSession } from "../preview/session.js";
import { startPreviewServer } from "../preview/server.js";
import { watchInputs } from "../preview/watch.js";
import { report } from "./report.js";
import type { CommandOptions } from "./commands.js";
import { EXIT } from "./usage.js";

/** The program that opens an address in the default browser, where there is a desktop to open it on. */
function browserCommand(url: string): [string, string[]] | undefined {
  if (process.env.CI) return undefined;
  if (process.platform === "win32") return ["cmd", ["/c", "start", '""', url]];
  if (process.platform === "darwin") return ["open", [url]];
  return process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ["xdg-open", [url]] : undefined;
}

function openBrowser(url: string): void {
  const command = browserCommand(url);
  if (!command) return;
  const child = spawn(command[0], command[1], { detached: true, stdio: "ignore", windowsHide: true });
  child.on("error", () => process.stdout.write(`没能自动打开浏览器：请在浏览器里打开 ${url}\n`));
  child.unref();
}

/**
 * tongbao preview: builds the circular, serves its pages on 127.0.0.1 and builds again whenever one of its files
 * changes, until Ctrl+C. The terminal shows each rebuild's problems too.
 */
export async function previewCommand(file: string, { outDir, build }: CommandOptions, options: { port: number; open: boolean; region?: string; soffice?: string }): Promise<number> {
  const session = new PreviewSession(file, { ...build, ...withRegion(options.region) }, options.soffice);
  await session.refresh();
  let server;
  try {
    server = await startPreviewServer(session, { port: options.port, outDir, ...(options.soffice ? { soffice: options.soffice } : {}) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") process.stderr.write(`错误：端口 ${options.port} 已被占用（可能已经开着一个预览）\n    提示：换一个端口，如 tongbao preview ${file} --port ${options.port + 1}\n`);
    else process.stderr.write(`错误：预览服务没能启动（${(e as Error).message}）\n`);
    return EXIT.badData;
  }
  const status = () => {
    const snapshot = session.snapshot();
    report(snapshot.diagnostics);
    const state = snapshot.diagnostics.some((d) => d.severity === "error") ? (snapshot.pages.length ? "有错误，显示上一次正确的页面" : "有错误，还没有页面") : `${snapshot.pages.length} 页`;
    process.stdout.write(`[${new Date().toLocaleTimeString("zh-CN", { hour12: false })}] ${file}：${state}\n`);
  };
  status();
  const watcher = watchInputs(
    () => session.inputs,
    () => session.templateDirs,
    () => {
      session.refresh().then(() => {
        watcher.sync();
        status();
      }, (e: unknown) => process.stderr.write(`预览出错：${(e as Error).message}\n`));
    },
  );
  process.stdout.write(`预览：${server.url}（只在本机可以打开；按 Ctrl+C 结束）\n`);
  if (options.open) openBrowser(server.url);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  watcher.close();
  await server.close();
  return EXIT.ok;
}
