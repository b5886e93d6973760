import { defineMessages } from './define.js';

/** Accounts and roles (安全管理员的用户管理). */
export const usersMessages = defineMessages({
  'users.notFound': { 'zh-CN': '账户“{name}”不存在', en: 'No account "{name}"' },
  'users.exists': { 'zh-CN': '账户“{name}”已存在', en: 'The account "{name}" already exists' },
  'users.lookAlike': { 'zh-CN': '用户名“{name}”与已有账户“{existing}”过于相似，请换一个', en: 'The user name "{name}" looks like the existing account "{existing}"; choose another' },
  'users.nameInvalid': { 'zh-CN': '用户名只能由字母、数字、“.”“_”“-”组成，以字母开头，长度 2 至 32', en: 'A user name is 2 to 32 letters, digits, ".", "_" or "-", starting with a letter' },
  'users.separation': { 'zh-CN': '三员分立：一个账户不能同时担任系统管理员、安全管理员、安全审计员中的两个角色', en: 'Separation of duties (三员分立): no account may hold two of the system administrator, security administrator and auditor roles' },
  'users.adminRoleViaSetup': { 'zh-CN': '管理员角色只能在初始化时创建；安全管理员可创建操作员和只读用户', en: 'Administrator roles are created at setup; the security administrator creates operator and viewer accounts' },
  'users.lastAdmin': { 'zh-CN': '不能删除或锁定唯一的{role}账户', en: 'The only {role} account cannot be removed or locked' },
  'users.notSelf': { 'zh-CN': '不能对自己的账户执行此操作', en: 'You cannot do this to your own account' },
  'users.removed': { 'zh-CN': '账户“{name}”已删除', en: 'Account "{name}" removed' },
  'users.added': { 'zh-CN': '已创建账户“{name}”（{role}），首次登录须修改密码', en: 'Account "{name}" ({role}) created; it must change its password at first sign-in' },
  'users.done': { 'zh-CN': '账户“{name}”：{action}', en: 'Account "{name}": {action}' },
});
