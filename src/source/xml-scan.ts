/**
 * A small XML reader for the parts of an .xlsx (machine-written, well-formed): elements with their attributes, and
 * text. One pass with indexOf, no regular expression that could backtrack; comments, processing instructions and
 * CDATA handled. Not a general XML parser: no DTD, no namespaces resolved (names keep their prefix).
 */
export type XmlEvent = { type: "open"; name: string; attrs: Record<string, string>; empty: boolean } | { type: "close"; name: string } | { type: "text"; text: string };

const ENTITY = /&(?:lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
const NAMED: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (e) => {
    if (e[1] !== "#") return NAMED[e]!;
    const code = e[2] === "x" ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : e;
  });
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = 0;
  while (i < source.length) {
    while (i < source.length && /\s/.test(source[i]!)) i++;
    const eq = source.indexOf("=", i);
    if (eq < 0) break;
    const name = source.slice(i, eq).trim();
    let q = eq + 1;
    while (q < source.length && /\s/.test(source[q]!)) q++;
    const quote = source[q];
    if (quote !== '"' && quote !== "'") break;
    const end = source.indexOf(quote, q + 1);
    if (end < 0) break;
    attrs[name] = decodeEntities(source.slice(q + 1, end));
    i = end + 1;
  }
  return attrs;
}

export function* scanXml(xml: string): Generator<XmlEvent> {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      yield { type: "text", text: decodeEntities(xml.slice(i)) };
      return;
    }
    if (lt > i) yield { type: "text", text: decodeEntities(xml.slice(i, lt)) };
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      i = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      yield { type: "text", text: xml.slice(lt + 9, end < 0 ? xml.length : end) };
      i = end < 0 ? xml.length : end + 3;
    } else if (xml[lt + 1] === "?" || xml[lt + 1] === "!") {
      const end = xml.indexOf(">", lt);
      i = end < 0 ? xml.length : end + 1;
    } else {
      // The tag's end, skipping a ">" inside a quoted attribute value.
      let j = lt + 1;
      let quote: string | undefined;
      for (; j < xml.length; j++) {
        const c = xml[j];
        if (quote) {
          if (c === quote) quote = undefined;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === ">") break;
      }
      const inner = xml.slice(lt + 1, j);
      i = j + 1;
      if (inner.startsWith("/")) {
        yield { type: "close", name: inner.slice(1).trim() };
        continue;
      }
      const empty = inner.endsWith("/");
      const body = empty ? inner.slice(0, -1) : inner;
      const space = body.search(/\s/);
      const name = space < 0 ? body : body.slice(0, space);
      yield { type: "open", name, attrs: space < 0 ? (Object.create(null) as Record<string, string>) : attributes(body.slice(space)), empty };
    }
  }
}
