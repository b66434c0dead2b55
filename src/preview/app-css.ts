/**
 * The preview page's own style (the pages bring theirs). Only what Chromium 58 renders: no grid gaps, clamp(),
 * :is() or newer; test/preview-compat.test.ts holds every property to that list.
 */
export const APP_CSS = `
html { background: #e8e8e8; }
body { margin: 0; font: 14px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; }
#bar { position: fixed; top: 0; left: 0; right: 0; z-index: 3; height: 40px; line-height: 40px; padding: 0 16px; background: #8b0000; color: #fff; white-space: nowrap; overflow: hidden; }
#bar #title { font-weight: bold; }
#bar #count { margin-left: 12px; opacity: .85; }
#bar nav { float: right; }
#bar a { color: #fff; margin-left: 12px; }
#stale { position: fixed; top: 40px; left: 0; right: 0; z-index: 3; padding: 6px 16px; background: #fff3cd; color: #664d03; border-bottom: 1px solid #e0c36a; }
#stale[hidden], #why[hidden] { display: none; }
#pages { padding: 64px 16px 32px; }
body.has-problems #pages { margin-right: 380px; }
#problems { display: none; position: fixed; top: 40px; right: 0; bottom: 0; width: 380px; overflow-y: auto; box-sizing: border-box; padding: 8px 12px 24px; background: #fff; border-left: 1px solid #ccc; }
body.has-problems #problems { display: block; }
#problems h2 { font-size: 15px; margin: 12px 0 6px; }
#problems h2.errors { color: #b00020; } #problems h2.warnings { color: #8a5a00; } #problems h2.acknowledged { color: #555; }
#problems ul { list-style: none; margin: 0; padding: 0; }
#problems li { margin: 0 0 10px; padding: 6px 8px; border-left: 4px solid #999; background: #fafafa; }
#problems li.error { border-left-color: #b00020; } #problems li.warning { border-left-color: #e0a000; }
#problems .acknowledged li { opacity: .75; }
.kind { font-weight: bold; margin-right: 6px; }
code { font-family: "Noto Sans Mono CJK SC", Consolas, monospace; font-size: 12px; }
.source { margin: 4px 0; padding: 2px 6px; background: #f0f0f0; font-family: "Noto Sans Mono CJK SC", Consolas, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-all; }
.source .lineno { color: #888; margin-right: 8px; }
.source mark { background: #ffb3b3; outline: 1px solid #b00020; }
.hint { color: #444; }
.fig, [data-ref] { cursor: help; }
.fig:hover { background: rgba(255, 214, 0, .45); }
.cell[data-ref]:hover { background: rgba(255, 214, 0, .3); }
#why { position: fixed; z-index: 4; max-height: 60vh; overflow-y: auto; box-sizing: border-box; padding: 8px 10px; background: #fff; border: 1px solid #888; box-shadow: 0 2px 10px rgba(0,0,0,.3); font-size: 13px; }
#why .item + .item { margin-top: 8px; border-top: 1px solid #ddd; padding-top: 8px; }
#why .value { margin-left: 6px; font-weight: bold; }
#why .how { color: #333; }
#why ul { margin: 4px 0; padding-left: 18px; }
#why .at { margin-top: 4px; }
#why .more { color: #666; }
@media print { #bar, #stale, #problems, #why { display: none !important; } #pages { padding: 0; margin: 0 !important; } .sheet { box-shadow: none; margin: 0; } }
`;
