/**
 * Generated datasets for the batch test and the benchmark: city circulars that extend one shared file, as a
 * province office would keep them, and a circular whose attachment has thousands of rows. Deterministic: the
 * same arguments always write the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

const CITIES = ["广州", "深圳", "珠海", "汕头", "佛山", "韶关", "河源", "梅州", "惠州", "汕尾", "东莞", "中山", "江门", "阳江", "湛江", "茂名", "肇庆", "清远", "潮州", "揭阳", "云浮"];
const ISSUES = ["首页长期未更新", "多个栏目长期未更新", "信息发布日期造假", "严重错别字", "多个栏目为空白", "网页无法正常访问"];
const PLATFORMS = ["微信", "新浪微博", "抖音", "今日头条", "APP", "百家号"];

/** A small linear congruential generator: reproducible "random" figures. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const cityName = (i: number) => CITIES[i] ?? `示例${i + 1}`;

/** What every city circular of the batch shares: written once, extended by each city's file. */
const COMMON = {
  period: { year: 2021, quarter: 2 },
  title: { scope: "全市", subject: "政府网站与政务新媒体检查情况" },
  recipients: ["各县（市、区）人民政府", "市政府各部门、各直属机构"],
  body: [
    "为贯彻落实《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47号）要求，{{issuer}}组织开展了{{period period}}全市政府网站与政务新媒体检查工作，现将有关情况通报如下。",
    {
      heading: "总体情况",
      body: [
        "本季度对全市在运行的{{sites.running}}个政府网站进行了检查，发现存在突出问题的网站{{sites.problemCount}}个，总体合格率{{percent sites.passRate}}。对已登记的{{newMedia.checked}}个政务新媒体进行了检查，发现存在突出问题的{{newMedia.problemCount}}个，合格率{{percent newMedia.passRate}}。",
      ],
    },
    {
      heading: "下一步工作要求",
      body: [
        { heading: "进一步加强内容保障", text: "各地、各部门要严格落实信息发布审核制度，对所发布的信息先审后发，确保及时、准确、完整。" },
        { heading: "抓紧整改存在的问题", text: "对此次通报存在问题的网站和政务新媒体，有关单位要立即整改，于{{monthDay deadline}}前将整改情况书面报送。" },
      ],
    },
  ],
  deadline: "2021-07-31",
  groups: {
    sites: { label: "政府网站", regions: "regions", failures: ["problems"], sampling: { from: "2021-04-06", to: "2021-06-18" } },
    newMedia: { label: "政务新媒体", failures: ["accountProblems"] },
  },
  attachments: [
    {
      title: "各县（市、区）政府网站检查情况",
      rows: "sites.regions",
      total: "合计",
      columns: [
        { header: "序号", number: true },
        { header: "县（市、区）", field: "region" },
        { header: "运行网站数", field: "running", sum: true },
        { header: "检查网站数", field: "checked", sum: true },
        { header: "存在突出问题的网站数", field: "problemCount", sum: true },
      ],
    },
    {
      title: "检查发现存在突出问题的政府网站名单",
      rows: "problems",
      columns: [
        { header: "序号", number: true },
        { header: "地区", field: "region", merge: true },
        { header: "网站名称", field: "name" },
        { header: "存在的突出问题", value: "{{join issues}}" },
        { header: "网站标识码", field: "siteCode" },
      ],
      notes: ["检查采样时间为{{dateRange sites.sampling}}。"],
    },
  ],
  date: "2021-07-05",
};

function city(i: number) {
  const rnd = random(1000 + i);
  const name = cityName(i);
  const regions = Array.from({ length: 4 + Math.floor(rnd() * 6) }, (_, k) => {
    const running = 5 + Math.floor(rnd() * 30);
    return { region: `${name}第${k + 1}区`, running, checked: running };
  });
  const problems = regions.flatMap((r, k) =>
    Array.from({ length: Math.floor(rnd() * 3) }, (_, p) => ({
      region: r.region,
      name: `${r.region}第${p + 1}政府网站`,
      host: `${r.region}人民政府`,
      issues: [ISSUES[Math.floor(rnd() * ISSUES.length)]!],
      siteCode: String(4400000000 + i * 100000 + k * 100 + p),
    })),
  );
  const accounts = Array.from({ length: 20 + Math.floor(rnd() * 40) }, () => 0);
  return {
    extends: "./common/cities.yaml",
    issuer: `${name}市人民政府办公室`,
    header: { issuerMark: `${name}市人民政府办公室文件`, docNumber: `${name.slice(0, 1)}府办〔2021〕${10 + i}号` },
    signature: `${name}市人民政府办公室`,
    lists: {
      regions: { kind: "region", rows: regions },
      problems: { kind: "website", rows: problems },
      accountProblems: { kind: "account", rows: problems.slice(0, 2).map((p, k) => ({ name: `${p.region}发布${k}`, host: p.host, platform: PLATFORMS[k]!, issues: ["检测时间点前2周无更新"] })) },
    },
    groups: { newMedia: { running: accounts.length, checked: accounts.length } },
    colophon: { printedBy: `${name}市人民政府办公室`, printedOn: "2021-07-05" },
  };
}

