import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/pipeline.js";
import { pagesCss, writePages } from "../src/writers/html/write-pages.js";
import { convertToPdf, findSoffice } from "../src/pdf/libreoffice.js";
import { ROOT, tongbao } from "./helpers/cli.js";
import { readPdf, toMm, type PdfPage } from "./helpers/pdf.js";

/**
 * The preview in a real browser: Debian's Chromium, driven by playwright-core (no browser of its own), against
 * `tongbao preview` running on a copy of an example. CI installs Chromium (.ci/run); elsewhere the test is skipped
 * when there is none.
 */
const CHROMIUM = process.env.TONGBAO_CHROMIUM ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs the chromium package`);

const EXAMPLE = "guangdong-2019-q1";
/**
 * How far the foot of a line may stand from where LibreOffice prints it. The feet are compared: the two measure a
 * line's top from different font ascents (the PDF's font descriptor, the browser's font tables).
 */
const TOLERANCE_MM = 1;
/** For display type (a 发文机关标志 of 20 mm), a tenth of the line's height: its ascent differs in proportion. */
const RELATIVE_TOLERANCE = 0.1;

/** Rows of text of one page as the browser shows it, grouped by their bottoms as readPdf groups the PDF's words. */
interface ShownRow {
  text: string;
  top: number;
  bottom: number;
}

async function shownRows(page: Page, n: number): Promise<ShownRow[]> {
  return page.evaluate((index) => {
    const sheet = document.querySelectorAll(".sheet")[index] as HTMLElement;
    const origin = sheet.getBoundingClientRect();
    const boxes: { text: string; top: number; bottom: number; left: number }[] = [];
    // Each leaf of text: a line's runs, a cell's lines, a 版记 line, the page number.
    const leaves = sheet.querySelectorAll(".line > span:not(.tab), .line .tab > span, .cell > div, .colophon .inner > span:not(.tab), .colophon .tab > span, .number");
    leaves.forEach((el) => {
      const text = (el.textContent ?? "").replace(/[\s\u200b]/g, "");
      if (!text) return;
      const r = el.getBoundingClientRect();
      boxes.push({ text, top: r.top - origin.top, bottom: r.bottom - origin.top, left: r.left - origin.left });
    });
    boxes.sort((a, b) => a.bottom - b.bottom || a.left - b.left);
    const rows: { text: string; top: number; bottom: number; parts: { text: string; left: number }[] }[] = [];
    for (const b of boxes) {
      const row = rows.find((r) => Math.abs(r.bottom - b.bottom) < 2);
      if (row) {
        row.parts.push(b);
        row.top = Math.min(row.top, b.top);
      } else rows.push({ text: "", top: b.top, bottom: b.bottom, parts: [b] });
    }
    return rows
      .map((r) => ({ text: r.parts.sort((a, b) => a.left - b.left).map((p) => p.text).join(""), top: r.top, bottom: r.bottom }))
      .sort((a, b) => a.top - b.top);
  }, n);
}

const PX_TO_MM = 25.4 / 96;
const squeeze = (s: string) => s.replace(/\s/g, "");
const isPageNumber = (s: string) => /^—\d+—$/.test(squeeze(s));

/** A page of the preview has the first and last line of LibreOffice's, and each line LibreOffice prints at its height. */
async function expectSameLines(page: Page, n: number, printedPage: PdfPage): Promise<void> {
  const shown = (await shownRows(page, n)).filter((r) => !isPageNumber(r.text));
  const printed = printedPage.rows.filter((r) => !isPageNumber(r.text));
  expect(squeeze(shown[0]!.text), `page ${n + 1} first line`).toBe(squeeze(printed[0]!.text));
  expect(squeeze(shown[shown.length - 1]!.text), `page ${n + 1} last line`).toBe(squeeze(printed[printed.length - 1]!.text));
  // Every line LibreOffice prints stands at the same height in the preview (the nearest of equal lines).
  for (const row of printed) {
    const offsets = shown.filter((s) => squeeze(s.text) === squeeze(row.text)).map((s) => Math.abs(s.bottom * PX_TO_MM - toMm(row.yMax)));
    if (offsets.length) expect(Math.min(...offsets), `page ${n + 1}: “${row.text}”`).toBeLessThan(Math.max(TOLERANCE_MM, RELATIVE_TOLERANCE * toMm(row.yMax - row.yMin)));
  }
  const matched = printed.filter((row) => shown.some((s) => squeeze(s.text) === squeeze(row.text))).length;
  expect(matched / printed.length, `page ${n + 1}: lines found in both`).toBeGreaterThan(0.8);
}

function httpStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on("error", fail);
    req.end();
  });
}

describe.skipIf(!haveChromium)("tongbao preview in Chromium", () => {
  let dir: string;
  let data: string;
  let original: string;
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  let pdf: PdfPage[];
  let pages: number;
  const shots: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tongbao-preview-"));
    data = join(dir, `${EXAMPLE}.yaml`);
    copyFileSync(`${ROOT}data/${EXAMPLE}.yaml`, data);
    original = readFileSync(data, "utf8");
    const built = await build(data, { root: dir });
    pages = built.pages;
    const docx = join(dir, `${EXAMPLE}.docx`);
    writeFileSync(docx, built.docx);
    pdf = readPdf((await convertToPdf([docx], dir, findSoffice()))[0]!);

    server = spawn(process.execPath, [`${ROOT}dist/tongbao.js`, "preview", `${EXAMPLE}.yaml`, "--port", "0", "--no-open"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    url = await new Promise<string>((done, fail) => {
      let out = "";
      server.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const found = /预览：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (found) done(found[1]!);
      });
      server.once("exit", (code) => fail(new Error(`preview exited ${code}: ${out}`)));
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      // The same fonts as LibreOffice's render: the names the .docx asks for, mapped as fonts/fonts.conf maps them.
      env: { ...process.env, FONTCONFIG_FILE: `${ROOT}fonts/fonts.conf` },
    });
    page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
    await page.goto(url);
    await page.waitForSelector(".sheet");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill("SIGTERM");
  });

  it("shows the pages of the .docx: their count, page 1's text, each page's first and last line where LibreOffice prints them", async () => {
    expect(await page.locator(".sheet").count()).toBe(pages);
    expect(pdf.length).toBe(pages);
    const first = await page.locator(".sheet").first().innerText();
    expect(squeeze(first)).toContain("广东省发电");
    expect(squeeze(first)).toContain(squeeze("广东省人民政府办公厅关于2019年第一季度全省政府网站检查情况的通报"));
    const shotDir = join(dir, "screenshots");
    mkdirSync(shotDir, { recursive: true });
    for (let n = 0; n < pages; n++) {
      const shot = join(shotDir, `page-${n + 1}.png`);
      await page.locator(".sheet").nth(n).screenshot({ path: shot });
      shots.push(shot);
      await expectSameLines(page, n, pdf[n]!);
    }
    expect(shots.every((s) => existsSync(s))).toBe(true);
  }, 120_000);

  it("says where a 合计 cell comes from: what it adds up, and the data line of each row", async () => {
    const total = page.locator('.cell[data-ref^="total:0:"]', { hasText: "737" }).first();
    await total.scrollIntoViewIfNeeded();
    await total.hover();
    const why = page.locator("#why");
    await why.waitFor({ state: "visible" });
    const text = await why.innerText();
    expect(text).toContain("合计");
    expect(text).toContain("737");
    expect(text).toContain("22 行的 running 之和");
    expect(text).toMatch(new RegExp(`${EXAMPLE}\\.yaml:29:\\d+`));
  });

  it("says where a figure in the text comes from", async () => {
    const figure = page.locator('.fig[data-ref="text:sites.running"]').first();
    await figure.scrollIntoViewIfNeeded();
    await figure.hover();
    await page.locator("#why").waitFor({ state: "visible" });
    expect(await page.locator("#why").innerText()).toContain("按各地统计（regions）合计");
  });

  it("updates the pages when the data is saved, keeping the scroll position", async () => {
    const table = page.locator(".sheet").nth(5);
    await table.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollTop);
    expect(before).toBeGreaterThan(0);
    const version = await page.locator("#version").textContent();
    writeFileSync(
      data,
      original.replace("{ region: 广州, running: 62, checked: 62 }", "{ region: 广州, running: 64, checked: 64 }").replace("{ name: 县级以下政府网站, count: 5 }", "{ name: 县级以下政府网站, count: 7 }"),
    );
    await page.waitForFunction((v) => document.getElementById("version")!.textContent !== v, version, { timeout: 10_000 });
    await expect.poll(() => page.locator('.cell[data-ref^="total:0:"]', { hasText: "739" }).count()).toBeGreaterThan(0);
    const after = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollTop);
    expect(after).toBe(before);
    expect(await page.locator("#stale").isHidden()).toBe(true);
  });

  it("keeps the last good pages when the YAML breaks, and shows the error at its line and column", async () => {
    const broken = original.replace("  sites:\n    label: 政府网站", "  sites:\n    label: [政府网站");
    writeFileSync(data, broken);
    const check = tongbao(["check", `${EXAMPLE}.yaml`], { cwd: dir });
    const position = new RegExp(`${EXAMPLE}\\.yaml:(\\d+):(\\d+)`).exec(check.stderr);
    expect(position, check.stderr).not.toBeNull();
    const problems = page.locator("#problems");
    await expect.poll(() => problems.innerText(), { timeout: 10_000 }).toContain(position![0]);
    expect(await page.locator("#stale").isVisible()).toBe(true);
    expect(await page.locator(".sheet").count()).toBe(pages);
    // The line the error is on is shown with the column marked.
    expect(await problems.locator(".source mark").count()).toBeGreaterThan(0);
  });

  it("serves only its own page: another Host or Origin is refused", async () => {
    const port = new URL(url).port;
    expect(await httpStatus(`${url}state`, { Host: `127.0.0.1:${port}` })).toBe(200);
    expect(await httpStatus(`${url}state`, { Host: `evil.example:${port}` })).toBe(403);
    expect(await httpStatus(`${url}state`, { Host: `127.0.0.1:${port}`, Origin: "http://evil.example" })).toBe(403);
    expect(await httpStatus(`${url}../../etc/passwd`, { Host: `127.0.0.1:${port}` })).toBe(404);
    expect(await httpStatus(`${url}download/docx`, { Host: `127.0.0.1:${port}` })).toBe(200);
  });
});

/** The other examples' pages, as the preview writes them, against LibreOffice's render of their .docx. */
describe.skipIf(!haveChromium)("the preview's pages of every example match LibreOffice's", () => {
  const others = readdirSync(`${ROOT}data`).filter((f) => f.endsWith(".yaml") && !f.startsWith(EXAMPLE)).map((f) => f.replace(/\.yaml$/, ""));
  let browser: Browser;
  let dir: string;
  const pdfs = new Map<string, PdfPage[]>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tongbao-preview-pages-"));
    const docx = await Promise.all(
      others.map(async (name) => {
        const file = join(dir, `${name}.docx`);
        writeFileSync(file, (await build(`${ROOT}data/${name}.yaml`, { root: ROOT })).docx);
        return file;
      }),
    );
    const converted = await convertToPdf(docx, dir, findSoffice());
    others.forEach((name, i) => pdfs.set(name, readPdf(converted[i]!)));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"], env: { ...process.env, FONTCONFIG_FILE: `${ROOT}fonts/fonts.conf` } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(others)("%s", async (name) => {
    const built = await build(`${ROOT}data/${name}.yaml`, { root: ROOT, marks: true });
    const page = await browser.newPage({ viewport: { width: 1300, height: 1100 } });
    await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>${pagesCss(built.plan)}</style></head><body>${writePages(built.plan).join("")}</body></html>`);
    const printed = pdfs.get(name)!;
    expect(await page.locator(".sheet").count()).toBe(printed.length);
    for (let n = 0; n < printed.length; n++) await expectSameLines(page, n, printed[n]!);
    await page.close();
  }, 60_000);
});
