import { NS, XML_HEADER, attr, text } from "./xml.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

export interface Relationship {
  id: string;
  type: "styles" | "settings" | "fontTable" | "theme" | "footer" | "image";
  target: string;
}

export function documentRels(rels: readonly Relationship[]): string {
  return `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${attr(r.target)}"/>`)
    .join("")}</Relationships>`;
}

export const PACKAGE_RELS =
  `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

/** Content types: one override per part, in the order the parts are given. */
export function contentTypes(footers: readonly string[], image?: "png" | "jpg"): string {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return (
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    (image === "png" ? `<Default Extension="png" ContentType="image/png"/>` : image === "jpg" ? `<Default Extension="jpeg" ContentType="image/jpeg"/>` : "") +
    override("word/document.xml", `${CT}.wordprocessingml.document.main+xml`) +
    override("word/styles.xml", `${CT}.wordprocessingml.styles+xml`) +
    override("word/settings.xml", `${CT}.wordprocessingml.settings+xml`) +
    override("word/fontTable.xml", `${CT}.wordprocessingml.fontTable+xml`) +
    override("word/theme/theme1.xml", `${CT}.theme+xml`) +
    footers.map((f) => override(`word/${f}`, `${CT}.wordprocessingml.footer+xml`)).join("") +
    override("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    override("docProps/app.xml", `${CT}.extended-properties+xml`) +
    "</Types>"
  );
}

/** Title and author, and the 成文日期 as both dates: the same data gives the same bytes on any day. */
export function coreXml(meta: { title: string; issuer: string; date: string }): string {
  const stamp = `${meta.date}T00:00:00Z`;
  return (
    `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${text(meta.title)}</dc:title><dc:creator>${text(meta.issuer)}</dc:creator><cp:lastModifiedBy>${text(meta.issuer)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`
  );
}

export const APP_XML = `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>tongbao</Application></Properties>`;

export { NS };