/** Writes `count` city datasets and their shared file into `dir`; returns the datasets' paths. */
export function generateCities(dir: string, count: number): string[] {
  mkdirSync(join(dir, "common"), { recursive: true });
  writeFileSync(join(dir, "common/cities.yaml"), stringify(COMMON));
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `${cityName(i)}.yaml`);
    writeFileSync(file, stringify(city(i)));
    return file;
  });
}

/** A circular whose attachment lists `rows` new-media accounts (the first of the generated cities, otherwise). */
export function generateLargeAttachment(dir: string, rows: number): string {
  generateCities(dir, 0);
  const base = city(0);
  const accounts = Array.from({ length: rows }, (_, k) => ({ host: `${cityName(k % 21)}市第${k % 97}局`, platform: PLATFORMS[k % PLATFORMS.length]!, name: `政务发布${k + 1}`, result: "合格" }));
  const data = {
    ...base,
    lists: { ...base.lists, accounts: { kind: "account", rows: accounts } },
    attachments: [
      ...COMMON.attachments,
      {
        title: "政务新媒体检查情况统计表",
        rows: "accounts",
        columns: [
          { header: "序号", number: true },
          { header: "单位名称", field: "host" },
          { header: "账号类型", field: "platform" },
          { header: "账号名称", field: "name" },
          { header: "结果", field: "result" },
        ],
      },
    ],
  };
  const file = join(dir, `large-${rows}.yaml`);
  writeFileSync(file, stringify(data));
  return file;
}

/**
 * A province's quarter in one dataset that splits by city: each city's statistics, problem sites and accounts as
 * rows naming the city, and what each city's circular says differently (recipients, title, 份号, stated counts).
 */
export function provinceData(count: number): { data: Record<string, unknown>; cities: string[] } {
  const cities = Array.from({ length: count }, (_, i) => city(i));
  const names = Array.from({ length: count }, (_, i) => cityName(i));
  const regions = cities.map((c, i) => ({ region: names[i]!, running: c.lists.regions.rows.reduce((s, r) => s + r.running, 0), checked: c.lists.regions.rows.reduce((s, r) => s + r.checked, 0) }));
  const problems = cities.flatMap((c, i) => c.lists.problems.rows.map((p) => ({ ...p, region: names[i]! })));
  const accounts = cities.flatMap((c, i) => c.lists.accountProblems.rows.map((a) => ({ ...a, region: names[i]! })));
  const { extends: _, ...common } = { extends: "", ...COMMON };
  const data = {
    ...common,
    issuer: "广东省人民政府办公厅",
    header: { issuerMark: "广东省人民政府办公厅文件", docNumber: "粤办函〔2021〕100号" },
    signature: "广东省人民政府办公厅",
    lists: {
      regions: { kind: "region", rows: regions },
      problems: { kind: "website", rows: problems },
      accountProblems: { kind: "account", rows: accounts },
    },
    groups: { ...COMMON.groups, newMedia: { ...COMMON.groups.newMedia, running: cities.reduce((s, c) => s + c.groups.newMedia.running, 0), checked: cities.reduce((s, c) => s + c.groups.newMedia.checked, 0) } },
    colophon: { printedBy: "广东省人民政府办公厅", printedOn: "2021-07-05" },
    split: {
      by: "regions",
      regions: Object.fromEntries(
        cities.map((c, i) => [
          names[i]!,
          {
            recipients: [`${names[i]}市人民政府`],
            title: { scope: `${names[i]}市`, subject: "政府网站与政务新媒体检查情况" },
            header: { copyNumber: String(i + 1).padStart(6, "0") },
            groups: { newMedia: c.groups.newMedia },
          },
        ]),
      ),
      output: "{region}.docx",
    },
  };
  return { data, cities: names };
}
