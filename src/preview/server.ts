import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { writeOutput } from "../pack/write-output.js";
import { packageFile } from "../package-files.js";
import { PdfError, convertToPdf, findSoffice } from "../pdf/libreoffice.js";
import { docxOf } from "../pipeline.js";
import { writeHtml } from "../writers/html/write-html.js";
import { APP_CSS } from "./app-css.js";
import type { PreviewSession } from "./session.js";

/** The page around the pages: a bar with the title and the downloads, the pages, the problems, the pointer's box. */
const INDEX_HTML = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>预览</title>
<link rel="stylesheet" href="app.css">
<style id="page-style"></style>
</head>
<body>
<header id="bar">
<span id="title"></span> <span id="count"></span>
<nav>下载：<a href="download/docx" download>Word（.docx）</a> <a id="pdf" href="download/pdf" download>PDF</a> <a href="download/html" download>网页</a></nav>
<span id="version" hidden></span>
</header>
<div id="stale" hidden></div>
<main id="pages"></main>
<aside id="problems"></aside>
<div id="why" hidden></div>
<script src="app.js"></script>
</body>
</html>
`;

const SECURITY_HEADERS = {
  "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
} as const;

/** Keeps an idle event stream open through proxies and sleeping laptops. */
const KEEPALIVE_MS = 15_000;

export interface PreviewServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Whether a request comes from the page this server serves: its Host must be the loopback address and port it
 * listens on (a page from elsewhere that renamed its host to 127.0.0.1 — DNS rebinding — sends its own name), and
 * an Origin, when sent, must be the same.
 */
export function fromOwnPage(req: IncomingMessage, port: number): boolean {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!own.includes((req.headers.host ?? "").toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !own.some((h) => origin.toLowerCase() === `http://${h}`)) return false;
  return req.headers["sec-fetch-site"] === undefined || ["same-origin", "none"].includes(String(req.headers["sec-fetch-site"]));
}

const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}) => {
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": type, ...extra });
  res.end(body);
};

const attachment = (name: string) => ({ "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });

/**
 * Serves the preview of a session on 127.0.0.1 only: the page and its two assets, the current pages and problems,
 * a stream saying when they change, what a figure comes from, and the downloads. Nothing else is served; the
 * only file written is the .docx (and PDF) of a PDF download, in the output folder.
 */
export async function startPreviewServer(session: PreviewSession, options: { port: number; outDir: string; soffice?: string }): Promise<PreviewServer> {
  const appJs = readFileSync(packageFile("dist/preview/client/app.js"), "utf8");
  const streams = new Set<ServerResponse>();
  const unsubscribe = session.onChange((version) => {
    for (const res of streams) res.write(`data: ${version}\n\n`);
  });
  const keepalive = setInterval(() => {
    for (const res of streams) res.write(": \n\n");
  }, KEEPALIVE_MS);
  keepalive.unref();

  let port = options.port;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!fromOwnPage(req, port)) return send(res, 403, "text/plain; charset=utf-8", "只接受本机预览页面的请求（Host 或 Origin 不是本机地址）");
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain; charset=utf-8", "只接受 GET 请求", { Allow: "GET, HEAD" });
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    switch (url.pathname) {
      case "/":
        return send(res, 200, "text/html; charset=utf-8", INDEX_HTML);
      case "/app.js":
        return send(res, 200, "text/javascript; charset=utf-8", appJs);
      case "/app.css":
        return send(res, 200, "text/css; charset=utf-8", APP_CSS);
      case "/favicon.ico":
        return send(res, 204, "image/x-icon", "");
      case "/state":
        return send(res, 200, "application/json; charset=utf-8", JSON.stringify(session.snapshot()));
      case "/explain": {
        const found = session.explain(url.searchParams.get("ref") ?? "");
        return found ? send(res, 200, "application/json; charset=utf-8", JSON.stringify(found)) : send(res, 404, "application/json; charset=utf-8", "null");
      }
      case "/events":
        res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive" });
        res.write(`retry: 1000\ndata: ${session.version}\n\n`);
        streams.add(res);
        req.on("close", () => streams.delete(res));
        return;
      case "/download/docx":
      case "/download/html":
      case "/download/pdf":
        return download(url.pathname.slice("/download/".length) as "docx" | "html" | "pdf", res);
      default:
        return send(res, 404, "text/plain; charset=utf-8", "没有这个页面");
    }
  };

  const download = async (kind: "docx" | "html" | "pdf", res: ServerResponse): Promise<void> => {
    const built = session.built;
    if (!built) return send(res, 409, "text/plain; charset=utf-8", "还没有可以下载的通报：先改正数据里的错误");
    if (kind === "docx") return send(res, 200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", await docxOf(built.plan), attachment(`${session.name}.docx`));
    if (kind === "html") return send(res, 200, "text/html; charset=utf-8", writeHtml(built.plan), attachment(`${session.name}.html`));
    try {
      const docx = join(options.outDir, `${session.name}.docx`);
      await writeOutput(docx, await docxOf(built.plan), { within: options.outDir });
      const [pdf] = await convertToPdf([docx], options.outDir, findSoffice(undefined, options.soffice));
      return send(res, 200, "application/pdf", await readFile(pdf!), attachment(`${session.name}.pdf`));
    } catch (e) {
      if (!(e instanceof PdfError)) throw e;
      return send(res, 503, "text/plain; charset=utf-8", e.message);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", `预览出错：${(e as Error).message}`);
      else res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", fail);
      done();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        unsubscribe();
        clearInterval(keepalive);
        for (const res of streams) res.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
