/** Texts of the desktop area in the console: the support bundle (收集诊断信息). */
export const desktopTexts = {
  'zh-CN': {
    desktop: {
      diagnostics: {
        title: '诊断信息',
        hint: '将日志、版本和配置打包为 zip 文件，供技术支持排查问题。包内不含任何密码或密钥。',
        collect: '收集诊断信息',
        saved: '已生成 {{file}}（{{size}}，{{count}} 个文件）',
        contents: '包含：{{files}}',
      },
    },
  },
  en: {
    desktop: {
      diagnostics: {
        title: 'Diagnostics',
        hint: 'Packs logs, versions and configuration into a zip file for support. It contains no password or key.',
        collect: 'Collect diagnostics',
        saved: 'Created {{file}} ({{size}}, {{count}} files)',
        contents: 'Contains: {{files}}',
      },
    },
  },
};
