/** The smallest valid circular: tests add the parts they are about. */
export const BASE = `issuer: 某市人民政府办公室
period: { year: 2024, quarter: 3 }
title: { subject: 政府网站检查情况 }
recipients: [各区人民政府]
signature: 某市人民政府办公室
date: 2024-10-15
`;

/** BASE with more YAML after it and a body of the given paragraphs (default: one without expressions). */
export const circular = (extra: string, ...body: string[]) =>
  `${BASE}${extra}\nbody:\n${(body.length ? body : ["正文。"]).map((p) => `  - ${JSON.stringify(p)}`).join("\n")}\n`;
