import { defineMessages } from './define.js';

/** Failures and run-log lines of the bridge pipeline (mapping, exchange writes, sync modes). */
export const bridgesMessages = defineMessages({
  'bridges.notAColumn.key': { 'zh-CN': '主键字段“{name}”不是表 {table} 的字段；该表的字段有：{columns}', en: 'Primary key column "{name}" is not a column of {table}; its columns are {columns}' },
  'bridges.notAColumn.cursor': { 'zh-CN': '游标字段“{name}”不是表 {table} 的字段；该表的字段有：{columns}', en: 'Cursor column "{name}" is not a column of {table}; its columns are {columns}' },
  'bridges.notAColumn.mapped': { 'zh-CN': '映射的字段“{name}”不是表 {table} 的字段；该表的字段有：{columns}', en: 'Mapped column "{name}" is not a column of {table}; its columns are {columns}' },
  'bridges.noKey': { 'zh-CN': '表 {table} 没有主键，也没有建在非空字段上的唯一键；请在桥接中指定主键字段（primaryKey）', en: 'Table {table} has no primary key and no unique key on NOT NULL columns; declare "primaryKey" in the bridge' },
  'bridges.keyMasked': { 'zh-CN': '主键字段“{name}”不能脱敏：节点要靠主键找出修改和删除的行', en: 'Key column "{name}" cannot be masked: the node must match keys to find updates and deletes' },
  'bridges.keyUnmapped': { 'zh-CN': '主键字段“{name}”必须映射到目标表', en: 'Primary key column "{name}" must be mapped to the target' },
  'bridges.querySource': { 'zh-CN': '{connection}（SQL 查询）', en: '{connection} (SQL query)' },
  'bridges.targetColumnTwice': { 'zh-CN': '目标字段“{name}”被映射了两次', en: 'Target column "{name}" is produced twice' },
  'bridges.castFailed': { 'zh-CN': '值“{value}”无法转换为 {type} 类型', en: 'Value "{value}" cannot be cast to {type}' },
  'bridges.receiveNeedsTarget': { 'zh-CN': '下发桥接需要指定目标数据源（target.connection）：要写入的业务库', en: 'A receive bridge needs "target.connection": the business database to write into' },
  'bridges.rowVanished': { 'zh-CN': '节点删除交换表中的行时，该行已被其他程序删除；请再次运行', en: 'A row vanished from the exchange table while the node was deleting it; run again' },
  'bridges.reconcileBusy': { 'zh-CN': '桥接“{name}”的运行 {id} 正在进行；请等它结束后再做数据核对', en: 'Bridge "{name}" has run {id} under way; reconcile once it has finished' },
  'bridges.reconcileNoTarget': { 'zh-CN': '接收表 {table} 还不存在：请先运行桥接“{name}”', en: 'The receiving table {table} does not exist yet: run bridge "{name}" first' },
  'bridges.reconcileColumnsAbsent': { 'zh-CN': '接收表 {table} 缺少字段 {columns}；请运行桥接（运行时会补上新字段）或检查列映射', en: 'The receiving table {table} has no column {columns}; run the bridge (it adds new columns) or check its mapping' },
  'bridges.columnMissing': {
    'zh-CN': '找不到列 {column}：源表或交换表结构已变化，请检查桥接的列映射',
    en: 'Column {column} is missing: the source or exchange table has changed; check the bridge\'s column mapping',
  },
  'bridges.checkpointDirection': {
    'zh-CN': '断点 {key} 不属于下发方向，交换库状态表可能被改动过',
    en: 'Checkpoint {key} does not belong to a receive bridge; the exchange state table may have been changed by hand',
  },
  'bridges.resumingReceive': { 'zh-CN': '从变更序号 {seq} 之后继续下发', en: 'Resuming after change {seq}' },
  'bridges.notExchangeTable': {
    'zh-CN': '{table} 不是发送桥接写入的交换表：缺少列 {column}',
    en: '{table} is not an exchange table written by a send bridge: it lacks {column}',
  },
  'bridges.createdBusinessTable': { 'zh-CN': '已创建业务表 {table}', en: 'Created business table {table}' },
  'bridges.resumingSend': { 'zh-CN': '从断点继续：{phase}阶段，已处理 {rows} 行', en: 'Resuming from checkpoint: {phase}, {rows} rows covered' },
  'bridges.incrementalFirstLoad': {
    'zh-CN': '增量桥接首次运行：按主键顺序读取全部数据；之后的运行读取 {cursor} = {value} 之后的变更',
    en: 'First run of an incremental bridge: loading every row in key order; later runs read past {cursor} = {value}',
  },
  'bridges.fullOnce': {
    'zh-CN': '增量桥接的一次性全量运行：读取全部数据并同步来源表中已删除的行；之后的增量运行读取 {cursor} = {value} 之后的变更',
    en: 'One-off full run of an incremental bridge: reading every row and applying rows deleted at the source; later incremental runs read past {cursor} = {value}',
  },
  'bridges.bulkLoad': { 'zh-CN': '交换表为空：使用批量装载', en: 'The exchange table is empty: loading with the bulk path' },
  'bridges.findingDeletes': { 'zh-CN': '查找业务库中已删除的记录（已读取 {rows} 行）', en: 'Looking for rows deleted in the source ({rows} rows read)' },
  'bridges.purgedDeletes': { 'zh-CN': '已清除 {rows} 条超过 {days} 天的软删除记录', en: 'Purged {rows} soft-deleted rows older than {days} days' },
  'bridges.diffSummary': {
    'zh-CN': '比对：{ranges} 个主键区段中有 {changed} 个发生变化；实际传输 {rows} 行',
    en: 'Diff: {changed} of {ranges} key ranges changed; {rows} rows transferred',
  },
  'bridges.mergeFallback': {
    'zh-CN': '业务库与交换库返回的主键顺序与本节点的比较不一致，余下部分改为按主键查找比对（结果不变，速度较慢）',
    en: 'The source and exchange databases return keys in an order this node does not compare alike: the rest is compared by key lookups (same result, slower)',
  },
  'bridges.rangesSplit': { 'zh-CN': '已将源表划分为 {ranges} 个主键区段，每段至多 {rows} 行', en: 'Split the source into {ranges} key ranges of up to {rows} rows' },
  'bridges.diffUnsupported': {
    'zh-CN': '比对模式需要区段校验和，{dialect} 连接器不支持；请改用全量模式',
    en: 'Diff mode needs range checksums, which the {dialect} connector does not provide; use full mode',
  },
  'bridges.targetColumnWarning': { 'zh-CN': '目标列 {warning}', en: 'Target column {warning}' },
  'bridges.createdExchangeTable': { 'zh-CN': '已创建交换表 {table}，含 {columns} 个业务列', en: 'Created exchange table {table} with {columns} business columns' },
  'bridges.seqIndexed': { 'zh-CN': '已在 {table} 的 {column} 列上建立索引，便于按序读取变更', en: 'Indexed {table} on {column} for consumers reading changes in order' },
  'bridges.seqIndexFailed': {
    'zh-CN': '无法在 {table} 的 {column} 列上建立索引（{reason}）；按序号读取变更时将全表扫描',
    en: 'Could not index {table} on {column} ({reason}); consumers reading by sequence will scan the table',
  },
  'bridges.addedColumns': { 'zh-CN': '已向 {table} 添加列 {columns}', en: 'Added column(s) {columns} to {table}' },
  // One name per run phase (RUN_PHASES in shared/run-phases.ts), for log lines that name a phase.
  'bridges.phase.queued': { 'zh-CN': '排队', en: 'queued' },
  'bridges.phase.copy': { 'zh-CN': '复制', en: 'copying' },
  'bridges.phase.ranges': { 'zh-CN': '区段比对', en: 'comparing key ranges' },
  'bridges.phase.incremental': { 'zh-CN': '增量读取', en: 'reading changes' },
  'bridges.phase.deletes': { 'zh-CN': '查找删除', en: 'finding deletes' },
  'bridges.phase.receive': { 'zh-CN': '下发', en: 'applying changes' },
  'bridges.phase.done': { 'zh-CN': '完成', en: 'done' },
  'bridges.phase.idle': { 'zh-CN': '空闲', en: 'idle' },
  'bridges.statisticsFailed': {
    'zh-CN': '无法更新表 {table} 的统计信息（{reason}）；数据已写入，但后续查询可能变慢',
    en: 'Could not update the statistics of {table} ({reason}); the rows are written, later lookups may be slower',
  },
});
