/*
 * The preview page: the circular's pages as the server sends them, redrawn when the data changes (keeping the
 * scroll), the problems of the data with the line each points into, and, under the pointer, where a figure or a
 * table cell comes from. ES2017 and the DOM only (see tsconfig.json: the floor is Chromium 58).
 */

interface Place {
  file: string;
  line: number;
  col: number;
  cell?: string;
  source?: string;
}

interface Problem extends Place {
  severity: "error" | "warning";
  message: string;
  hint?: string;
}

interface Snapshot {
  version: number;
  title: string;
  file: string;
  pages: string[];
  css: string;
  stale: boolean;
  /** LibreOffice is there to make a PDF. */
  pdf: boolean;
  diagnostics: Problem[];
  acknowledged: Problem[];
}

interface Provenance {
  items: { name: string; value: string; how: string; inputs: { name: string; value: string; at?: Place }[]; at: Place[] }[];
}

const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

function element(tag: string, cls?: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const where = (p: Place): string => (p.cell ? `${p.file}!${p.cell}` : p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file);

/** The line a place points into, its column marked. */
function sourceLine(p: Place): HTMLElement | undefined {
  if (p.source === undefined) return undefined;
  const chars = Array.from(p.source);
  const at = Math.max(0, Math.min(chars.length, p.col - 1));
  const line = element("div", "source");
  line.appendChild(element("span", "lineno", String(p.line)));
  line.appendChild(document.createTextNode(chars.slice(0, at).join("")));
  line.appendChild(element("mark", "", chars[at] !== undefined ? chars[at] : " "));
  line.appendChild(document.createTextNode(chars.slice(at + 1).join("")));
  return line;
}

function problemItem(d: Problem): HTMLElement {
  const item = element("li", d.severity);
  const head = element("div", "head");
  head.appendChild(element("span", "kind", d.severity === "error" ? "错误" : "提醒"));
  head.appendChild(element("code", "where", where(d)));
  item.appendChild(head);
  item.appendChild(element("div", "message", d.message));
  const line = sourceLine(d);
  if (line) item.appendChild(line);
  if (d.hint) item.appendChild(element("div", "hint", `提示：${d.hint}`));
  return item;
}

function showProblems(s: Snapshot): void {
  const panel = byId("problems");
  panel.textContent = "";
  const errors = s.diagnostics.filter((d) => d.severity === "error");
  const warnings = s.diagnostics.filter((d) => d.severity === "warning");
  const section = (title: string, list: Problem[], cls: string) => {
    if (!list.length) return;
    panel.appendChild(element("h2", cls, `${title}（${list.length}）`));
    const ul = element("ul", cls);
    for (const d of list) ul.appendChild(problemItem(d));
    panel.appendChild(ul);
  };
  section("错误", errors, "errors");
  section("提醒", warnings, "warnings");
  section("已登记的提醒", s.acknowledged, "acknowledged");
  document.body.classList.toggle("has-problems", panel.childNodes.length > 0);
  const banner = byId("stale");
  banner.hidden = !s.stale && !(errors.length > 0 && s.pages.length === 0);
  banner.textContent = s.pages.length === 0 ? "数据有错误，还没有可以显示的页面：改正右侧列出的错误后自动刷新。" : "数据有错误：下面是上一次正确时的页面。改正右侧列出的错误后自动刷新。";
}

let shown = -1;
let explained: { [ref: string]: Provenance | null } = {};

function render(s: Snapshot): void {
  const scroller = document.scrollingElement || document.documentElement;
  const top = scroller.scrollTop;
  const left = scroller.scrollLeft;
  byId("page-style").textContent = s.css;
  byId("pages").innerHTML = s.pages.join("");
  document.title = `${s.title} — 预览`;
  byId("title").textContent = s.title;
  byId("count").textContent = s.pages.length ? `共 ${s.pages.length} 页` : "";
  byId("version").textContent = String(s.version);
  byId("pdf").hidden = !s.pdf;
  showProblems(s);
  scroller.scrollTop = top;
  scroller.scrollLeft = left;
  shown = s.version;
  explained = {};
  hideWhy();
}

async function load(): Promise<void> {
  const response = await fetch("state", { cache: "no-store" });
  if (!response.ok) return;
  const s = (await response.json()) as Snapshot;
  if (s.version !== shown) render(s);
}

function hideWhy(): void {
  byId("why").hidden = true;
}

function whyPanel(p: Provenance): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const item of p.items) {
    const box = element("div", "item");
    const head = element("div", "head");
    head.appendChild(element("code", "name", item.name));
    if (item.value) head.appendChild(element("span", "value", `= ${item.value}`));
    box.appendChild(head);
    box.appendChild(element("div", "how", item.how));
    if (item.inputs.length) {
      const ul = element("ul", "inputs");
      for (const input of item.inputs) {
        const li = element("li");
        li.appendChild(element("code", "", input.name));
        li.appendChild(document.createTextNode(` = ${input.value}`));
        if (input.at) li.appendChild(element("span", "at", `　${where(input.at)}`));
        ul.appendChild(li);
      }
      box.appendChild(ul);
    }
    const places = item.at.slice(0, 8);
    for (const at of places) {
      const line = element("div", "at");
      line.appendChild(element("code", "where", where(at)));
      const source = sourceLine(at);
      if (source) line.appendChild(source);
      box.appendChild(line);
    }
    if (item.at.length > places.length) box.appendChild(element("div", "more", `……另有 ${item.at.length - places.length} 处`));
    out.appendChild(box);
  }
  return out;
}

function placeWhy(target: Element): void {
  const why = byId("why");
  const r = target.getBoundingClientRect();
  const width = Math.min(460, window.innerWidth - 16);
  why.style.width = `${width}px`;
  why.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - width - 8))}px`;
  const below = r.bottom + 6;
  why.style.top = `${below + why.offsetHeight > window.innerHeight ? Math.max(8, r.top - why.offsetHeight - 6) : below}px`;
}

let pointed: Element | null = null;

async function explain(target: Element): Promise<void> {
  const ref = target.getAttribute("data-ref") || "";
  if (!(ref in explained)) {
    const version = shown;
    const response = await fetch(`explain?ref=${encodeURIComponent(ref)}`, { cache: "no-store" });
    const found = response.ok ? ((await response.json()) as Provenance) : null;
    if (version !== shown) return;
    explained[ref] = found;
  }
  if (pointed !== target) return;
  const p = explained[ref];
  const why = byId("why");
  if (!p) {
    hideWhy();
    return;
  }
  why.textContent = "";
  why.appendChild(whyPanel(p));
  why.hidden = false;
  placeWhy(target);
}

document.addEventListener("mouseover", (e) => {
  const target = e.target instanceof Element ? e.target.closest("[data-ref]") : null;
  if (target === pointed) return;
  if (target === null && e.target instanceof Element && e.target.closest("#why")) return;
  pointed = target;
  if (target) explain(target).catch(hideWhy);
  else hideWhy();
});

const events = new EventSource("events");
events.onmessage = () => {
  load().catch(() => undefined);
};
load().catch(() => undefined);
