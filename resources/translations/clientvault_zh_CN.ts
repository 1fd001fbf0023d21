<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountPage</name>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Firm:</source>
        <translation>事务所：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Logged in at:</source>
        <translation>登录时间：</translation>
    </message>
    <message>
        <source>Sign-in and security</source>
        <translation>登录与安全</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Set up PIN login on this workstation…</source>
        <translation>在本机设置 PIN 登录…</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>立即锁定 (Ctrl+L)</translation>
    </message>
    <message>
        <source>The vault locks itself after a few minutes without input, and when the computer sleeps or the screen is locked. Unlocking asks for your password or PIN again.</source>
        <translation>几分钟无操作、电脑休眠或屏幕锁定时，保密柜会自动锁定。解锁时需要重新输入密码或 PIN。</translation>
    </message>
    <message>
        <source>PIN login is set up on this workstation.</source>
        <translation>本机已设置 PIN 登录。</translation>
    </message>
    <message>
        <source>PIN login is not set up on this workstation; you log in with your password.</source>
        <translation>本机未设置 PIN 登录，请使用密码登录。</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a staff account</source>
        <translation>添加员工账户</translation>
    </message>
    <message>
        <source>First password:</source>
        <translation>初始密码：</translation>
    </message>
    <message>
        <source>Give the first password to the colleague in person; they can change it after logging in.</source>
        <translation>请当面把初始密码交给同事；对方登录后可以自行修改。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Enter the first password twice (at least 10 characters).</source>
        <translation>请输入两遍初始密码（至少 10 个字符）。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Check the chain again</source>
        <translation>重新校验</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>共 %1 条记录</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message>
        <source>Audit chain intact: all %1 events are linked and unaltered.</source>
        <translation>审计链完整：全部 %1 条记录环环相扣，未被篡改。</translation>
    </message>
    <message>
        <source>Audit chain BROKEN at event no. %1: the log has been altered outside ClientVault. Tell the partner and the privacy officer, and keep a copy of the vault as evidence.</source>
        <translation>审计链在第 %1 条记录处断裂：日志曾在 ClientVault 之外被改动。请立即告知合伙人和保密专员，并保留一份保密柜副本作为证据。</translation>
    </message>
    <message>
        <source>The audit chain could not be checked: %1</source>
        <translation>无法校验审计链：%1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>Enter the new password twice (at least 10 characters).</source>
        <translation>请输入两遍新密码（至少 10 个字符）。</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Firm name</source>
        <translation>事务所名称</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1太长。</translation>
    </message>
    <message>
        <source>%1 contains characters that are not allowed.</source>
        <translation>%1含有不允许的字符。</translation>
    </message>
    <message>
        <source>%1 is already in use.</source>
        <translation>%1已被使用。</translation>
    </message>
    <message>
        <source>%1 is too short.</source>
        <translation>%1太短。</translation>
    </message>
    <message>
        <source>%1 contains control characters.</source>
        <translation>%1含有控制字符。</translation>
    </message>
    <message>
        <source>%1 and its confirmation differ.</source>
        <translation>%1与确认输入不一致。</translation>
    </message>
    <message>
        <source>%1 is not valid.</source>
        <translation>%1无效。</translation>
    </message>
    <message>
        <source>User name: 2–64 letters, digits, dots, dashes or underscores.</source>
        <translation>用户名须为 2–64 个字母、数字、点、短横线或下划线。</translation>
    </message>
    <message>
        <source>%1 must have at least 10 characters.</source>
        <translation>%1至少需要 10 个字符。</translation>
    </message>
    <message>
        <source>The PIN must have at least 6 characters.</source>
        <translation>PIN 至少需要 6 个字符。</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <source>Too many failed attempts. Please wait %1 seconds and try again.</source>
        <translation>失败次数过多，请等待 %1 秒后再试。</translation>
    </message>
    <message>
        <source>The vault database file is missing. Restore it from a backup.</source>
        <translation>保密柜数据库文件不见了，请从备份恢复。</translation>
    </message>
    <message>
        <source>The first page of the vault database is damaged. Restore it from a backup.</source>
        <translation>保密柜数据库的首页已损坏，请从备份恢复。</translation>
    </message>
    <message>
        <source>The vault database is damaged or unreadable. Restore it from a backup.</source>
        <translation>保密柜数据库已损坏或无法读取，请从备份恢复。</translation>
    </message>
    <message>
        <source>The key file (vault.keys) is missing. Restore it from a backup.</source>
        <translation>密钥文件 (vault.keys) 不见了，请从备份恢复。</translation>
    </message>
    <message>
        <source>The key file was written by a newer version of ClientVault. Please update the application.</source>
        <translation>密钥文件由更新版本的客户保密柜生成，请升级本程序。</translation>
    </message>
    <message>
        <source>The key file (vault.keys) belongs to another vault.</source>
        <translation>密钥文件 (vault.keys) 属于另一个保密柜。</translation>
    </message>
    <message>
        <source>The key file (vault.keys) is damaged or unreadable. Restore it from a backup.</source>
        <translation>密钥文件 (vault.keys) 已损坏或无法读取，请从备份恢复。</translation>
    </message>
    <message>
        <source>The database and the key file are from different points in time (an old copy was put back). Restore both files from the same backup.</source>
        <translation>数据库和密钥文件不是同一时间的版本（有人放回了旧副本）。请从同一份备份中同时恢复这两个文件。</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of ClientVault. Please update the application.</source>
        <translation>此保密柜由更新版本的客户保密柜创建，请升级本程序。</translation>
    </message>
    <message>
        <source>Your role does not allow this. The attempt has been recorded.</source>
        <translation>您的角色无权执行此操作，本次尝试已被记录。</translation>
    </message>
    <message>
        <source>The vault is busy on another workstation. Please try again in a moment.</source>
        <translation>保密柜正被其他电脑使用，请稍后再试。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was changed; free some space and try again.</source>
        <translation>磁盘已满，未做任何更改。请释放空间后再试。</translation>
    </message>
    <message>
        <source>The vault keys were changed on another workstation. Please log in again.</source>
        <translation>保密柜密钥已在其他电脑上更改，请重新登录。</translation>
    </message>
    <message>
        <source>This folder cannot hold a vault (cloud-sync folders are refused because they copy the files outside the firm). Choose a local or office-share folder.</source>
        <translation>此文件夹不能存放保密柜（云同步文件夹会把文件复制到事务所之外，因此不允许）。请选择本机或办公室共享盘上的文件夹。</translation>
    </message>
    <message>
        <source>Someone else saved this record in the meantime. Reload it and try again.</source>
        <translation>其他人刚刚保存了这条记录，请重新加载后再试。</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>The operation could not be completed.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>发生了意外错误。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>The last active partner cannot be disabled.</source>
        <translation>不能停用最后一位在职合伙人。</translation>
    </message>
    <message>
        <source>This folder already holds a vault.</source>
        <translation>此文件夹中已有保密柜。</translation>
    </message>
    <message>
        <source>Only a partner who holds the partner key can add another partner.</source>
        <translation>只有持有合伙人密钥的合伙人才能添加其他合伙人。</translation>
    </message>
    <message>
        <source>The operation does not fit the current state.</source>
        <translation>当前状态下不能执行此操作。</translation>
    </message>
    <message>
        <source>ClientVault</source>
        <translation>客户保密柜</translation>
    </message>
    <message>
        <source>Something went wrong. Your data has not been changed.</source>
        <translation>程序出错了，您的数据没有被更改。</translation>
    </message>
    <message>
        <source>Error: %1
