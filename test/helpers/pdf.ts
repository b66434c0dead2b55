import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Points to millimetres. */
export const toMm = (pt: number): number => (pt * 25.4) / 72;

/** The 版心 on a portrait A4 page, in points from the top-left corner. */
export const BLOCK = { left: toPt(28), right: toPt(28 + 156), top: toPt(37), bottom: toPt(37 + 225) };
export function toPt(mm: number): number {
  return (mm * 72) / 25.4;
}

export interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** A visual row of text: words whose boxes share a baseline, left to right. */
export interface Row {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  words: Word[];
}

export interface PdfPage {
  width: number;
  height: number;
  rows: Row[];
}

/** Text of each page with positions, from `pdftotext -bbox-layout`, words grouped into rows by their bottom. */
export function readPdf(pdf: string): PdfPage[] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pages: PdfPage[] = [];
  const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');
  for (const page of html.split("<page ").slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
    const words: Word[] = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: decode(m[5]!),
    }));
    const rows: Row[] = [];
    for (const w of words.sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
      const row = rows.find((r) => Math.abs(r.yMax - w.yMax) < 1.5 && w.xMin >= r.xMin - 1);
      if (row) {
        row.words.push(w);
        row.xMin = Math.min(row.xMin, w.xMin);
        row.xMax = Math.max(row.xMax, w.xMax);
        row.yMin = Math.min(row.yMin, w.yMin);
      } else rows.push({ text: "", xMin: w.xMin, xMax: w.xMax, yMin: w.yMin, yMax: w.yMax, words: [w] });
    }
    for (const r of rows) {
      r.words.sort((a, b) => a.xMin - b.xMin);
      r.text = r.words.map((w) => w.text).join("");
    }
    pages.push({ width: Number(size[1]), height: Number(size[2]), rows: rows.sort((a, b) => a.yMin - b.yMin) });
  }
  return pages;
}

export interface Image {
  width: number;
  height: number;
  dpi: number;
  pixels: Buffer;
}

/** Every page as an RGB image (PPM from pdftoppm). */
export function renderPages(pdf: string, dpi: number): Image[] {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-ppm-"));
  try {
    execFileSync("pdftoppm", ["-r", String(dpi), pdf, join(dir, "p")]);
    return readdirSync(dir)
      .sort((a, b) => Number(/(\d+)\.ppm$/.exec(a)![1]) - Number(/(\d+)\.ppm$/.exec(b)![1]))
      .map((f) => {
        const data = readFileSync(join(dir, f));
        // P6 header: magic, width height, maxval, each followed by one white-space byte.
        const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString("latin1"))!;
        return { width: Number(header[1]), height: Number(header[2]), dpi, pixels: data.subarray(header[0].length) };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type Ink = "red" | "dark";

const isInk = (img: Image, i: number, ink: Ink): boolean => {
  const r = img.pixels[i]!;
  const g = img.pixels[i + 1]!;
  const b = img.pixels[i + 2]!;
  return ink === "red" ? r > 170 && g < 120 && b < 120 : r < 110 && g < 110 && b < 110;
};

/** A run of consecutive pixel rows holding ink, in millimetres from the page's top-left corner. */
export interface Band {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Bands of rows with ink of a colour, within a rectangle given in millimetres. */
export function inkBands(img: Image, ink: Ink, area: { top?: number; bottom?: number; left?: number; right?: number } = {}): Band[] {
  const px = (mm: number) => Math.round((mm / 25.4) * img.dpi);
  const mmOf = (p: number) => (p / img.dpi) * 25.4;
  const [y0, y1] = [px(area.top ?? 0), Math.min(img.height, px(area.bottom ?? 1e4))];
  const [x0, x1] = [px(area.left ?? 0), Math.min(img.width, px(area.right ?? 1e4))];
  const bands: Band[] = [];
  for (let y = y0; y < y1; y++) {
    let left = -1;
    let right = -1;
    for (let x = x0; x < x1; x++) {
      if (isInk(img, (y * img.width + x) * 3, ink)) {
        if (left < 0) left = x;
        right = x;
      }
    }
    if (left < 0) continue;
    const last = bands[bands.length - 1];
    if (last && Math.abs(px(last.bottom) - y) <= 0) {
      last.bottom = mmOf(y + 1);
      last.left = Math.min(last.left, mmOf(left));
      last.right = Math.max(last.right, mmOf(right + 1));
    } else bands.push({ top: mmOf(y), bottom: mmOf(y + 1), left: mmOf(left), right: mmOf(right + 1) });
  }
  return bands;
}

/** Horizontal rules: rows where one unbroken run of ink is at least `minLength` mm long. */
export function rules(img: Image, ink: Ink, minLength: number, area: { top?: number; bottom?: number } = {}): Band[] {
  const px = (mm: number) => Math.round((mm / 25.4) * img.dpi);
  const mmOf = (p: number) => (p / img.dpi) * 25.4;
  const found: Band[] = [];
  for (let y = px(area.top ?? 0); y < Math.min(img.height, px(area.bottom ?? 1e4)); y++) {
    let start = -1;
    for (let x = 0; x <= img.width; x++) {
      const on = x < img.width && isInk(img, (y * img.width + x) * 3, ink);
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (mmOf(x - start) >= minLength) {
          const last = found[found.length - 1];
          if (last && Math.round(last.bottom * 1000) === Math.round(mmOf(y) * 1000)) last.bottom = mmOf(y + 1);
          else found.push({ top: mmOf(y), bottom: mmOf(y + 1), left: mmOf(start), right: mmOf(x) });
        }
        start = -1;
      }
    }
  }
  return found;
}
