import { defineMessages } from './define.js';

/** Where SQLite files may live, open sessions, and refused callers (安全：文件目录、会话、未认证访问). */
export const securityMessages = defineMessages({
  'security.sqliteOutside': {
    'zh-CN': 'SQLite 文件“{file}”不在允许的目录内。允许的目录由系统管理员在“SQLite 文件目录”设置中指定（控制台“设置”页，或 exnode files allow <目录>），当前为：{dirs}',
    en: 'The SQLite file "{file}" is outside the allowed directories. The system administrator sets them in the "SQLite file directories" setting (console Settings page, or exnode files allow <dir>); now: {dirs}',
  },
  'security.sqliteHiddenChars': {
    'zh-CN': '路径中含有看不见的字符（控制字符、零宽字符、方向控制符或特殊空格），请重新输入：{file}',
    en: 'The path holds characters that cannot be seen (controls, zero-width or direction marks, unusual spaces); type it again: {file}',
  },
  'security.sqliteUri': {
    'zh-CN': 'SQLite 文件须为普通路径，不接受 file: 形式的 URI：{file}',
    en: 'A SQLite file must be a plain path, not a file: URI: {file}',
  },
  'security.sqliteDanglingLink': {
    'zh-CN': 'SQLite 文件“{file}”是指向不存在目标的符号链接，已拒绝',
    en: 'The SQLite file "{file}" is a symbolic link to nothing; refused',
  },
  'security.sqliteDirInvalid': {
    'zh-CN': '“{dir}”不是已存在目录的绝对路径，不能加入 SQLite 文件目录',
    en: '"{dir}" is not the absolute path of an existing directory; it cannot be an SQLite file directory',
  },
  'security.retypeUrl': {
    'zh-CN': '通知渠道“{name}”的地址已改变，原地址中的访问令牌不会用于新地址，请输入完整地址（含 access_token 或 key）',
    en: 'The address of channel "{name}" changed: the stored access token is not carried to a new address; type the full address (with its access_token or key)',
  },
  'security.sqliteDirsNow': { 'zh-CN': 'SQLite 文件允许的目录：', en: 'Directories SQLite files may be in:' },
  'security.sessionNotFound': { 'zh-CN': '没有编号为 {id} 的打开会话', en: 'No open session {id}' },
  'security.sessionEnded': { 'zh-CN': '会话 {id} 已结束', en: 'Session {id} ended' },
  'security.noSessions': { 'zh-CN': '没有打开的会话', en: 'No open sessions' },
});
