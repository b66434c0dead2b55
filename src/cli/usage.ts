/** Bad command-line usage: exit code 2, with the command's help. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, badData: 1, usage: 2 } as const;

export const DEFAULT_PREVIEW_PORT = 8090;

/** Options several commands share, described once. */
const ALLOW_DIR = `      --allow-dir <文件夹>
                     也允许数据引用这个文件夹里的文件（extends、印章；可写多次）。
                     默认只能引用运行命令的文件夹（批量时为清单所在的文件夹）里的文件`;
const SOFFICE = `      --soffice <路径>
                     LibreOffice 的 soffice 程序（默认在 PATH 和常见安装位置里找，
                     也可以用环境变量 TONGBAO_SOFFICE 指明）`;

export const HELP: Record<string, string> = {
  main: `tongbao — 把季度检查数据生成符合 GB/T 9704-2012 的通报（.docx）

用法：
  tongbao init [数据.yaml]                          写一份起步的数据文件
  tongbao build <数据.yaml>… [-o 目录] [--pdf]      生成通报，每份写成 <目录>/<名称>.docx（默认 out/）
  tongbao pdf <数据.yaml>… [-o 目录]                生成通报，再用 LibreOffice 转成 PDF 放在旁边
  tongbao attachments <数据.yaml>… [--only N] [-o 目录]
                                                    只生成附件，每个附件一个 .docx（整改后重出附件用）
  tongbao batch <清单.yaml | 文件夹> [-o 目录] [--jobs N] [--force]
                                                    批量生成，多核并行；输入未变的跳过
  tongbao html <数据.yaml>… [-o 目录]               生成网页版（网站发布用的 .html）
  tongbao check <数据.yaml>…                        只检查数据，不写文件
  tongbao preview <数据.yaml> [--port N]            在浏览器里预览：边改数据边看页面，指向数字看出处
  tongbao template <种类> [-o 文件.xlsx] [--data 数据.yaml]
                                                    写一张空表（各列是这一种类的字段），给各单位填写
  tongbao help <命令>                               某个命令的说明（也可以写 tongbao <命令> --help）
  tongbao --version                                 版本

数据文件可以写成 data/*.yaml：* 代表任意几个字符，? 代表一个字符，在 Windows 的命令提示符里也一样。
退出码：0 成功；1 数据或文件有错误；2 命令用法有误。`,
  template: `用法：tongbao template <种类> [-o 文件.xlsx | 文件.csv] [--data 数据.yaml]

写一张空表，列标题是种类各字段的中文名（如 website：网站名称、主办单位、网站标识码……），给各单位填写或从
检查平台导出后对照。网站标识码等文字列设为“文本”格式（开头的 0 不会丢），是/否等列有下拉选项。
填好后在数据文件里用 from 读入：

  lists:
    problemSites:
      kind: website
      from: 网站.xlsx

内置种类有 website、account、region；数据文件里声明的种类加 --data <数据.yaml>。默认写到 <种类的中文名>.xlsx。

选项：
  -o, --out <文件>   写到这个文件（.xlsx，或 .csv：UTF-8 带 BOM，Excel 直接打开不乱码）
      --data <文件>  从这个数据文件的 kinds 里找种类
  -h, --help         显示本说明`,
  init: `用法：tongbao init [数据.yaml]

写一份起步的数据文件（默认 通报.yaml）：一份季度政府网站与政务新媒体检查情况的通报，字段都有中文注释。
把其中的单位、日期和清单换成本单位的，再运行 tongbao build。文件已存在时不覆盖。
文件第一行的 $schema 指向 tongbao 的数据格式，在 VS Code（装 YAML 插件）里有中文的说明和检查。

选项：
  -h, --help         显示本说明`,
  build: `用法：tongbao build <数据.yaml>… [-o 目录]

按数据文件生成通报：每个 <名称>.yaml 写成 <目录>/<名称>.docx（默认目录 out/）。
数据写了 split（按地区拆分）时，每个地区一份，文件名按 split.output，最后列出各地区的汇总。
数据有错误时列出全部错误（文件:行:列），不写出任何文件，退出码 1。

选项：
  -o, --out <目录>   输出目录（默认 out）
      --pdf          同时生成 PDF（需要 LibreOffice），同 tongbao pdf
${SOFFICE}
${ALLOW_DIR}
  -h, --help         显示本说明`,
  pdf: `用法：tongbao pdf <数据.yaml>… [-o 目录]

生成通报（.docx），再用 LibreOffice 转成 PDF，写在 .docx 旁边（默认目录 out/）。
字体按 fonts/fonts.conf 对应到 Debian 的免费字体（方正小标宋简体 → Noto Serif CJK 粗体，
仿宋_GB2312 → Noto Serif CJK，楷体_GB2312 → AR PL UKai，黑体 → Noto Sans CJK）。
没有安装 LibreOffice 时给出安装方法，退出码 1。

选项：
  -o, --out <目录>   输出目录（默认 out）
${SOFFICE}
${ALLOW_DIR}
  -h, --help         显示本说明`,
  attachments: `用法：tongbao attachments <数据.yaml>… [--only N] [-o 目录]

只生成附件：每个附件写成 <目录>/<名称>-附件N.docx（默认目录 out/），版式与通报里的附件相同，
页码从 1 起；附件标签前加通报的发文字号（GB/T 9704 7.3.7：附件单独装订时）。
数据改动后（如申诉、整改），用它重出附件，不必重发通报。

选项：
      --only <N>     只生成附件 N
  -o, --out <目录>   输出目录（默认 out）
${ALLOW_DIR}
  -h, --help         显示本说明`,
  batch: `用法：tongbao batch <清单.yaml | 文件夹> [-o 目录] [--jobs N] [--force]

批量生成通报。给文件夹时，生成其中每个 .yaml（输出 <名称>.docx）；给清单时，按清单：

  output: "{dir}/{year}Q{quarter}-通报.docx"   # 输出文件名样式（相对于输出目录）
  datasets:
    - guangdong-2019-q1.yaml                   # 相对于清单；文件名里可用 *
    - file: cities/*.yaml
      vars: { province: 广东 }                  # 可在 output 里用的变量

输出文件名可用 {name}（数据文件名）、{dir}（所在文件夹名）、{year}、{quarter}、{issuer} 和 vars 里的变量；
不能离开输出目录，也不能两份用同一个名字。各份并行生成（默认用满所有 CPU 核），一份出错不影响其他；
最后列出汇总表，有失败时退出码 1。数据、继承的公共文件、印章、模板和 tongbao 版本都没变的，跳过不重新生成。

选项：
  -o, --out <目录>   输出目录（默认 out）
  -j, --jobs <N>     同时生成几份（默认 CPU 核数）
      --force        不跳过，全部重新生成
${ALLOW_DIR}
  -h, --help         显示本说明`,
  html: `用法：tongbao html <数据.yaml>… [-o 目录]

生成通报的网页版：每个 <名称>.yaml 写成 <目录>/<名称>.html（默认目录 out/），一个文件包含全部内容，
可直接放到政府网站上发布。有标题、主送机关、编好序号的正文、附件表格（合并单元格照旧）、署名和日期、附注、版记；
没有红色版头和页码。文字与 .docx 相同，手机上自动换行，表格太宽时可左右滑动。

选项：
  -o, --out <目录>   输出目录（默认 out）
${ALLOW_DIR}
  -h, --help         显示本说明`,
  preview: `用法：tongbao preview <数据.yaml> [--port N] [-o 目录]

在浏览器里预览通报：页面按 A4 排好，分行、分页、版头、表格、版记和页码都与生成的 .docx 相同。
保存数据文件（或它继承的文件、读入的表格、模板）后，一秒内自动刷新，页面停在原处。
数据有错误时，保留上一次正确的页面，右侧列出每个错误的位置（文件:行:列）、所在的那一行和提示。
鼠标指向正文里的数字或表格的合计格，显示它怎么来的：名称、公式或来源、用到的数值和数据所在的行。
页面顶部可以下载 .docx、PDF（需要 LibreOffice，写在输出目录里）和网页版。
只在本机地址 127.0.0.1 上服务，不联网，按 Ctrl+C 结束。
浏览器：Chromium 58 及以后的内核（含基于它的国产浏览器）、Chrome、Edge、Firefox。

选项：
      --port <N>     端口（默认 8090）
      --region <地区> 数据按地区拆分（split）时，预览这个地区的通报
      --no-open      不自动打开浏览器，只打印地址
  -o, --out <目录>   下载 PDF 时写文件的目录（默认 out）
${SOFFICE}
${ALLOW_DIR}
  -h, --help         显示本说明`,
  check: `用法：tongbao check <数据.yaml>…

只检查数据文件：YAML 语法、字段格式、数字是否前后一致。
列出全部错误和提醒（文件:行:列）；有错误时退出码 1。

选项：
${ALLOW_DIR}
  -h, --help         显示本说明`,
};
