/** Console texts of the resource catalog (资源目录) and configuration import/export. */
export const catalogTexts = {
  'zh-CN': {
    catalog: {
      title: '资源目录', add: '新增信息资源', edit: '编辑信息资源', search: '搜索代码、名称、提供方、信息项',
      exportXlsx: '导出 Excel', exportJson: '导出 JSON', import: '导入目录', importTitle: '导入资源目录', apply: '确认导入',
      planSummary: '新增 {{added}} 条，修改 {{changed}} 条，不变 {{unchanged}} 条', problems: '文件有 {{count}} 处问题，不能导入：',
      imported: '已导入', saved: '已保存', deleted: '已删除', confirmDelete: '删除该信息资源？', needsReview: '源表结构已变化，请复核信息项',
      allTypes: '全部资源类型', allShare: '全部共享类型', allCycles: '全部更新周期', onlyReview: '仅看待复核',
      col: { code: '信息资源代码', name: '信息资源名称', type: '资源类型', provider: '提供方', share: '共享类型', cycle: '更新周期', bridge: '桥接任务', actions: '操作' },
      f: {
        bridge: '对应桥接任务（交换表）', fill: '从表结构填充信息项', filled: '已从 {{table}} 读取 {{count}} 个信息项',
        type: '资源类型', category: '类（1 位）', item: '项（2 位）', subItem: '目（3 位）', detail: '细目', code: '信息资源代码（分类代码/顺序码）',
        name: '信息资源名称', provider: '信息资源提供方', providerCode: '提供方代码', abstract: '信息资源摘要', format: '信息资源格式',
        shareType: '共享类型', shareConditions: '共享条件', shareMethod: '共享方式', legalBasis: '不予共享依据',
        toPublic: '向社会开放', openConditions: '开放条件', cycle: '更新周期', publishDate: '发布日期（YYYY-MM-DD）',
        related: '关联资源代码（多个用分号分隔）', items: '信息项', itemName: '信息项名称', dataType: '数据类型', length: '长度', description: '说明', addItem: '添加信息项',
      },
    },
    config: {
      export: '导出配置', import: '导入配置', planTitle: '配置导入计划', apply: '按计划导入', applied: '已按计划导入',
      plan: '新增 {{added}}，修改 {{changed}}，删除 {{removed}}，不变 {{unchanged}}', noPassword: '连接“{{name}}”导入时没有密码（{{variable}}），请在连接管理中补充',
      noSecret: '通知渠道“{{name}}”导入时缺少密钥或令牌（{{variable}}），已停用；请在告警设置中补充后启用',
      notDeployed: '桥接“{{name}}”的调度在文件中为已部署，导入后为停止状态；请在调度页确认后部署',
      problems: '配置文件有 {{count}} 处问题，不能导入：', action: { added: '新增', changed: '修改', removed: '删除', unchanged: '不变' },
    },
  },
  en: {
    catalog: {
      title: 'Resource catalog', add: 'New resource', edit: 'Edit resource', search: 'Search code, name, provider, items',
      exportXlsx: 'Export Excel', exportJson: 'Export JSON', import: 'Import', importTitle: 'Import the catalog', apply: 'Import',
      planSummary: '{{added}} added, {{changed}} changed, {{unchanged}} unchanged', problems: 'The file has {{count}} problem(s) and cannot be imported:',
      imported: 'Imported', saved: 'Saved', deleted: 'Deleted', confirmDelete: 'Delete this resource?', needsReview: 'The source table changed: review the items',
      allTypes: 'All resource types', allShare: 'All share types', allCycles: 'All update cycles', onlyReview: 'Needs review only',
      col: { code: 'Resource code', name: 'Name', type: 'Type', provider: 'Provider', share: 'Share type', cycle: 'Update cycle', bridge: 'Bridge', actions: 'Actions' },
      f: {
        bridge: 'Bridge (exchange table)', fill: 'Fill items from the table', filled: 'Read {{count}} items from {{table}}',
        type: 'Resource type', category: 'Category (1 digit)', item: 'Item (2 digits)', subItem: 'Sub-item (3 digits)', detail: 'Detail', code: 'Resource code (classification/sequence)',
        name: 'Resource name', provider: 'Provider', providerCode: 'Provider code', abstract: 'Abstract', format: 'Format',
        shareType: 'Share type', shareConditions: 'Share conditions', shareMethod: 'Share method', legalBasis: 'Legal basis for not sharing',
        toPublic: 'Open to the public', openConditions: 'Open conditions', cycle: 'Update cycle', publishDate: 'Publish date (YYYY-MM-DD)',
        related: 'Related resource codes (separated by ;)', items: 'Information items', itemName: 'Item name', dataType: 'Data type', length: 'Length', description: 'Description', addItem: 'Add item',
      },
    },
    config: {
      export: 'Export configuration', import: 'Import configuration', planTitle: 'Configuration import plan', apply: 'Apply the plan', applied: 'Applied',
      plan: '{{added}} added, {{changed}} changed, {{removed}} removed, {{unchanged}} unchanged', noPassword: 'Connection "{{name}}" has no password ({{variable}}); add it under Connections',
      noSecret: 'Channel "{{name}}" arrived without its secret or token ({{variable}}) and is disabled; add it under alert settings, then enable it',
      notDeployed: 'The schedule of bridge "{{name}}" is deployed in the file but arrives stopped; deploy it on the schedules page',
      problems: 'The file has {{count}} problem(s) and cannot be imported:', action: { added: 'added', changed: 'changed', removed: 'removed', unchanged: 'unchanged' },
    },
  },
};
