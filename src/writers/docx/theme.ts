import { XML_HEADER, attr } from "./xml.js";

/**
 * A neutral theme: black and white colours and the 公文 fonts as its major and minor fonts. Without a theme,
 * WPS and Word fall back to their own (Calibri, 等线, blue headings) wherever a style refers to theme fonts.
 */
export function themeXml(latin: string, eastAsia: string): string {
  const font = (kind: "major" | "minor") =>
    `<a:${kind}Font><a:latin typeface="${attr(latin)}"/><a:ea typeface="${attr(eastAsia)}"/><a:cs typeface="${attr(latin)}"/></a:${kind}Font>`;
  const colour = (name: string, rgb: string) => `<a:${name}><a:srgbClr val="${rgb}"/></a:${name}>`;
  const line = (w: number) => `<a:ln w="${w}"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>`;
  const fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
  return (
    `${XML_HEADER}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="公文">` +
    `<a:themeElements><a:clrScheme name="公文">` +
    `<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
    colour("dk2", "000000") + colour("lt2", "FFFFFF") +
    ["accent1", "accent2", "accent3", "accent4", "accent5", "accent6"].map((a) => colour(a, "000000")).join("") +
    colour("hlink", "000000") + colour("folHlink", "000000") +
    `</a:clrScheme><a:fontScheme name="公文">${font("major")}${font("minor")}</a:fontScheme>` +
    `<a:fmtScheme name="公文"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst>` +
    `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
    `<a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>` +
    `<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
  );
}
