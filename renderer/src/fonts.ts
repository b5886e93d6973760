/**
 * Fonts for Chinese text that are already on the department's machines, no web font download:
 * Windows (Microsoft YaHei, SimSun), UOS and Kylin (Noto Sans CJK / Source Han Sans, WenQuanYi),
 * macOS (PingFang), then whatever sans-serif the system falls back to.
 */
export const FONT_STACK = [
  '-apple-system', 'BlinkMacSystemFont', '"Segoe UI"', '"Microsoft YaHei UI"', '"Microsoft YaHei"', '"PingFang SC"', '"Hiragino Sans GB"',
  '"Noto Sans CJK SC"', '"Noto Sans SC"', '"Source Han Sans SC"', '"Source Han Sans CN"', '"WenQuanYi Micro Hei"', '"WenQuanYi Zen Hei"',
  '"Droid Sans Fallback"', 'SimSun', 'Roboto', '"Helvetica Neue"', 'Arial', 'sans-serif',
].join(', ');