Reference: %2
Please give this reference to your administrator.</source>
        <translation>错误：%1
编号：%2
请把此编号告知管理员。</translation>
    </message>
</context>
<context>
    <name>FirmWizardPage</name>
    <message>
        <source>Your firm</source>
        <translation>事务所信息</translation>
    </message>
    <message>
        <source>The name appears on the recovery sheet and, later, on consent forms.</source>
        <translation>该名称会印在恢复密钥单上，以后也会出现在授权同意书上。</translation>
    </message>
    <message>
        <source>e.g. Beijing Example Bookkeeping Co., Ltd.</source>
        <translation>例如：北京示例代理记账有限公司</translation>
    </message>
    <message>
        <source>Firm name:</source>
        <translation>事务所名称：</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>ClientVault — first run</source>
        <translation>客户保密柜 — 首次设置</translation>
    </message>
    <message>
        <source>Recovery sheet</source>
        <translation>恢复密钥单</translation>
    </message>
    <message>
        <source>Please print or save the recovery sheet before you continue.</source>
        <translation>请先打印或保存恢复密钥单，然后再继续。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Accountant</source>
        <translation>会计</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助理</translation>
    </message>
    <message>
        <source>Privacy officer</source>
        <translation>保密专员</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>创建保密柜</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>完整性检查</translation>
    </message>
    <message>
        <source>Database upgraded</source>
        <translation>数据库升级</translation>
    </message>
    <message>
        <source>Key change completed</source>
        <translation>密钥变更完成</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Recovery code created</source>
        <translation>生成恢复码</translation>
    </message>
    <message>
        <source>Recovery code used</source>
        <translation>使用恢复码</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Key slot added</source>
        <translation>添加密钥槽</translation>
    </message>
    <message>
        <source>User&apos;s keys revoked (rekey)</source>
        <translation>吊销用户密钥（重新加密）</translation>
    </message>
    <message>
        <source>Database rekeyed</source>
        <translation>数据库重新加密</translation>
    </message>
    <message>
        <source>Workstation login set up</source>
        <translation>设置本机登录</translation>
    </message>
    <message>
        <source>Workstation login revoked</source>
        <translation>撤销本机登录</translation>
    </message>
    <message>
        <source>Workstation login unavailable</source>
        <translation>本机登录不可用</translation>
    </message>
    <message>
        <source>Audit chain verified</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>Logins and locks</source>
        <translation>登录与锁定</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <source>Keys and passwords</source>
        <translation>密钥与密码</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>保密柜</translation>
    </message>
    <message>
        <source>Audit checks</source>
        <translation>审计校验</translation>
    </message>
    <message>
        <source>Refused access</source>
        <translation>被拒绝的访问</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>已断裂</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>ClientVault is locked</source>
        <translation>客户保密柜已锁定</translation>
    </message>
    <message>
        <source>The database is closed and the keys are cleared from memory. Log in again to continue.</source>
        <translation>数据库已关闭，密钥已从内存中清除。请重新登录后继续。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log in as someone else</source>
        <translation>切换用户登录</translation>
    </message>
    <message>
        <source>Locked for %1 (%2)</source>
        <translation>%1（%2）的会话已锁定</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Use my password instead</source>
        <translation>改用密码</translation>
    </message>
    <message>
        <source>Use my workstation PIN</source>
        <translation>使用本机 PIN</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>ClientVault — log in</source>
        <translation>客户保密柜 — 登录</translation>
    </message>
    <message>
        <source>Log in to the client vault</source>
        <translation>登录客户保密柜</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Remember me on this workstation (log in with a PIN for 30 days)</source>
        <translation>在本机记住我（30 天内可用 PIN 登录）</translation>
    </message>
    <message>
        <source>Forgot the partner password? Use the recovery code…</source>
        <translation>忘记合伙人密码？使用恢复码…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Demo vault — synthetic data only. Sign in as:</source>
        <translation>演示保密柜 — 仅含虚构数据。选择登录身份：</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
    <message>
        <source>Use my password instead</source>
        <translation>改用密码</translation>
    </message>
    <message>
        <source>Use my workstation PIN</source>
        <translation>使用本机 PIN</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ClientVault</source>
        <translation>客户保密柜</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Log in as someone &amp;else</source>
        <translation>切换用户(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>保密柜(&amp;V)</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>%1  ·  %2 (%3)  ·  Ctrl+L locks</source>
        <translation>%1  ·  %2（%3）  ·  按 Ctrl+L 锁定</translation>
    </message>
</context>
<context>
    <name>NewPasswordWidget</name>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>At least 10 characters. A short sentence is easy to remember and hard to guess.</source>
        <translation>至少 10 个字符。用一句短语做密码，好记又难猜。</translation>
    </message>
    <message>
        <source>Too short: at least 10 characters.</source>
        <translation>太短：至少需要 10 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <source>Acceptable: a longer password would be stronger.</source>
        <translation>可用：再长一些会更安全。</translation>
    </message>
    <message>
        <source>Fair: add length or mix letters, digits and symbols.</source>
        <translation>一般：可加长，或混合字母、数字和符号。</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>良好。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>很强。</translation>
    </message>
    <message>
        <source>Now repeat it below.</source>
        <translation>请在下方再输入一遍。</translation>
    </message>
</context>
<context>
    <name>PartnerWizardPage</name>
    <message>
        <source>Partner account</source>
        <translation>合伙人账户</translation>
    </message>
    <message>
        <source>The partner runs the firm&apos;s vault: adds staff, reads the audit log and keeps the recovery sheet.</source>
        <translation>合伙人负责管理保密柜：添加员工、查阅审计日志并保管恢复密钥单。</translation>
    </message>
    <message>
        <source>letters and digits, e.g. wang</source>
        <translation>字母和数字，例如 wang</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
</context>
<context>
    <name>PinSetupDialog</name>
    <message>
        <source>Remember this workstation</source>
        <translation>记住本机</translation>
    </message>
    <message>
        <source>Choose a PIN of at least 6 characters. For the next 30 days you can log in on this computer with the PIN; the secret it unlocks stays in the system keychain.</source>
        <translation>请设置至少 6 位的 PIN。今后 30 天内可在本机用 PIN 登录；PIN 所解锁的密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
    <message>
        <source>Repeat PIN:</source>
        <translation>再次输入 PIN：</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
    <message>
        <source>This computer has no usable system keychain, so the PIN cannot be remembered. Please keep logging in with your password.</source>
        <translation>本机没有可用的系统钥匙串，无法记住 PIN。请继续使用密码登录。</translation>
    </message>
</context>
<context>
    <name>RecoveryResetDialog</name>
    <message>
        <source>Reset the partner password</source>
        <translation>重置合伙人密码</translation>
    </message>
    <message>
        <source>Type the recovery code from the recovery sheet kept in the firm&apos;s safe, with or without dashes.</source>
        <translation>请输入保存在事务所保险柜中的恢复密钥单上的恢复码，短横线可输可不输。</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>恢复码：</translation>
    </message>
    <message>
        <source>Partner user name:</source>
        <translation>合伙人用户名：</translation>
    </message>
    <message>
        <source>Enter the new password twice (at least 10 characters).</source>
        <translation>请输入两遍新密码（至少 10 个字符）。</translation>
    </message>
    <message>
        <source>The recovery code or the partner user name is not correct.</source>
        <translation>恢复码或合伙人用户名不正确。</translation>
    </message>
</context>
<context>
    <name>RecoveryWizardPage</name>
    <message>
        <source>Recovery sheet</source>
        <translation>恢复密钥单</translation>
    </message>
    <message>
        <source>This is the only time the recovery code is shown. Print the sheet now.</source>
        <translation>恢复码只显示这一次，请现在打印恢复密钥单。</translation>
    </message>
    <message>
        <source>If the partner forgets the password, this code resets it. Whoever holds it can open the vault, so keep the printed sheet sealed in the firm&apos;s safe. Do not photograph it or store it on a computer.</source>
        <translation>合伙人忘记密码时，可用此恢复码重置。任何持有恢复码的人都能打开保密柜，因此请将打印好的单据密封存放在事务所保险柜中，不要拍照，也不要存入电脑。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>I have printed or saved the recovery sheet and will keep it safe.</source>
        <translation>我已打印或保存恢复密钥单，并会妥善保管。</translation>
    </message>
    <message>
        <source>recovery-sheet.pdf</source>
        <translation>恢复密钥单.pdf</translation>
    </message>
    <message>
        <source>Save recovery sheet</source>
        <translation>保存恢复密钥单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved. Print it, then delete the file: a copy on a computer can be stolen.</source>
        <translation>已保存。请打印后删除该文件：存在电脑上的副本可能被窃取。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff accounts</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <source>Everyone who opens the vault has an account and a role. Disabling an account removes its keys and re-encrypts the vault.</source>
        <translation>每位使用保密柜的人都有自己的账户和角色。停用账户会删除其密钥，并对保密柜重新加密。</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>添加账户…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Workstation logins…</source>
        <translation>本机登录…</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Disable the account of %1 (%2)?</source>
        <translation>确定停用 %1（%2）的账户吗？</translation>
    </message>
    <message>
        <source>Their key slots and remembered workstations are removed, and the whole vault is re-encrypted with a new key, so copies of old keys open nothing. This can take a while on a large vault.</source>
        <translation>该账户的密钥槽和已记住的电脑都会被删除，整个保密柜将用新密钥重新加密，旧密钥的副本从此无法打开任何内容。保密柜较大时需要一些时间。</translation>
    </message>
    <message>
        <source>Re-encrypting the vault…</source>
        <translation>正在重新加密保密柜…</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Workstation logins</source>
        <translation>本机登录</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>WelcomeWizardPage</name>
    <message>
        <source>Welcome to ClientVault</source>
        <translation>欢迎使用客户保密柜</translation>
    </message>
    <message>
        <source>Set up the firm&apos;s encrypted client vault in three steps.</source>
        <translation>三步完成事务所加密客户保密柜的设置。</translation>
    </message>
    <message>
        <source>ClientVault keeps your clients&apos; records in an encrypted vault on this computer or on the office share. Only staff with an account can open it.

1. Enter the firm&apos;s name.
2. Create the first partner account.
3. Print the recovery sheet and keep it in the firm&apos;s safe.</source>
        <translation>客户保密柜把客户资料保存在本机或办公室共享盘上的加密保密柜中，只有拥有账户的员工才能打开。

1. 填写事务所名称。
2. 创建第一个合伙人账户。
3. 打印恢复密钥单，存放在事务所保险柜中。</translation>
    </message>
    <message>
        <source>Vault folder: %1</source>
        <translation>保密柜文件夹：%1</translation>
    </message>
</context>
<context>
    <name>WorkstationLoginsDialog</name>
    <message>
        <source>Workstation logins of %1</source>
        <translation>%1 的本机登录</translation>
    </message>
    <message>
        <source>Each entry is a computer where this person logs in with a PIN. Revoke one when a computer is lost or handed on; the vault is then re-encrypted so the remembered secret opens nothing.</source>
        <translation>每一项代表此人可用 PIN 登录的一台电脑。电脑丢失或转交他人时请撤销；随后保密柜会重新加密，记住的密钥将无法再打开任何内容。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Workstation %1 — valid until %2</source>
        <translation>电脑 %1 — 有效期至 %2</translation>
    </message>
    <message>
        <source>No workstation logins.</source>
        <translation>没有本机登录。</translation>
    </message>
</context>
</TS>
