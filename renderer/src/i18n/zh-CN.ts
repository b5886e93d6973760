/** 简体中文 (default). Terms follow the glossary in DESIGN.md section 1. */
export const zhCN = {
  app: { name: '前置交换节点', product: 'ExNode', language: '语言', engineDown: '无法连接交换节点引擎', retry: '重试' },
  nav: {
    dashboard: '仪表盘', connections: '数据源', bridges: '桥接任务', reconciliation: '桥接核对', alerts: '告警',
    catalog: '资源目录', users: '用户', audit: '审计日志', settings: '设置',
  },
  common: {
    refresh: '刷新', loading: '加载中…', none: '无', yes: '是', no: '否', actions: '操作', name: '名称', status: '状态',
    error: '错误', close: '关闭', save: '保存', cancel: '取消', later: '该功能将在后续版本提供', laterHint: '当前版本已提供数据源、桥接任务与桥接核对。',
  },
  status: { queued: '排队中', running: '运行中', succeeded: '成功', failed: '失败', cancelled: '已取消', unknown: '未检测', ok: '正常' },
  mode: { full: '全量', incremental: '增量', diff: '比对' },
  phase: { queued: '排队', copy: '复制', deletes: '查找删除', ranges: '区段比对', incremental: '增量读取', receive: '下发', done: '完成', idle: '空闲' },
  direction: { send: '上报', receive: '下发' },
  dashboard: {
    title: '节点概览', exchange: '前置交换库', connections: '数据源', bridges: '桥接任务', runs: '运行次数', dataDir: '数据目录',
    emptyTitle: '尚未配置数据源和桥接任务',
    emptyHint: '加载演示数据：创建一个含 100,000 条出生医学证明记录的演示业务库，以及一个把它同步到前置交换库的桥接任务。',
    loadDemo: '加载演示数据', loadingDemo: '正在生成演示数据…', demoDone: '演示数据已加载，可到桥接任务页面运行', goBridges: '前往桥接任务',
    recentRuns: '最近运行', noRuns: '暂无运行记录',
  },
  connections: {
    title: '数据源', dialect: '数据库类型', summary: '连接', health: '状态', lastTested: '最近检测', test: '测试连接', testing: '检测中…',
    testOk: '连接成功', testFailed: '连接失败', product: '产品', version: '版本', latency: '延迟', user: '用户', database: '数据库',
    exchangeTag: '前置交换库', empty: '暂无数据源',
    add: '新增数据源', edit: '编辑', delete: '删除', confirmDelete: '确定删除该数据源？', deleted: '已删除', saved: '已保存',
    preset: '数据库产品', host: '主机', port: '端口', databaseName: '数据库名', serviceName: '服务名', sid: 'SID', schema: '模式 (schema)',
    password: '密码', passwordKeep: '留空则保持原密码', passwordEnv: '从环境变量读取密码', filename: '数据库文件路径', timezone: '时区',
    connectTimeout: '连接超时 (毫秒)', queryTimeout: '查询超时 (毫秒)', queryTimeoutHelp: '单条语句超过该时长即由数据库终止，避免卡住的读取长时间占用桥接任务和业务库', instanceName: '实例名', encrypt: '加密连接', trustCert: '信任服务器证书', description: '说明',
    browse: '表结构', tables: '表', columns: '字段', nativeType: '原生类型', canonicalType: '统一类型', nullable: '可空', key: '主键',
    rowEstimate: '估计行数', snapshot: '采集表结构', snapshotFirst: '已采集首个快照', noDrift: '与上次采集相比无变化', drift: '结构变更记录',
    changes: '变更', view: '视图', table: '表',
  },
  bridges: {
    title: '桥接任务', source: '发送端（来源）', target: '接收端（目标）', mode: '模式', direction: '方向', lastRun: '最近运行',
    deviation: '偏差', run: '运行', started: '已开始运行', empty: '暂无桥接任务', never: '从未运行', history: '运行记录',
    add: '新建桥接任务', edit: '编辑', delete: '删除', confirmDelete: '确定删除该桥接任务？', enabled: '启用', saved: '已保存',
    sourceConnection: '发送端数据源', sourceKind: '数据来源', sourceKindTable: '数据表', sourceKindQuery: 'SQL 查询', sourceQuery: '源查询', describeQuery: '读取查询的列',
      sourceQueryHelp: '一条只读的 SELECT（或 WITH ... SELECT）语句，可使用关联、表达式和 WHERE 条件；请在下方指定结果集的主键列。建议使用只读账号。', targetWarnings: '目标表已存在，部分值可能无法写入；被拒绝的行将记录为拒收行：', sourceTable: '来源表', targetConnection: '接收端数据源', targetTable: '目标表',
    exchangeDefault: '默认：前置交换库', cursor: '增量游标字段', primaryKey: '主键（来源表无主键时填写）', batchSize: '每批行数',
    rowsPerSecond: '限速（行/秒，可选）', lookback: '回看窗口（秒）', columns: '字段映射与脱敏', targetName: '目标字段名',
    mask: '脱敏', include: '同步', preview: '预览', previewHint: '按映射与脱敏处理后的前 20 行，不写入任何数据',
    filter: '过滤条件', addFilter: '添加条件', value: '值', noMask: '不脱敏',
    maskKinds: { idcard: '身份证号', phone: '手机号', name: '姓名', hash: '哈希 (SHA-256)', sm3: '哈希 (SM3)', null: '置空' },
  },
  run: {
    title: '运行详情', bridge: '桥接任务', status: '状态', progress: '进度', started: '开始时间', finished: '结束时间', duration: '耗时',
    speed: '速度', rowsPerSec: '行/秒', sender: '发送端', receiver: '接收端', total: '读取总数', inserted: '新增', updated: '更新',
    deleted: '删除', rejected: '拒收', deviation: '偏差', reconciled: '无偏差：发送端与接收端一致', deviationAlert: '存在偏差，请检查拒收记录和运行日志',
    log: '运行日志', rejectedRows: '拒收记录', key: '主键', reason: '原因', cancel: '取消运行', kind: '类别', phase: '阶段', transferred: '实际传输行数',
  },
  reconciliation: { title: '桥接核对', hint: '每次运行的发送端与接收端计数及偏差', ok: '无偏差', bad: '有偏差' },
  dataCheck: {
    title: '数据核对', hint: '逐行比对源表（按映射与脱敏规则处理后）与接收表，找出缺失、多余和不一致的记录。只读不写；大表需要数分钟。',
    pick: '选择桥接任务', start: '开始核对', running: '正在核对…', source: '源', target: '接收表', duration: '耗时',
    sourceRows: '源表行数', targetRows: '接收表行数', matched: '一致', missing: '缺失', extra: '多余', different: '不一致',
    agree: '两表一致：每一行都已送达且内容相同', disagree: '两表有 {{n}} 行不一致：请查看下列主键；全量运行一次可修复',
    kind: '类型', key: '主键',
  },
  settings: { title: '设置', language: '界面语言', prefix: '交换表字段前缀', retention: '软删除保留天数', concurrency: '并行运行数', saved: '已保存', exchangeDb: '前置交换库' },
};

export type Messages = typeof zhCN;
