/** Texts of backups and restores (server/backup/, `guazhi backup` / `guazhi restore`). Part of the one catalogue in ./zh-CN.ts. */
export const zhCNBackup = {
  'backup.pgToolMissing':
    '找不到 PostgreSQL 客户端程序 {tool}：请安装 Debian 软件包 postgresql-client（sudo apt-get install -y postgresql-client），或把 {tool} 所在目录加入 PATH',
  'backup.pgToolFailed': '{tool} 执行失败（退出码 {code}）：{detail}',
  'backup.noDatabase': '没有可备份的数据库：{file} 不存在',
  'backup.targetExists': '备份文件已存在：{file}（不会覆盖已有备份，请换一个文件名）',
  'backup.fileMissing': '找不到备份文件 {file}',
  'backup.manifestMissing': '找不到备份清单 {file}：没有清单的备份无法校验，拒绝恢复',
  'backup.manifestInvalid': '备份清单 {file} 内容无效，拒绝恢复',
  'backup.checksumMismatch':
    '备份文件校验和不符（清单记录 sha256 {expected}，文件实际为 {actual}）：文件已损坏或被改动，拒绝恢复',
  'backup.dialectMismatch': '该备份来自 {from} 数据库，当前配置的是 {to}，不能恢复',
  'backup.wrongKey':
    '当前的 {variable} 与备份时使用的密钥不同，拒绝恢复：请设置原来的 {variable}，或把原数据目录中的 secrets/{file} 复制到 {dir}/secrets/ 下（覆盖自动生成的同名文件）；否则恢复后的个人信息或审计日志将无法解密和校验',
  'backup.inUseSqlite': '数据库 {file} 正在使用中（guazhi serve 或其他命令打开着它）：请先停止服务再恢复',
  'backup.inUsePostgres': '数据库正被 {count} 个其他连接使用：请先停止所有应用实例、断开其他连接后再恢复',
  'backup.integrityFailed': '备份文件的完整性检查未通过（{detail}），未替换现有数据库',
  'backup.countMismatch': '恢复出的数据与备份清单的行数不符：{detail}',
} as const;
