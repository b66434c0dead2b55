import type { ErrorCode } from "yaml";

/** yaml's error codes in the clerk's words. The library's English text is kept out: it names parser internals. */
const MESSAGES: Partial<Record<ErrorCode, [message: string, hint?: string]>> = {
  BAD_INDENT: ["缩进不正确", "同一层的键要对齐，下一层比上一层多缩进两个空格"],
  TAB_AS_INDENT: ["用了 Tab 缩进", "YAML 只能用空格缩进，请把 Tab 换成空格"],
  DUPLICATE_KEY: ["同一层里出现了重复的键", "删去或改名其中一个"],
  MISSING_CHAR: ["缺少配对的符号", "检查引号、方括号 [] 或花括号 {} 是否成对"],
  MULTILINE_IMPLICIT_KEY: ["键不能跨行", "检查上一行是否少了冒号，或者值里有没有成对的引号"],
  BLOCK_AS_IMPLICIT_KEY: ["这里不能写成键", "检查冒号后面是否少了空格，或者缩进是否正确"],
  UNEXPECTED_TOKEN: ["这里出现了意外的符号", "检查冒号后是否有空格、引号是否成对"],
  BAD_SCALAR_START: ["值不能以这个符号开头", "以 {、[、*、&、!、|、>、'、\"、%、@、` 开头的文字请整体加引号"],
  BLOCK_IN_FLOW: ["方括号或花括号里不能换成块格式", "把这部分写在一行内，或改用缩进格式"],
  BAD_DQ_ESCAPE: ["双引号里的反斜杠转义无效", "要写反斜杠本身请写成 \\\\，或改用单引号"],
  MULTIPLE_DOCS: ["一个文件里只能有一份数据", "删去 --- 分隔的第二部分"],
  BAD_ALIAS: ["引用（*名称）无效"],
  ALIAS_PROPS: ["引用（*名称）不能带标签或锚点"],
  MULTIPLE_ANCHORS: ["一个节点只能有一个锚点（&名称）"],
  MULTIPLE_TAGS: ["一个节点只能有一个标签"],
  TAG_RESOLVE_FAILED: ["tongbao 不认识以 ! 开头的标签", "删去标签（如 !!js/function），直接写值"],
  KEY_OVER_1024_CHARS: ["键太长（超过 1024 个字符）"],
  NON_STRING_KEY: ["键必须是文字"],
  BAD_COLLECTION_TYPE: ["集合类型与内容不符"],
  BAD_DIRECTIVE: ["无效的 % 指令", "删去以 % 开头的行"],
  BAD_PROP_ORDER: ["锚点和标签的顺序不正确"],
  RESOURCE_EXHAUSTION: ["引用（*名称）展开过多", "请少用锚点和引用，直接写出内容"],
  IMPOSSIBLE: ["无法解析这部分内容"],
};

export function yamlMessage(code: ErrorCode): { message: string; hint?: string } {
  const [message, hint] = MESSAGES[code] ?? ["YAML 语法错误"];
  return hint ? { message: `YAML 语法错误：${message}`, hint } : { message: `YAML 语法错误：${message}` };
}
