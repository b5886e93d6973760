/** Sign-in, setup, password change, users page and audit page. */
export const securityTexts = {
  'zh-CN': {
    auth: {
      signInTitle: '登录前置交换节点', username: '用户名', password: '密码', signIn: '登录', signOut: '退出登录',
      setupTitle: '初始化节点', setupHint: '首次启动：请创建三员账户（系统管理员、安全管理员、安全审计员），三者不能为同一人。',
      sysadmin: '系统管理员', secadmin: '安全管理员', auditor: '安全审计员', operator: '操作员', viewer: '只读用户',
      setupSubmit: '完成初始化', setupDone: '初始化完成，请登录',
      changeTitle: '修改密码', changeHint: '首次登录或密码已过期，请先修改密码。', current: '当前密码', next: '新密码', confirm: '确认新密码',
      mismatch: '两次输入的新密码不一致', changed: '密码已修改', required: '必填',
    },
    users: {
      title: '用户管理', add: '新建用户', role: '角色', state: '状态', locked: '已锁定', active: '正常', mustChange: '待改密码',
      sessions: '活动会话', lastLogin: '最近登录', lock: '锁定', unlock: '解锁', reset: '重置密码', revoke: '结束会话', remove: '删除',
      initialPassword: '初始密码', confirmRemove: '确定删除账户“{{name}}”？', done: '已完成',
      policy: '密码与会话策略', passwordMinLength: '密码最短长度', passwordMinClasses: '至少包含字符类别数', passwordExpiryDays: '密码有效期（天，0 为不过期）',
      passwordHistory: '不可重复使用的历史密码数', lockoutFailures: '锁定前允许的失败次数', lockoutMinutes: '锁定时长（分钟）',
      sessionIdleMinutes: '会话空闲超时（分钟）', sessionMaxHours: '会话最长有效期（小时）', auditRetentionYears: '审计日志保存年限（不少于 2 年）',
    },
    audit: {
      title: '审计日志', actor: '操作人', operation: '操作', outcome: '结果', from: '起始时间', to: '结束时间', text: '关键字', search: '查询',
      at: '时间', shell: '途径', address: '来源地址', target: '对象', detail: '详情', exportCsv: '导出 CSV', exportXlsx: '导出 Excel',
      verify: '校验完整性', intact: '审计日志完整，共 {{records}} 条记录', broken: '审计日志被篡改：第 {{seq}} 条记录校验失败（{{reason}}）',
      ok: '成功', denied: '拒绝', failed: '失败', total: '共 {{total}} 条',
    },
    sessions: {
      nav: '会话', mine: '我的会话', all: '全部打开的会话', started: '开始时间', lastSeen: '最近活动', current: '当前会话',
      end: '结束会话', confirmEnd: '确定结束“{{user}}”的这个会话？', ended: '会话已结束',
      shells: { console: '控制台', cli: '命令行', desktop: '桌面端', api: 'API 令牌', schedule: '定时任务', system: '系统' },
    },
    sqliteDirs: {
      title: 'SQLite 文件目录', saved: 'SQLite 文件目录已保存',
      hint: 'SQLite 数据源的文件只能位于以下目录（每行一个绝对路径）；节点自身的文件始终不可用作数据源。移出目录的已保存数据源在使用时会被拒绝。',
    },
  },
  en: {
    auth: {
      signInTitle: 'Sign in to the front-end node', username: 'User name', password: 'Password', signIn: 'Sign in', signOut: 'Sign out',
      setupTitle: 'Set up this node', setupHint: 'First start: create the system administrator, the security administrator and the auditor, three different people.',
      sysadmin: 'System administrator', secadmin: 'Security administrator', auditor: 'Auditor', operator: 'Operator', viewer: 'Viewer',
      setupSubmit: 'Set up', setupDone: 'The node is set up; sign in',
      changeTitle: 'Change password', changeHint: 'First sign-in or expired password: change your password first.', current: 'Current password', next: 'New password', confirm: 'Confirm new password',
      mismatch: 'The new passwords differ', changed: 'Password changed', required: 'Required',
    },
    users: {
      title: 'Users', add: 'New user', role: 'Role', state: 'State', locked: 'Locked', active: 'Active', mustChange: 'Must change password',
      sessions: 'Sessions', lastLogin: 'Last sign-in', lock: 'Lock', unlock: 'Unlock', reset: 'Reset password', revoke: 'End sessions', remove: 'Remove',
      initialPassword: 'Initial password', confirmRemove: 'Remove the account "{{name}}"?', done: 'Done',
      policy: 'Password and session rules', passwordMinLength: 'Minimum password length', passwordMinClasses: 'Character classes required', passwordExpiryDays: 'Password expiry (days, 0 = never)',
      passwordHistory: 'Previous passwords that may not be reused', lockoutFailures: 'Failures before lockout', lockoutMinutes: 'Lockout (minutes)',
      sessionIdleMinutes: 'Idle session timeout (minutes)', sessionMaxHours: 'Session lifetime (hours)', auditRetentionYears: 'Audit retention (years, at least 2)',
    },
    audit: {
      title: 'Audit log', actor: 'Who', operation: 'Operation', outcome: 'Result', from: 'From', to: 'To', text: 'Text', search: 'Search',
      at: 'When', shell: 'Through', address: 'Address', target: 'Target', detail: 'Detail', exportCsv: 'Export CSV', exportXlsx: 'Export Excel',
      verify: 'Verify', intact: 'The audit log is intact: {{records}} records', broken: 'The audit log has been tampered with: record {{seq}} fails ({{reason}})',
      ok: 'OK', denied: 'Denied', failed: 'Failed', total: '{{total}} records',
    },
    sessions: {
      nav: 'Sessions', mine: 'My sessions', all: 'Every open session', started: 'Started', lastSeen: 'Last seen', current: 'This session',
      end: 'End session', confirmEnd: 'End this session of "{{user}}"?', ended: 'Session ended',
      shells: { console: 'Console', cli: 'Command line', desktop: 'Desktop', api: 'API token', schedule: 'Schedule', system: 'System' },
    },
    sqliteDirs: {
      title: 'SQLite file directories', saved: 'SQLite file directories saved',
      hint: 'Files of SQLite connections may only be in these directories (one absolute path a line); the node\'s own files are never a connection. Saved connections outside them are refused when used.',
    },
  },
};
