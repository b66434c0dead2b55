/**
 * Every kind of problem tongbao reports, by its stable code. Warnings are acknowledged in the data by code and data
 * path, so codes never change meaning. The union is closed: a stage cannot report a code that is not listed here.
 */
export const CODES = {
  // Reading files
  read: "文件无法读取（不存在、没有权限、不是普通文件）",
  "outside-folder": "引用的文件在工作文件夹之外",
  encoding: "文件不是 UTF-8 编码",
  limit: "超出了 tongbao 的处理上限（文件大小、层数、行数）",
  "yaml-syntax": "YAML 语法错误",
  "keyboard-slip": "YAML 里用了全角符号、缺空格等中文键盘常见的输入错误",
  "invalid-char": "文字里有看不见的控制字符等无法写入文档的字符",
  extends: "extends 继承的文件有误",
  spreadsheet: "电子表格（.xlsx、.csv）的读取或对应关系有误",
  // The data's shape
  schema: "字段、类型或格式不符合数据格式",
  kind: "清单的种类（kinds）定义有误",
  "unknown-field": "清单的一行里有种类没有声明的字段",
  "field-type": "清单的一行里某个字段的类型或格式不对",
  "missing-field": "清单的一行缺少必填字段",
  "unknown-name": "表达式、公式或列里引用了不存在的名称",
  formula: "公式写法或计算有误",
  helper: "帮助函数的用法有误",
  template: "模板有误",
  // Cross-checks
  "figure-differs": "写明的数字与按数据计算的不同",
  "figure-method": "写明的数字按另一种口径计算，与按数据计算的不同",
  "checked-exceeds-running": "抽查数大于运行数",
  "unknown-region": "名单里的地区不在各地统计里",
  "duplicate-row": "同一清单里同一对象列了两次",
  "duplicate-value": "应当唯一的值（如网站标识码）重复",
  "attachment-list-count": "附件说明的条数与附件个数不符",
  "attachment-list-title": "附件说明的名称与附件标题不同",
  column: "附件表格的列写法有误",
  "column-sum": "合计列不是数值",
  "header-form": "文件式版头和明电版头同时写了",
  "printed-before-date": "印发日期早于成文日期",
  "deadline-before-date": "整改期限早于成文日期",
  "sampling-order": "采样开始日期晚于截止日期",
  "sampling-period": "采样时间不在通报的期间内",
  "stale-acknowledgement": "登记的提醒已不再出现",
  "seal-image": "印章图片有误",
  // Batches
  "batch-dataset": "批量清单里的数据文件有误",
  split: "按地区拆分（split）的写法有误，或有的行不属于任何地区",
  output: "输出文件无法写入",
} as const;

export type Code = keyof typeof CODES;
