import { defineMessages } from './define.js';

/**
 * What a database failure means and what to do about it, for connection tests and run logs.
 * `{what}` says what the node was doing; `{detail}` is the driver's own words, secrets removed.
 */
export const connectorMessages = defineMessages({
  'connectors.tableNotFound': { 'zh-CN': '数据源“{connection}”中不存在表“{table}”（可能已被删除或改名）；请检查表名', en: 'Table "{table}" does not exist on connection "{connection}"' },
  'connectors.sqliteFileMissing': { 'zh-CN': 'SQLite 文件 {file} 不存在；请检查文件路径', en: 'The SQLite file {file} does not exist; check the file path' },
  'connectors.readCancelled': { 'zh-CN': '读取已取消', en: 'The read was cancelled' },
  'connectors.queryNotTable': { 'zh-CN': '“{name}”是一条查询，不是数据表：只能读取，不能写入', en: '"{name}" is a query, not a table: it can only be read' },
  'connectors.keyTooLong': { 'zh-CN': '主键字段“{name}”是 {length} 个字符的字符串；MySQL 的键最多 {max} 个字符', en: 'Key column "{name}" is a string of {length} characters; MySQL keys hold at most {max}' },
  'connectors.decimalTooWide': { 'zh-CN': '字段“{name}”是 {precision} 位的小数；SQL Server 最多 38 位', en: 'Column "{name}" is a decimal of {precision} digits; SQL Server holds at most 38' },
  'connectors.unknownDialect': { 'zh-CN': '未知的数据库类型“{dialect}”；可选：{dialects}', en: 'Unknown database dialect "{dialect}"; use one of {dialects}' },
  'connectors.driverMissing': { 'zh-CN': '无法加载 {dialect} 驱动，请重新安装 ExNode（{detail}）', en: 'The {dialect} driver could not be loaded; reinstall ExNode ({detail})' },
  'connectors.identifierEmpty': { 'zh-CN': '表名或字段名不能为空', en: 'An identifier must not be empty' },
  'connectors.identifierNul': { 'zh-CN': '表名或字段名不能包含 NUL 字符', en: 'An identifier must not contain a NUL character' },
  'connectors.hostUnreachable': {
    'zh-CN': '{what}：找不到或无法访问数据库主机；请检查主机名，以及本机到该主机的网络路由（{detail}）',
    en: '{what}: The database host cannot be found or reached; check the host name and the network route from this machine ({detail})',
  },
  'connectors.portClosed': {
    'zh-CN': '{what}：该主机和端口上没有数据库服务在监听；请检查端口号，确认数据库服务已启动并允许远程连接（{detail}）',
    en: '{what}: Nothing is listening at this host and port; check the port number and that the database service is running and allows remote connections ({detail})',
  },
  'connectors.timeout': {
    'zh-CN': '{what}：数据库未在限定时间内响应；请检查网络或防火墙，或调大该数据源的连接超时、查询超时（{detail}）',
    en: '{what}: The database did not answer in time; check the network or firewall, or raise the connection\'s connect or query timeout ({detail})',
  },
  'connectors.connectionLost': {
    'zh-CN': '{what}：与数据库的连接已断开，将自动重试（{detail}）',
    en: '{what}: The connection to the database was dropped; it will be retried ({detail})',
  },
  'connectors.loginFailed': {
    'zh-CN': '{what}：数据库拒绝了用户名或密码；请检查账号和密码（{detail}）',
    en: '{what}: The database refused the user name or password; check the credentials ({detail})',
  },
  'connectors.databaseNotFound': {
    'zh-CN': '{what}：服务器上没有这个数据库；请检查数据库名（{detail}）',
    en: '{what}: The database does not exist on this server; check the database name ({detail})',
  },
  'connectors.permissionDenied': {
    'zh-CN': '{what}：数据库用户缺少所需权限，或数据库处于只读状态；请联系数据库管理员授权（{detail}）',
    en: '{what}: The database user lacks a permission this needs, or the database is read-only; ask the database administrator to grant it ({detail})',
  },
  'connectors.tlsRefused': {
    'zh-CN': '{what}：加密（TLS）连接被拒绝；请对照服务器的设置检查 TLS 配置（{detail}）',
    en: '{what}: The encrypted (TLS) connection was refused; check the TLS settings against the server\'s ({detail})',
  },
  'connectors.relationMissing': {
    'zh-CN': '{what}：表或视图不存在（可能已被删除或改名）；请检查表名，必要时重新创建后再运行（{detail}）',
    en: '{what}: The table or view does not exist (it may have been dropped or renamed); check the table name and run again once it exists ({detail})',
  },
  'connectors.columnMissing': {
    'zh-CN': '{what}：表中缺少所需的列（表结构可能已变更）；请核对表结构和字段映射（{detail}）',
    en: '{what}: A column this needs is missing from the table (its structure may have changed); check the table structure and the column mapping ({detail})',
  },
  // What the node was doing when a database failed: the `{what}` of the messages above.
  'connectors.on': { 'zh-CN': '在 {label} 数据源“{name}”上{action}', en: '{action} on {label} connection "{name}"' },
  'connectors.action.connecting': { 'zh-CN': '连接', en: 'Connecting' },
  'connectors.action.readingClock': { 'zh-CN': '读取服务器时间', en: 'Reading the server clock' },
  'connectors.action.listingTables': { 'zh-CN': '列出数据表', en: 'Listing tables' },
  'connectors.action.describingTable': { 'zh-CN': '读取表“{table}”的结构', en: 'Reading the structure of {table}' },
  'connectors.action.describingQuery': { 'zh-CN': '解析来源查询', en: 'Describing the source query' },
  'connectors.action.lookingUpTable': { 'zh-CN': '查找数据表', en: 'Looking up a table' },
  'connectors.action.creatingTable': { 'zh-CN': '创建表“{table}”', en: 'Creating table {table}' },
  'connectors.action.indexingTable': { 'zh-CN': '为表“{table}”建立索引', en: 'Indexing table {table}' },
  'connectors.action.alteringTable': { 'zh-CN': '修改表“{table}”的结构', en: 'Altering table {table}' },
  'connectors.action.droppingTable': { 'zh-CN': '删除表“{table}”', en: 'Dropping table {table}' },
  'connectors.action.analyzing': { 'zh-CN': '更新表“{table}”的统计信息', en: 'Updating the statistics of {table}' },
  'connectors.action.writing': { 'zh-CN': '写入', en: 'Writing' },
  'connectors.action.reading': { 'zh-CN': '读取“{table}”', en: 'Reading {table}' },
  'connectors.action.checksumming': { 'zh-CN': '计算“{table}”的校验和', en: 'Checksumming {table}' },
  'connectors.action.readingMax': { 'zh-CN': '读取“{table}”中 {column} 的最大值', en: 'Reading the highest {column} of {table}' },
  'connectors.action.counting': { 'zh-CN': '统计“{table}”的行数', en: 'Counting {table}' },
  'connectors.action.openingSqlite': { 'zh-CN': '打开 SQLite 文件 {file}', en: 'Opening SQLite file {file}' },
  'connectors.failed': {
    'zh-CN': '{what}失败：{detail}',
    en: '{what} failed: {detail}',
  },
});
