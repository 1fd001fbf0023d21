<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ClientVault</source>
        <extracomment>What ships inside the program besides its own code: (name, distribution for the version or &quot;&quot;, licence).</extracomment>
        <translation>关于客户保密柜</translation>
    </message>
    <message>
        <source>ClientVault</source>
        <translation>客户保密柜</translation>
    </message>
    <message>
        <source>Offline, encrypted client records for bookkeeping firms.</source>
        <translation>面向代理记账公司的离线加密客户档案。</translation>
    </message>
    <message>
        <source>Self-check of the parts loaded at run time:</source>
        <translation>运行时加载组件的自检:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Shipped libraries and fonts, and their licences:</source>
        <translation>随程序提供的库和字体及其许可证：</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Barcodes (QR code)</source>
        <translation>条码(二维码)</translation>
    </message>
    <message>
        <source>PDF with the Chinese font</source>
        <translation>PDF 中文字体</translation>
    </message>
    <message>
        <source>Encrypted database and search</source>
        <translation>加密数据库与检索</translation>
    </message>
    <message>
        <source>System keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <source>Chinese translations</source>
        <translation>中文翻译</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 of %2 checks failed: reinstall ClientVault or tell your IT support.</source>
        <translation>%2 项检查中有 %1 项失败:请重新安装客户保密柜,或联系 IT 支持人员。</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>全部检查通过。</translation>
    </message>
</context>
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
        <translation>公司：</translation>
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
    <name>AccountantHomePage</name>
    <message>
        <source>My clients</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <source>%1, these are the clients assigned to you.</source>
        <translation>%1，以下是分配给您的客户。</translation>
    </message>
    <message>
        <source>Search all my clients…</source>
        <translation>搜索我的全部客户…</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>最近变更</translation>
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
        <source>Give the first password to the colleague in person; they can change it after logging in. Record their signed confidentiality agreement in the staff register: without it they cannot reveal sensitive values.</source>
        <translation>请当面把初始密码交给同事；对方登录后可以自行修改。请在员工登记中记录其签署的保密协议：否则对方不能查看敏感信息明文。</translation>
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
    <name>AgreementTermsDialog</name>
    <message>
        <source>New agreement with a recipient</source>
        <translation>新建与接收方的协议</translation>
    </message>
    <message>
        <source>New entrustment agreement</source>
        <translation>新建委托处理协议</translation>
    </message>
    <message>
        <source>(choose a recipient)</source>
        <translation>（请选择接收方）</translation>
    </message>
    <message>
        <source>Term ends on</source>
        <translation>期限届满日</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>接收方：</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>The recipient is:</source>
        <translation>接收方身份：</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>签署日期：</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>委托范围：</translation>
    </message>
    <message>
        <source>Purposes:</source>
        <translation>处理目的：</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>个人信息种类：</translation>
    </message>
    <message>
        <source>Security duties:</source>
        <translation>安全保护义务：</translation>
    </message>
    <message>
        <source>At the end, the data is:</source>
        <translation>协议终止时，个人信息：</translation>
    </message>
</context>
<context>
    <name>Agreements</name>
    <message>
        <source>Returned to the other party</source>
        <translation>返还对方</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Returned, then deleted</source>
        <translation>返还后删除</translation>
    </message>
    <message>
        <source>Recipient (provision, Art 23)</source>
        <translation>接收方（向其提供，第二十三条）</translation>
    </message>
    <message>
        <source>Processor entrusted by the firm (Art 21)</source>
        <translation>本公司委托的受托人（第二十一条）</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Ended: return or deletion to confirm</source>
        <translation>已终止：待确认返还或删除</translation>
    </message>
    <message>
        <source>Ended: return or deletion confirmed</source>
        <translation>已终止：返还或删除已确认</translation>
    </message>
</context>
<context>
    <name>AgreementsPage</name>
    <message>
        <source>New entrustment agreement…</source>
        <translation>新建委托处理协议…</translation>
    </message>
    <message>
        <source>New agreement with a recipient…</source>
        <translation>新建与接收方的协议…</translation>
    </message>
    <message>
        <source>End agreement…</source>
        <translation>终止协议…</translation>
    </message>
    <message>
        <source>Confirm return or deletion…</source>
        <translation>确认返还或删除…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>个人信息种类</translation>
    </message>
    <message>
        <source>At the end</source>
        <translation>终止时处理</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Entrustment agreements: for the employees&apos; payroll, individual income tax, social insurance and housing fund the firm processes on its client&apos;s behalf (PIPL Art 21). The agreement with the client, not each employee&apos;s consent, is the basis; the sharing log refuses to give those data out without one in force. At the end of an agreement the data is returned or deleted, and the confirmation of it is recorded here.</source>
        <translation>委托处理协议：客户员工的工资、个人所得税、社会保险和住房公积金信息由本公司受客户委托处理（《个人信息保护法》第二十一条）。处理依据是与客户签订的协议，而非逐一取得员工同意；没有有效协议时，共享记录拒绝对外提供这些信息。协议终止时个人信息予以返还或删除，并在此记录其确认。</translation>
    </message>
    <message>
        <source>Entrustment agreements with clients:</source>
        <translation>与客户的委托处理协议：</translation>
    </message>
    <message>
        <source>Agreements with recipients and processors (PIPL Arts 21, 23):</source>
        <translation>与接收方及受托人的协议（《个人信息保护法》第二十一条、第二十三条）：</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>未约定期限</translation>
    </message>
    <message>
        <source>(sealed or erased)</source>
        <translation>（已封存或已删除）</translation>
    </message>
    <message>
        <source>%1 agreements</source>
        <translation>%1 份协议</translation>
    </message>
    <message>
        <source>Entrustment agreement recorded.</source>
        <translation>委托处理协议已登记。</translation>
    </message>
    <message>
        <source>Agreement with the recipient recorded.</source>
        <translation>与接收方的协议已登记。</translation>
    </message>
    <message>
        <source>End agreement</source>
        <translation>终止协议</translation>
    </message>
    <message>
        <source>End agreement %1 today? Type its number:</source>
        <translation>今天终止协议 %1？请输入协议编号：</translation>
    </message>
    <message>
        <source>Agreement %1 ended: record the confirmation of the return or deletion.</source>
        <translation>协议 %1 已终止：请登记返还或删除的确认。</translation>
    </message>
    <message>
        <source>Confirm return or deletion</source>
        <translation>确认返还或删除</translation>
    </message>
    <message>
        <source>How was it confirmed (document, date)?</source>
        <translation>如何确认（文件、日期）？</translation>
    </message>
    <message>
        <source>Return or deletion confirmed for agreement %1.</source>
        <translation>协议 %1 的返还或删除已确认。</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>New impact assessment</source>
        <translation>新建个人信息保护影响评估</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Trigger (PIPL Art 55):</source>
        <translation>评估情形（第五十五条）：</translation>
    </message>
    <message>
        <source>Covers (purposes, recipients):</source>
        <translation>评估范围（处理目的、接收方）：</translation>
    </message>
    <message>
        <source>Purpose and necessity:</source>
        <translation>处理目的及必要性：</translation>
    </message>
    <message>
        <source>Risks to individuals:</source>
        <translation>对个人权益的影响及安全风险：</translation>
    </message>
    <message>
        <source>Protection measures:</source>
        <translation>保护措施：</translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation>评估结论：</translation>
    </message>
    <message>
        <source>Assessed on:</source>
        <translation>评估日期：</translation>
    </message>
</context>
<context>
    <name>Assessments</name>
    <message>
        <source>Sensitive personal information</source>
        <translation>处理敏感个人信息</translation>
    </message>
    <message>
        <source>Automated decision-making</source>
        <translation>利用个人信息进行自动化决策</translation>
    </message>
    <message>
        <source>Entrusted processing</source>
        <translation>委托处理个人信息</translation>
    </message>
    <message>
        <source>Provision to third parties</source>
        <translation>向其他个人信息处理者提供</translation>
    </message>
    <message>
        <source>Making information public</source>
        <translation>公开个人信息</translation>
    </message>
    <message>
        <source>Transfer abroad</source>
        <translation>向境外提供个人信息</translation>
    </message>
    <message>
        <source>Other major influence on individuals</source>
        <translation>其他对个人权益有重大影响的处理</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>可以接受</translation>
    </message>
    <message>
        <source>Acceptable with the measures</source>
        <translation>采取保护措施后可以接受</translation>
    </message>
    <message>
        <source>Not acceptable</source>
        <translation>不可接受</translation>
    </message>
</context>
<context>
    <name>AssignAccountantsDialog</name>
    <message>
        <source>Assign accountants</source>
        <translation>分配会计</translation>
    </message>
    <message>
        <source>&amp;Accountants responsible for this client:</source>
        <translation>负责该客户的会计(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AssistantHomePage</name>
    <message>
        <source>Intake</source>
        <translation>客户接洽</translation>
    </message>
    <message>
        <source>Record new enquiries as prospects. Their consent forms are printed before any ID numbers, bank accounts or logins are collected.</source>
        <translation>将新的咨询登记为意向客户。在收集任何证件号码、银行账户或登录信息之前，先打印其告知同意书。</translation>
    </message>
    <message>
        <source>&amp;New prospect…</source>
        <translation>新建意向客户(&amp;N)…</translation>
    </message>
    <message>
        <source>Search clients…</source>
        <translation>搜索客户…</translation>
    </message>
    <message>
        <source>Prospects, newest first</source>
        <translation>意向客户（最新在前）</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance: %1 (%2)</source>
        <translation>参加人员：%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Also attended:</source>
        <translation>补登参加人员：</translation>
    </message>
</context>
<context>
    <name>AuditObjects</name>
    <message>
        <source>Client #%1</source>
        <translation>客户 #%1</translation>
    </message>
    <message>
        <source>Person #%1</source>
        <translation>人员 #%1</translation>
    </message>
    <message>
        <source>Sensitive item #%1</source>
        <translation>敏感信息 #%1</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>申请 #%1</translation>
    </message>
    <message>
        <source>Form %1</source>
        <translation>告知同意书 %1</translation>
    </message>
    <message>
        <source>Export #%1</source>
        <translation>导出 #%1</translation>
    </message>
    <message>
        <source>Entrustment agreement #%1</source>
        <translation>委托处理协议 #%1</translation>
    </message>
    <message>
        <source>Agreement with a recipient #%1</source>
        <translation>与接收方的协议 #%1</translation>
    </message>
    <message>
        <source>Recipient #%1</source>
        <translation>接收方 #%1</translation>
    </message>
    <message>
        <source>Impact assessment #%1</source>
        <translation>影响评估 #%1</translation>
    </message>
    <message>
        <source>Confidentiality agreement #%1</source>
        <translation>保密协议 #%1</translation>
    </message>
    <message>
        <source>Training session #%1</source>
        <translation>培训 #%1</translation>
    </message>
    <message>
        <source>Reveal override #%1</source>
        <translation>查看授权 #%1</translation>
    </message>
    <message>
        <source>User #%1</source>
        <translation>用户 #%1</translation>
    </message>
    <message>
        <source>Settings · firm name</source>
        <translation>设置 · 公司名称</translation>
    </message>
    <message>
        <source>Settings · display language</source>
        <translation>设置 · 显示语言</translation>
    </message>
    <message>
        <source>Settings · idle lock</source>
        <translation>设置 · 空闲锁定</translation>
    </message>
    <message>
        <source>Settings · backups and erasure</source>
        <translation>设置 · 备份与销毁</translation>
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
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>无法写入该文件。</translation>
    </message>
    <message>
        <source>Saved %1 events to %2.</source>
        <translation>已将 %1 条记录保存到 %2。</translation>
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
    <name>BackupSection</name>
    <message>
        <source>Backups and erasure</source>
        <translation>备份与销毁</translation>
    </message>
    <message>
        <source>Back up when the app closes</source>
        <translation>关闭程序时备份</translation>
    </message>
    <message>
        <source>Back up daily (at the first login of the day)</source>
        <translation>每日备份（当天首次登录时）</translation>
    </message>
    <message>
        <source>Rebuild the database file after each erasure</source>
        <translation>每次销毁后重建数据库文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>更改文件夹…</translation>
    </message>
    <message>
        <source>Move every backup to another folder, for example a second drive or an office share.</source>
        <translation>把所有备份移到另一个文件夹，例如第二块硬盘或办公室共享文件夹。</translation>
    </message>
    <message>
        <source>Save backup settings</source>
        <translation>保存备份设置</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Scheduled backups kept:</source>
        <translation>保留的定期备份数：</translation>
    </message>
    <message>
        <source>Choose the backups folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Moving the backups… The current folder stays in use until every copy is checked.</source>
        <translation>正在移动备份……在每份副本校验完成之前，仍使用当前文件夹。</translation>
    </message>
    <message>
        <source>Backups moved. The backups folder is now %1.</source>
        <translation>备份已移动。备份文件夹现在是 %1。</translation>
    </message>
    <message>
        <source>Backup settings saved.</source>
        <translation>备份设置已保存。</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Each backup is an encrypted copy with its own key, checked after it is written. Restoring replays the erasure ledger, so erased clients never come back.</source>
        <translation>每份备份都是使用独立密钥加密的副本，写入后即校验。恢复备份时会重放销毁台账，已销毁的客户不会被恢复。</translation>
    </message>
    <message>
        <source>On demand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>On close</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Erasures applied</source>
        <translation>已应用销毁</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Purge erased clients from all backups</source>
        <translation>从所有备份中清除已销毁客户</translation>
    </message>
    <message>
        <source>Back up when the app closes</source>
        <translation>关闭程序时备份</translation>
    </message>
    <message>
        <source>Back up daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Rebuild the database file after each erasure (VACUUM)</source>
        <translation>每次销毁后重建数据库文件（VACUUM）</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Keep scheduled backups:</source>
        <translation>保留定期备份份数：</translation>
    </message>
    <message>
        <source>Backup %1 written and checked.</source>
        <translation>备份 %1 已写入并校验通过。</translation>
    </message>
    <message>
        <source>Backing up: copying the vault, then checking the copy…</source>
        <translation>正在备份：先复制保密柜，再检查副本…</translation>
    </message>
    <message>
        <source>Backup %1 is intact.</source>
        <translation>备份 %1 完好。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the vault with the backup of %1? Changes made since are lost (erasures are applied again). Everyone must log in again afterwards.</source>
        <translation>用 %1 的备份替换当前保密柜？此后的更改将丢失（销毁操作会重新执行）。恢复后所有人需要重新登录。</translation>
    </message>
    <message>
        <source>Restored. %1 erasure(s) applied again to the restored copy.</source>
        <translation>已恢复。已对恢复的副本重新执行 %1 项销毁。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>%1 backup(s) checked, %2 erasure(s) applied, %3 could not be opened.</source>
        <translation>已检查 %1 份备份，执行 %2 项销毁，%3 份无法打开。</translation>
    </message>
    <message>
        <source>Purging backups…</source>
        <translation>正在清除备份中的已销毁数据…</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>BasicSection</name>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
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
    <name>ChecklistDialog</name>
    <message>
        <source>Containment checklist</source>
        <translation>处置清单</translation>
    </message>
</context>
<context>
    <name>ClientActions</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>分配会计(&amp;A)…</translation>
    </message>
    <message>
        <source>Request &amp;lock…</source>
        <translation>申请封存(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Lock (seal)…</source>
        <translation>封存(&amp;L)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close this client&apos;s page (Ctrl+W)</source>
        <translation>关闭该客户页面（Ctrl+W）</translation>
    </message>
    <message>
        <source>Request e&amp;rasure…</source>
        <translation>申请销毁(&amp;R)…</translation>
    </message>
    <message>
        <source>Ask for this client&apos;s records to be erased; a partner approves it first.</source>
        <translation>申请销毁该客户的记录；须先经合伙人批准。</translation>
    </message>
    <message>
        <source>Erasure request no. %1 is waiting for a partner&apos;s approval.</source>
        <translation>销毁申请 %1 号正在等待合伙人批准。</translation>
    </message>
    <message>
        <source>Erasure request no. %1 is approved and waiting to be carried out.</source>
        <translation>销毁申请 %1 号已获批准，等待执行。</translation>
    </message>
    <message>
        <source>Start e&amp;ngagement</source>
        <translation>开始服务(&amp;N)</translation>
    </message>
    <message>
        <source>E&amp;nd engagement</source>
        <translation>终止服务(&amp;N)</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>恢复服务(&amp;A)</translation>
    </message>
    <message>
        <source>End engagement</source>
        <translation>终止服务</translation>
    </message>
    <message>
        <source>End the engagement with %1? Revealing its sensitive data will stop.</source>
        <translation>确定终止与%1的服务吗？此后将不能再查看其敏感信息。</translation>
    </message>
    <message>
        <source>Request lock</source>
        <translation>申请封存</translation>
    </message>
    <message>
        <source>Why should the partner lock this client&apos;s record?</source>
        <translation>为什么需要合伙人封存该客户的记录？</translation>
    </message>
    <message>
        <source>Lock request sent: a partner decides on it under Locked records.</source>
        <translation>封存申请已提交：由合伙人在“封存记录”页面决定。</translation>
    </message>
    <message>
        <source>Lock client</source>
        <translation>封存客户</translation>
    </message>
    <message>
        <source>Sealed records are kept for the legal retention period and hidden from staff. Only the items a retention rule requires are kept; the others (logins, contacts, phone numbers, notes…) are erased for good. Reason:</source>
        <translation>封存的记录在法定保管期限内保存，员工无法查看。只保留保管期限规则要求的项目，其余项目（登录信息、联系人、电话、备注等）将被永久删除。理由：</translation>
    </message>
    <message>
        <source>%1 is sealed: it is kept under Locked records, hidden from staff.</source>
        <translation>%1 已封存：保存在“封存记录”中，员工不可见。</translation>
    </message>
</context>
<context>
    <name>ClientDetailPage</name>
    <message>
        <source>Contact details are masked for your role.</source>
        <translation>按您的角色，联系方式已脱敏显示。</translation>
    </message>
    <message>
        <source>This client no longer exists or is no longer visible to you.</source>
        <translation>该客户已不存在，或您已无权查看。</translation>
    </message>
    <message>
        <source>&amp;Basic data</source>
        <translation>基本信息(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;People (%1)</source>
        <translation>相关人员(&amp;P)（%1）</translation>
    </message>
    <message>
        <source>&amp;Sensitive items (%1)</source>
        <translation>敏感信息(&amp;S)（%1）</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>告知同意(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>ClientEditDialog</name>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Someone saved this client on another workstation while you were editing it. Nothing has been overwritten. Compare both versions and choose what to keep for each field that differs.</source>
        <translation>在您编辑期间，有人在另一台工作站上保存了该客户。目前没有任何内容被覆盖。请对比两个版本，并为每个不同的字段选择要保留的值。</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>YYYY-MM-DD</source>
        <extracomment>Every editable client field, in form order.</extracomment>
        <translation>年-月-日，如 2024-01-31</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>ClientHistoryTableModel</name>
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
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>ClientLabels</name>
    <message>
        <source>Prospect</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已封存</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Individual business</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Finance contact</source>
        <translation>财务联系人</translation>
    </message>
    <message>
        <source>Shareholder</source>
        <translation>股东</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>经营者</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Tax bureau login</source>
        <translation>电子税务局登录</translation>
    </message>
    <message>
        <source>Social insurance login</source>
        <translation>社保登录</translation>
    </message>
    <message>
        <source>Person&apos;s ID number</source>
        <translation>人员身份证件号码</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Home-return permit (HK/Macau)</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <source>Mainland travel permit (Taiwan)</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Residence permit (HK/Macau/Taiwan)</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Bookkeeping</source>
        <translation>代理记账</translation>
    </message>
    <message>
        <source>Tax filing</source>
        <translation>纳税申报</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>年度报告</translation>
    </message>
    <message>
        <source>Payroll and social insurance</source>
        <translation>工资与社保</translation>
    </message>
    <message>
        <source>Bank account services</source>
        <translation>银行开户及账户服务</translation>
    </message>
    <message>
        <source>Newsletters and service news</source>
        <translation>财税资讯推送</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>necessary for the contract</source>
        <translation>履行合同所必需</translation>
    </message>
    <message>
        <source>legal obligation</source>
        <translation>履行法定义务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Tax number</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Engagement start</source>
        <translation>服务开始日期</translation>
    </message>
    <message>
        <source>Engagement end</source>
        <translation>服务结束日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accountants</source>
        <translation>负责会计</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <source>Contains control characters.</source>
        <translation>含有控制字符。</translation>
    </message>
    <message>
        <source>The check digit is wrong: please check for a typing error.</source>
        <translation>校验码不正确，请检查是否输错。</translation>
    </message>
    <message>
        <source>Wrong number of characters.</source>
        <translation>位数不正确。</translation>
    </message>
    <message>
        <source>Unknown area code.</source>
        <translation>区号不存在。</translation>
    </message>
    <message>
        <source>The date of birth in the number is not valid.</source>
        <translation>号码中的出生日期无效。</translation>
    </message>
    <message>
        <source>Not a valid date (use YYYY-MM-DD).</source>
        <translation>日期无效（请按 年-月-日 填写）。</translation>
    </message>
    <message>
        <source>The date is out of range.</source>
        <translation>日期超出范围。</translation>
    </message>
    <message>
        <source>The number lost digits (it was stored as a number, e.g. in Excel): type it as text.</source>
        <translation>号码丢失了位数（曾被当作数字保存，例如在 Excel 中），请按文本重新输入。</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Use a date from 1980-01-01 to 2099-12-31.</source>
        <translation>请填写 1980-01-01 至 2099-12-31 之间的日期。</translation>
    </message>
    <message>
        <source>Unknown document type.</source>
        <translation>未知的证件类型。</translation>
    </message>
    <message>
        <source>Unknown value.</source>
        <translation>未知的取值。</translation>
    </message>
    <message>
        <source>No purpose in force for this client needs this data, so it may not be stored yet (record the engagement or the client&apos;s consent first).</source>
        <translation>该客户目前没有需要此类信息的有效处理目的，暂不能存储（请先登记服务或取得客户同意）。</translation>
    </message>
    <message>
        <source>18 characters: digits and capital letters (not I, O, S, V, Z).</source>
        <translation>应为 18 位，由数字和大写字母组成（不含 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>A mobile (11 digits) or landline number with area code.</source>
        <translation>请填写手机号（11 位）或带区号的固定电话。</translation>
    </message>
    <message>
        <source>Not a valid e-mail address.</source>
        <translation>电子邮箱地址无效。</translation>
    </message>
    <message>
        <source>Not in the expected format.</source>
        <translation>格式不正确。</translation>
    </message>
    <message>
        <source>Not valid.</source>
        <translation>无效。</translation>
    </message>
    <message>
        <source>%1+ matches — showing the first %1; type more to narrow the search</source>
        <translation>超过 %1 条匹配，仅显示前 %1 条；请输入更多内容缩小范围</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 条匹配</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>共 %1 个客户</translation>
    </message>
</context>
<context>
    <name>ClientNames</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Sealed record no. %1</source>
        <translation>已封存客户 第 %1 号</translation>
    </message>
    <message>
        <source>Erased client no. %1</source>
        <translation>已销毁客户 第 %1 号</translation>
    </message>
    <message>
        <source>Client no. %1</source>
        <translation>客户 第 %1 号</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Name</source>
        <extracomment>Searches count only this far: &quot;1000+ matches&quot; is as useful as an exact figure and far cheaper. Column → service sort key; other columns are not sortable (the header ignores clicks on them).</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accountants</source>
        <translation>负责会计</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Name, credit code, tax number, phone or person…</source>
        <translation>名称、信用代码、纳税人识别号、电话或人员姓名…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>All accountants</source>
        <translation>全部会计</translation>
    </message>
    <message>
        <source>Acco&amp;untant:</source>
        <translation>会计(&amp;U)：</translation>
    </message>
    <message>
        <source>New &amp;prospect…</source>
        <translation>新建意向客户(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Export re&amp;quests…</source>
        <translation>导出申请(&amp;Q)…</translation>
    </message>
    <message>
        <source>Client list</source>
        <translation>客户列表</translation>
    </message>
    <message>
        <source>A client&apos;s page was closed: the record was erased or sealed, or is no longer visible to you.</source>
        <translation>已关闭一个客户页面：该记录已被删除或封存，或您已无权查看。</translation>
    </message>
</context>
<context>
    <name>ClosingProgress</name>
    <message>
        <source>ClientVault</source>
        <translation>客户保密柜</translation>
    </message>
    <message>
        <source>Finishing the backup before ClientVault closes…</source>
        <translation>客户保密柜关闭前正在完成备份…</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>New complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>Via a regulator</source>
        <translation>经监管部门转来</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>(no client named)</source>
        <translation>（未指明客户）</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>收到方式：</translation>
    </message>
    <message>
        <source>About client:</source>
        <translation>涉及客户：</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>摘要：</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Show resolved complaints too</source>
        <translation>同时显示已处理的投诉</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>处理完毕…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Complainant told</source>
        <translation>已反馈投诉人</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complaints about how the firm handles personal data: log each one with its channel and category; the partner or the privacy officer records the resolution and whether the complainant was told.</source>
        <translation>关于本公司处理个人信息的投诉：逐一登记收到方式和类别；由合伙人或保密专员记录处理结果以及是否已反馈投诉人。</translation>
    </message>
    <message>
        <source>Complaints per category and month (last 12 months):</source>
        <translation>按类别和月份统计的投诉（近 12 个月）：</translation>
    </message>
    <message>
        <source>(sealed or erased)</source>
        <translation>（已封存或已删除）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 complaints</source>
        <translation>%1 件投诉</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Complaint logged.</source>
        <translation>投诉已登记。</translation>
    </message>
    <message>
        <source>Resolve complaint</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <source>Was the complainant told the outcome?</source>
        <translation>是否已将处理结果告知投诉人？</translation>
    </message>
    <message>
        <source>Complaint %1 resolved.</source>
        <translation>投诉 %1 已处理。</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>%1 new clients will be created (with consent pending: they appear in the consent work lists), %2 existing clients get their empty fields filled, %3 rows are skipped. The import is all or nothing.</source>
        <translation>将新建 %1 个客户（同意状态为待签：会出现在同意工作清单中），为 %2 个已有客户补填空白字段，跳过 %3 行。导入要么全部完成，要么全部不写入。</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何数据。</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 updated, %3 skipped.</source>
        <translation>导入完成：新建 %1，更新 %2，跳过 %3。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Saved on another workstation</source>
        <translation>其他工作站已保存</translation>
    </message>
    <message>
        <source>Someone saved this record on another workstation while you were editing it. Nothing has been overwritten. Compare both versions and choose what to keep for each field that differs.</source>
        <translation>在您编辑期间，有人在另一台工作站上保存了该记录。目前没有任何内容被覆盖。请对比两个版本，并为每个不同的字段选择要保留的值。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Saved version</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>%1 (changed by both)</source>
        <translation>%1（双方都有修改）</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <source>Save your version over the stored one.</source>
        <translation>用您的版本覆盖已保存的版本。</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <source>Discard your changes and show the stored version.</source>
        <translation>放弃您的修改，显示已保存的版本。</translation>
    </message>
    <message>
        <source>Save &amp;merged</source>
        <translation>保存合并结果(&amp;S)</translation>
    </message>
    <message>
        <source>Save the values chosen above, field by field.</source>
        <translation>按上面逐个字段的选择保存。</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>返回编辑</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Contract necessity</source>
        <translation>订立、履行合同所必需</translation>
    </message>
    <message>
        <source>Legal obligation</source>
        <translation>履行法定义务所必需</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>ID numbers</source>
        <translation>身份证件号码</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Tax and social-insurance logins</source>
        <translation>税务及社保登录信息</translation>
    </message>
    <message>
        <source>Salary</source>
        <translation>工资薪金</translation>
    </message>
    <message>
        <source>Individual income tax</source>
        <translation>个人所得税</translation>
    </message>
    <message>
        <source>Social insurance</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <source>Housing fund</source>
        <translation>住房公积金</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待签回</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>未同意</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>处理目的</translation>
    </message>
    <message>
        <source>Separate: sensitive data</source>
        <translation>单独同意：敏感信息</translation>
    </message>
    <message>
        <source>Separate: third parties</source>
        <translation>单独同意：向第三方提供</translation>
    </message>
    <message>
        <source>This form number has already been returned; a form is used once.</source>
        <translation>该告知同意书编号已签回登记，每份告知同意书只能使用一次。</translation>
    </message>
    <message>
        <source>This form was voided and cannot be returned.</source>
        <translation>该告知同意书已作废，不能签回登记。</translation>
    </message>
    <message>
        <source>This form was printed for another client.</source>
        <translation>该告知同意书是为其他客户打印的。</translation>
    </message>
    <message>
        <source>The purposes changed since this preview opened, so it was not issued. Close it and open a new one.</source>
        <translation>打开预览后处理目的已更改，因此本告知同意书未签发。请关闭后重新打开预览。</translation>
    </message>
    <message>
        <source>This purpose is required by law (e.g. tax filing): it cannot be withdrawn, it ends when the statutory period ends.</source>
        <translation>该处理目的为法律所要求（如纳税申报），不能撤回，法定期限届满时结束。</translation>
    </message>
    <message>
        <source>This purpose rests on the engagement contract: end the engagement instead.</source>
        <translation>该处理目的基于委托合同，请改为终止委托关系。</translation>
    </message>
    <message>
        <source>There is no consent to withdraw for this purpose.</source>
        <translation>该处理目的没有可撤回的同意。</translation>
    </message>
    <message>
        <source>This purpose does not rest on consent.</source>
        <translation>该处理目的不以同意为依据。</translation>
    </message>
    <message>
        <source>No form with this number was ever issued.</source>
        <translation>从未出具过该编号的告知同意书。</translation>
    </message>
    <message>
        <source>A form number looks like CF-XXXX-XXXX.</source>
        <translation>告知同意书编号的格式为 CF-XXXX-XXXX。</translation>
    </message>
    <message>
        <source>The form number has a typo (its check character is wrong).</source>
        <translation>告知同意书编号有误（校验位不符）。</translation>
    </message>
    <message>
        <source>The scan file is empty.</source>
        <translation>扫描件为空文件。</translation>
    </message>
    <message>
        <source>The scan is larger than 10 MB.</source>
        <translation>扫描件超过 10 MB。</translation>
    </message>
    <message>
        <source>The scan must be a PDF, PNG, JPEG or TIFF file.</source>
        <translation>扫描件必须是 PDF、PNG、JPEG 或 TIFF 文件。</translation>
    </message>
    <message>
        <source>The end date must be after the signing date.</source>
        <translation>有效期截止日必须晚于签署日期。</translation>
    </message>
    <message>
        <source>A ticked box is not on this form.</source>
        <translation>所勾选的项目不在该告知同意书上。</translation>
    </message>
</context>
<context>
    <name>ConsentOverviewPage</name>
    <message>
        <source>Consent overview</source>
        <translation>同意情况总览</translation>
    </message>
    <message>
        <source>Print forms for the selected clients…</source>
        <translation>为所选客户打印告知同意书…</translation>
    </message>
    <message>
        <source>No consent yet: %1</source>
        <translation>尚无同意：%1</translation>
    </message>
    <message>
        <source>Forms out: %1</source>
        <translation>待签回：%1</translation>
    </message>
    <message>
        <source>Expiring in 30 days: %1</source>
        <translation>30 天内到期：%1</translation>
    </message>
    <message>
        <source>Expired: %1</source>
        <translation>已过期：%1</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>已撤回：%1</translation>
    </message>
    <message>
        <source>Notice changed: %1</source>
        <translation>告知内容已变更：%1</translation>
    </message>
    <message>
        <source>No consent yet (%2 persons): %1</source>
        <translation>尚无同意（%2 人）：%1</translation>
    </message>
    <message>
        <source>Items flagged for erasure: %1</source>
        <translation>待删除项目：%1</translation>
    </message>
    <message>
        <source>%1 forms ready: they are issued when printed or saved.</source>
        <translation>已准备 %1 份告知同意书：打印或保存时才签发。</translation>
    </message>
    <message>
        <source>%1 forms issued.</source>
        <translation>已出具 %1 份告知同意书。</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <source>Print consent form…</source>
        <translation>打印告知同意书…</translation>
    </message>
    <message>
        <source>Return signed form…</source>
        <translation>登记签回的告知同意书…</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <source>View scan</source>
        <translation>查看扫描件</translation>
    </message>
    <message>
        <source>Correct a returned form…</source>
        <translation>更正已登记的告知同意书…</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Collected for</source>
        <translation>收集目的</translation>
    </message>
    <message>
        <source>Consent by person (select a person to print their form)</source>
        <translation>按个人的同意情况（选择一人可为其打印告知同意书）</translation>
    </message>
    <message>
        <source>Why each field is collected</source>
        <translation>各字段的收集目的</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Tax number</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Person: name</source>
        <translation>人员：姓名</translation>
    </message>
    <message>
        <source>Person: ID number</source>
        <translation>人员：证件号码</translation>
    </message>
    <message>
        <source>Person: phone</source>
        <translation>人员：电话</translation>
    </message>
    <message>
        <source>Person: e-mail</source>
        <translation>人员：电子邮箱</translation>
    </message>
    <message>
        <source>Person: address</source>
        <translation>人员：地址</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Tax-bureau login</source>
        <translation>电子税务局登录</translation>
    </message>
    <message>
        <source>Social-insurance login</source>
        <translation>社保系统登录</translation>
    </message>
    <message>
        <source>Needed to identify and contact the client</source>
        <translation>识别和联系客户所必需</translation>
    </message>
    <message>
        <source>Not collected: no active purpose needs it</source>
        <translation>不收集：没有生效的处理目的需要</translation>
    </message>
    <message>
        <source>Everyone has answered every purpose. Select a person to print their form again.</source>
        <translation>每个人都已就全部目的作出选择。如需重新打印，请先选择一人。</translation>
    </message>
    <message>
        <source>The form&apos;s answers were corrected; the correction is in the audit log.</source>
        <translation>告知同意书的勾选结果已更正；更正已记入审计日志。</translation>
    </message>
    <message>
        <source>Consents recorded.</source>
        <translation>同意已登记。</translation>
    </message>
    <message>
        <source>Withdraw the consent to “%1”? Processing for it stops at once.</source>
        <translation>撤回对“%1”的同意？相关处理将立即停止。</translation>
    </message>
    <message>
        <source>Consent to “%1” withdrawn. %2 stored item(s) flagged for erasure.</source>
        <translation>已撤回对“%1”的同意，%2 项已存储信息标记为待删除。</translation>
    </message>
    <message>
        <source>Scan of the signed form</source>
        <translation>签署的告知同意书扫描件</translation>
    </message>
</context>
<context>
    <name>ConsentTableModel</name>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>处理目的</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>告知同意书编号</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤回日期</translation>
    </message>
    <message>
        <source>%1 (notice changed: ask again)</source>
        <translation>%1（告知内容已变更，需重新征得同意）</translation>
    </message>
    <message>
        <source>The client (no named person)</source>
        <translation>客户本身（未指定个人）</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Compliance dashboard</source>
        <extracomment>Backups older than this many days are shown as needing attention.</extracomment>
        <translation>合规工作台</translation>
    </message>
    <message>
        <source>What needs attention now. Click a figure to open the list it counts.</source>
        <translation>当前需要处理的事项。点击数字打开相应的清单。</translation>
    </message>
    <message>
        <source>Last 12 months:</source>
        <translation>最近 12 个月：</translation>
    </message>
    <message>
        <source>Requests from individuals</source>
        <translation>个人请求</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Sensitive values revealed</source>
        <translation>查看敏感信息</translation>
    </message>
    <message>
        <source>Files exported</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>Compliance report (PDF)…</source>
        <translation>合规审计报告（PDF）…</translation>
    </message>
    <message>
        <source>Record of processing activities (PDF and Excel)…</source>
        <translation>个人信息处理活动记录（PDF 和 Excel）…</translation>
    </message>
    <message>
        <source>requests due within 7 days</source>
        <translation>项请求 7 天内到期</translation>
    </message>
    <message>
        <source>requests overdue</source>
        <translation>项请求已逾期</translation>
    </message>
    <message>
        <source>complaints open</source>
        <translation>件投诉待处理</translation>
    </message>
    <message>
        <source>incidents open</source>
        <translation>起安全事件处理中</translation>
    </message>
    <message>
        <source>erasures awaiting approval</source>
        <translation>项删除申请待批准</translation>
    </message>
    <message>
        <source>clients missing consents (%1 persons without their own)</source>
        <translation>个客户缺少同意（%1 人尚无本人同意）</translation>
    </message>
    <message>
        <source>clients with consents expiring</source>
        <translation>个客户的同意即将到期</translation>
    </message>
    <message>
        <source>sealed records reaching their retention end</source>
        <translation>条封存记录保存期限将届满</translation>
    </message>
    <message>
        <source>staff without a confidentiality agreement in force</source>
        <translation>名员工没有有效的保密协议</translation>
    </message>
    <message>
        <source>staff overdue for training</source>
        <translation>名员工培训逾期</translation>
    </message>
    <message>
        <source>sensitive purposes and recipients without an impact assessment</source>
        <translation>项敏感处理目的和接收方尚无影响评估</translation>
    </message>
    <message>
        <source>Audit log intact
%1 events · head %2</source>
        <translation>审计日志完整
%1 条记录 · 头部 %2</translation>
    </message>
    <message>
        <source>Audit log check FAILED
open the audit log</source>
        <translation>审计日志校验未通过
请打开审计日志</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <source>Last backup %1 days ago
%2</source>
        <translation>最近一次备份：%1 天前
%2</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>合规审计报告</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>自：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Save compliance report</source>
        <translation>保存合规审计报告</translation>
    </message>
    <message>
        <source>Saved %1; audit log head %2.</source>
        <translation>已保存 %1；审计日志头部 %2。</translation>
    </message>
    <message>
        <source>Saved %1, but the audit log check FAILED: see the report.</source>
        <translation>已保存 %1，但审计日志校验未通过，详见报告。</translation>
    </message>
    <message>
        <source>Folder for the record of processing activities</source>
        <translation>处理活动记录保存位置</translation>
    </message>
    <message>
        <source>The files could not be written to that folder.</source>
        <translation>无法将文件写入该文件夹。</translation>
    </message>
    <message>
        <source>Saved %1 and %2.</source>
        <translation>已保存 %1 和 %2。</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>Log a disclosure</source>
        <translation>登记对外提供</translation>
    </message>
    <message>
        <source>(not in the list: type it below)</source>
        <translation>（不在清单中：请在下方填写）</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>ID numbers</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Logins</source>
        <translation>登录信息</translation>
    </message>
    <message>
        <source>Salary</source>
        <translation>工资薪金</translation>
    </message>
    <message>
        <source>Income tax</source>
        <translation>个人所得税</translation>
    </message>
    <message>
        <source>Social insurance</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <source>Housing fund</source>
        <translation>住房公积金</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>个人：</translation>
    </message>
    <message>
        <source>Recipient from the list:</source>
        <translation>从接收方清单选择：</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>接收方：</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>处理目的：</translation>
    </message>
    <message>
        <source>Data given:</source>
        <translation>提供的信息：</translation>
    </message>
    <message>
        <source>(the client)</source>
        <translation>（客户本身）</translation>
    </message>
    <message>
        <source>Choose a client.</source>
        <translation>请选择客户。</translation>
    </message>
</context>
<context>
    <name>DisclosuresPage</name>
    <message>
        <source>Log a disclosure…</source>
        <translation>登记对外提供…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>处理目的</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>信息种类</translation>
    </message>
    <message>
        <source>Sharing log</source>
        <translation>对外提供记录</translation>
    </message>
    <message>
        <source>Each time client data is given to someone outside the firm (tax bureau, bank, social insurance), log it here. ClientVault refuses, with the reason, a disclosure the purpose does not cover or that lacks the consent in force, the separate consent for sensitive data or the separate consent to provide data to others (PIPL Arts 23, 29).</source>
        <translation>每次向本公司以外的单位（税务机关、银行、社保机构等）提供客户信息，都在此登记。处理目的不涵盖、缺少有效同意、缺少敏感个人信息单独同意或缺少向他人提供的单独同意的，客户保密柜会拒绝并说明理由（《个人信息保护法》第二十三条、第二十九条）。</translation>
    </message>
    <message>
        <source>(sealed or erased)</source>
        <translation>（已封存或已删除）</translation>
    </message>
    <message>
        <source>%1 disclosures</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>Disclosure logged.</source>
        <translation>已登记对外提供。</translation>
    </message>
</context>
<context>
    <name>EntrustmentSection</name>
    <message>
        <source>The employees&apos; payroll, individual income tax, social insurance and housing fund are processed on this client&apos;s behalf (PIPL Art 21): the entrustment agreement with the client is the basis, and no employee is asked for consent. Without an agreement in force the sharing log refuses to give those data out.</source>
        <translation>本公司受该客户委托处理其员工的工资、个人所得税、社会保险和住房公积金信息（《个人信息保护法》第二十一条）：处理依据是与客户签订的委托处理协议，不向员工逐一征求同意。没有有效协议时，共享记录拒绝对外提供这些信息。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>个人信息种类</translation>
    </message>
    <message>
        <source>At the end</source>
        <translation>终止时处理</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Record entrustment agreement…</source>
        <translation>登记委托处理协议…</translation>
    </message>
    <message>
        <source>En&amp;trusted processing (%1)</source>
        <translation>委托处理(&amp;T)（%1）</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>未约定期限</translation>
    </message>
    <message>
        <source>Entrustment agreement recorded.</source>
        <translation>委托处理协议已登记。</translation>
    </message>
</context>
<context>
    <name>ErasureCheckRunner</name>
    <message>
        <source>Checking the vault file after erasure %1; the certificate is issued when it is done…</source>
        <translation>正在检查销毁 %1 之后的保密柜文件；检查完成后即可出具证明…</translation>
    </message>
    <message>
        <source>Another workstation is reading the vault: the old copies leave the disk when it lets go, and the certificate can be printed then.</source>
        <translation>另一台工作站正在读取保密柜：它释放后旧副本即从磁盘清除，届时可打印证明。</translation>
    </message>
    <message>
        <source>Erased. Certificate %1; the check of the vault file runs again at the next login.</source>
        <translation>已销毁。证明编号 %1；保密柜文件的检查将在下次登录时重新运行。</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>PROBLEMS</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Erased. Certificate %1; integrity check: %2.</source>
        <translation>已销毁。证明编号 %1；完整性检查：%2。</translation>
    </message>
</context>
<context>
    <name>ErasurePage</name>
    <message>
        <source>Erasure</source>
        <translation>数据销毁</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Client no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <source>Check retention periods</source>
        <translation>检查保存期限</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <source>Execute erasure…</source>
        <translation>执行销毁…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Flagged on</source>
        <translation>标记日期</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <source>Executed on</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Certificate…</source>
        <translation>销毁证明…</translation>
    </message>
    <message>
        <source>Flagged after consent withdrawal</source>
        <translation>撤回同意后标记的项目</translation>
    </message>
    <message>
        <source>Destruction register</source>
        <translation>销毁登记簿</translation>
    </message>
    <message>
        <source>Deletion request</source>
        <translation>删除请求</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <source>Retention period ended</source>
        <translation>保存期限届满</translation>
    </message>
    <message>
        <source>Partner&apos;s decision</source>
        <translation>合伙人决定</translation>
    </message>
    <message>
        <source>Purpose achieved or no longer needed (PIPL Art 47(1)(1))</source>
        <translation>处理目的已实现或不再必要（个人信息保护法第四十七条第一款第一项）</translation>
    </message>
    <message>
        <source>Service ended (PIPL Art 47(1)(2))</source>
        <translation>停止提供服务（个人信息保护法第四十七条第一款第二项）</translation>
    </message>
    <message>
        <source>Retention period ended (PIPL Art 47(1)(2))</source>
        <translation>保存期限已届满（个人信息保护法第四十七条第一款第二项）</translation>
    </message>
    <message>
        <source>Consent withdrawn (PIPL Arts 15, 47(1)(3))</source>
        <translation>个人撤回同意（个人信息保护法第十五条、第四十七条第一款第三项）</translation>
    </message>
    <message>
        <source>Unlawful processing (PIPL Art 47(1)(4))</source>
        <translation>违反法律法规或约定处理（个人信息保护法第四十七条第一款第四项）</translation>
    </message>
    <message>
        <source>Other case provided by law (PIPL Art 47(1)(5))</source>
        <translation>法律、行政法规规定的其他情形（个人信息保护法第四十七条第一款第五项）</translation>
    </message>
    <message>
        <source>Deletion request by the individual (PIPL Art 47(1))</source>
        <translation>个人请求删除（个人信息保护法第四十七条第一款）</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>已执行</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Whole record</source>
        <translation>全部信息</translation>
    </message>
    <message>
        <source>Some items</source>
        <translation>部分项目</translation>
    </message>
    <message>
        <source>No. %1 open</source>
        <translation>%1 号申请处理中</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>PROBLEMS</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>%1 new request(s) for records whose retention ended.</source>
        <translation>已为保存期限届满的记录新建 %1 项申请。</translation>
    </message>
    <message>
        <source>Request no. %1 approved: it can now be carried out.</source>
        <translation>第 %1 号申请已批准，现在可以执行。</translation>
    </message>
    <message>
        <source>Refuse erasure</source>
        <translation>拒绝销毁</translation>
    </message>
    <message>
        <source>Why is the request refused?</source>
        <translation>拒绝申请的理由？</translation>
    </message>
    <message>
        <source>ERASE</source>
        <translation>销毁</translation>
    </message>
    <message>
        <source>Execute erasure</source>
        <translation>执行销毁</translation>
    </message>
    <message>
        <source>Erase client %1 permanently? This cannot be undone. Type %2 to confirm.</source>
        <translation>永久销毁客户 %1 的记录？此操作无法撤销。请输入“%2”确认。</translation>
    </message>
    <message>
        <source>Witness (not the person executing)</source>
        <translation>监销人（不能是执行人本人）</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>正在销毁…</translation>
    </message>
    <message>
        <source>Erased. Certificate %1.</source>
        <translation>已销毁。证明编号 %1。</translation>
    </message>
    <message>
        <source>Erasure certificate</source>
        <translation>销毁证明</translation>
    </message>
</context>
<context>
    <name>ErasureRequestDialog</name>
    <message>
        <source>Request erasure</source>
        <translation>申请销毁</translation>
    </message>
    <message>
        <source>Ask for every record of %1 to be erased for good.</source>
        <translation>申请永久销毁“%1”的全部记录。</translation>
    </message>
    <message>
        <source>Nothing is deleted now. What happens next:
1. A partner reviews the request and approves or refuses it.
2. After approval, the privacy officer or a partner carries out the erasure: the client&apos;s data, people, sensitive items, consent records and scans are deleted for good and cannot be restored.
3. The erasure is entered in the destruction register, with a certificate.
A legal hold stops the erasure until it is lifted.</source>
        <translation>现在不会删除任何内容。后续流程：
1. 由合伙人审核该申请，批准或拒绝。
2. 批准后，由保密专员或合伙人执行销毁：该客户的资料、相关人员、敏感信息、同意记录及扫描件将被永久删除，无法恢复。
3. 销毁记入销毁登记簿，并出具销毁证明。
如有诉讼保留，须待解除后方可销毁。</translation>
    </message>
    <message>
        <source>The client asked for deletion</source>
        <translation>客户要求删除</translation>
    </message>
    <message>
        <source>The client withdrew consent</source>
        <translation>客户撤回同意</translation>
    </message>
    <message>
        <source>Partner&apos;s decision</source>
        <translation>合伙人决定</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Legal basis:</source>
        <translation>法律依据(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>提交申请(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Firm name</source>
        <translation>公司名称</translation>
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
        <source>Years</source>
        <translation>年限</translation>
    </message>
    <message>
        <source>Legal source</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Items the rule requires</source>
        <translation>规则要求保存的项目</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>监销人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>How the identity was checked</source>
        <translation>身份核验方式</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Extra working days</source>
        <translation>延长的工作日数</translation>
    </message>
    <message>
        <source>Answer period</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>收到方式</translation>
    </message>
    <message>
        <source>Lessons learnt</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <source>Response plan step</source>
        <translation>应急预案步骤</translation>
    </message>
    <message>
        <source>Date discovered</source>
        <translation>发现日期</translation>
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
        <source>%1 contains control or text-direction characters.</source>
        <translation>%1 含有不允许的控制字符或文字方向字符。</translation>
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
        <source>The witness must be someone other than the person who executes the erasure.</source>
        <translation>监销人必须是执行销毁者以外的人。</translation>
    </message>
    <message>
        <source>The reason is printed on the certificate: it must not contain the client&apos;s or a person&apos;s name.</source>
        <translation>该理由会打印在销毁证明上，不得包含客户或个人的姓名。</translation>
    </message>
    <message>
        <source>The date received cannot be in the future.</source>
        <translation>收到日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Choose the person who made the request (a company is not a natural person).</source>
        <translation>请选择提出请求的个人（企业不是自然人）。</translation>
    </message>
    <message>
        <source>The holiday calendar file is not valid (JSON with per-year lists of holidays and working weekend days, as in the shipped file). Nothing was changed.</source>
        <translation>节假日日历文件无效（应为与随附文件格式相同的 JSON，按年份列出放假日期和调休上班日期）。未作任何更改。</translation>
    </message>
    <message>
        <source>Years: 1–100 (0 only for a permanent rule).</source>
        <translation>年限：1–100（仅永久保管的规则可为 0）。</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date of the session</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训人</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Months between refreshers</source>
        <translation>复训间隔月数</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Scope of the entrusted processing</source>
        <translation>委托处理范围</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>处理目的</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>End of the term</source>
        <translation>期限届满日</translation>
    </message>
    <message>
        <source>Date ended</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <source>Confirmation of the return or deletion</source>
        <translation>返还或删除的确认</translation>
    </message>
    <message>
        <source>Date confirmed</source>
        <translation>确认日期</translation>
    </message>
    <message>
        <source>Purpose and necessity</source>
        <translation>处理目的及必要性</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>影响及风险</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>保护措施</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>评估结论</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>评估情形</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Date assessed</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Security duties of the recipient</source>
        <translation>接收方的安全保护义务</translation>
    </message>
    <message>
        <source>The date of the session cannot be in the future.</source>
        <translation>培训日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Choose at least one member of staff who attended.</source>
        <translation>请至少选择一名参加培训的员工。</translation>
    </message>
    <message>
        <source>Last day: from today to at most 30 days ahead.</source>
        <translation>截止日期：从今天起，最长 30 天。</translation>
    </message>
    <message>
        <source>Months between refreshers: 1–60.</source>
        <translation>复训间隔月数：1–60。</translation>
    </message>
    <message>
        <source>The scan must be a PDF, PNG, JPEG or TIFF file.</source>
        <translation>扫描件必须是 PDF、PNG、JPEG 或 TIFF 文件。</translation>
    </message>
    <message>
        <source>The scan is larger than 10 MB.</source>
        <translation>扫描件超过 10 MB。</translation>
    </message>
    <message>
        <source>The scan file is empty.</source>
        <translation>扫描件文件为空。</translation>
    </message>
    <message>
        <source>Categories: the chosen purposes do not process all of these categories.</source>
        <translation>个人信息种类：所选处理目的并不处理其中的全部种类。</translation>
    </message>
    <message>
        <source>%1 cannot be in the future.</source>
        <translation>%1不能晚于今天。</translation>
    </message>
    <message>
        <source>%1 cannot be before the start of the agreement.</source>
        <translation>%1不能早于协议开始日期。</translation>
    </message>
    <message>
        <source>Choose the recipient from the recipients list.</source>
        <translation>请从接收方清单中选择接收方。</translation>
    </message>
    <message>
        <source>Choose at least one purpose or recipient the assessment covers.</source>
        <translation>请至少选择一个评估所涵盖的处理目的或接收方。</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess (repeated digits, a run such as 123456, or a common PIN).</source>
        <translation>此PIN码太容易被猜到（重复数字、123456这样的连续数字或常见PIN码）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>privacy contact</source>
        <translation>个人信息保护负责人联系方式</translation>
    </message>
    <message>
        <source>The consent form cannot be printed: the firm&apos;s %1 must be filled in (PIPL Art 17). Enter them on the Settings page.</source>
        <translation>无法打印告知同意书：须先填写本公司的%1（《个人信息保护法》第十七条）。请在“设置”页面填写。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The consent form cannot be printed: a purpose that provides data to third parties names no recipient from the recipients list (PIPL Art 23). Link one on the Purposes page.</source>
        <translation>无法打印告知同意书：有向第三方提供个人信息的处理目的未从接收方清单中指定接收方（《个人信息保护法》第二十三条）。请在“处理目的”页面指定。</translation>
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
        <source>The backup key in the backups folder is not the one a partner set up. No backup was written; ask a partner to check the backups folder.</source>
        <translation>备份文件夹中的备份密钥不是合伙人设置的那一个。未写入任何备份；请合伙人检查备份文件夹。</translation>
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
        <source>Some pages of the vault database are damaged. Run the integrity check on the Audit page, then restore the vault from a backup.</source>
        <translation>保密柜数据库有页面损坏。请在“审计日志”页运行完整性检查，然后从备份恢复保密柜。</translation>
    </message>
    <message>
        <source>The vault database file is incomplete (a truncated copy?). Restore it from a backup.</source>
        <translation>保密柜数据库文件不完整（可能是未复制完的副本）。请从备份恢复。</translation>
    </message>
    <message>
        <source>The vault database could not be read or written (a drive or network error). Check the drive or office share, then run the integrity check.</source>
        <translation>无法读写保密柜数据库（磁盘或网络错误）。请检查磁盘或办公室共享文件夹，然后运行完整性检查。</translation>
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
        <source>This login was altered in the key file or the staff list and was not certified by a partner. Ask a partner to check the audit log.</source>
        <translation>此登录在密钥文件或员工名单中被改动过，未经合伙人认证。请合伙人检查审计日志。</translation>
    </message>
    <message>
        <source>Your access to this vault was withdrawn on another workstation.</source>
        <translation>您对此保密柜的访问权限已在另一台工作站上被撤销。</translation>
    </message>
    <message>
        <source>The key file was made by a pre-release version of ClientVault and cannot be opened.</source>
        <translation>此密钥文件由客户保密柜的预发布版本创建，无法打开。</translation>
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
        <source>The vault could not be upgraded for this version of ClientVault and was left as it was. The copy taken before the upgrade is kept in the backups folder as %1.</source>
        <translation>无法将保密柜升级到本程序版本，保密柜保持原样。升级前的副本保存在备份文件夹中，文件名为 %1。</translation>
    </message>
    <message>
        <source>You cannot reveal sensitive items: your confidentiality agreement ended on %1. Ask the partner or the privacy officer to record the renewed agreement in the staff register. The attempt has been recorded.</source>
        <translation>您不能查看敏感信息：您的保密协议已于 %1 到期。请合伙人或保密专员在员工登记中记录续签的协议。本次尝试已记录。</translation>
    </message>
    <message>
        <source>You cannot reveal sensitive items: no signed confidentiality agreement of yours is recorded. Ask the partner or the privacy officer to record it in the staff register. The attempt has been recorded.</source>
        <translation>您不能查看敏感信息：尚未登记您签署的保密协议。请合伙人或保密专员在员工登记中记录。本次尝试已记录。</translation>
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
        <source>The vault folder is read-only (a read-only drive or share, or no write permission). ClientVault must be able to write there, even to show records. Nothing was changed.</source>
        <translation>保密柜文件夹为只读（只读磁盘或共享，或没有写入权限）。即使只是查看记录，客户保密柜也需要在那里写入。未做任何更改。</translation>
    </message>
    <message>
        <source>The vault keys were changed on another workstation. Please log in again.</source>
        <translation>保密柜密钥已在其他电脑上更改，请重新登录。</translation>
    </message>
    <message>
        <source>This folder cannot hold a vault (cloud-sync folders are refused because they copy the files outside the firm). Choose a local or office-share folder.</source>
        <translation>此文件夹不能存放保密柜（云同步文件夹会把文件复制到公司之外，因此不允许）。请选择本机或办公室共享盘上的文件夹。</translation>
    </message>
    <message>
        <source>Someone else saved this record in the meantime. Reload it and try again.</source>
        <translation>其他人刚刚保存了这条记录，请重新加载后再试。</translation>
    </message>
    <message>
        <source>Another client already has this unified social credit code.</source>
        <translation>另一客户已使用此统一社会信用代码。</translation>
    </message>
    <message>
        <source>A person of another client already has this ID number.</source>
        <translation>另一客户的人员已使用此身份证号。</translation>
    </message>
    <message>
        <source>This person is not in the vault, or not one of this client&apos;s people.</source>
        <translation>保险库中没有此人，或此人不属于该客户。</translation>
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
        <source>The backups folder is not available (an unplugged drive or a share that is not connected). No backup was written anywhere else. Connect it, or choose another folder in Settings.</source>
        <translation>备份文件夹不可用（硬盘已拔出或共享文件夹未连接）。没有在其他位置写入任何备份。请连接它，或在“设置”中选择其他文件夹。</translation>
    </message>
    <message>
        <source>That path is a file, not a folder.</source>
        <translation>该路径是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>That folder cannot be written (no permission, or a read-only drive).</source>
        <translation>无法写入该文件夹（没有权限，或为只读磁盘）。</translation>
    </message>
    <message>
        <source>The backups folder cannot be inside the vault folder.</source>
        <translation>备份文件夹不能位于保密柜文件夹之内。</translation>
    </message>
    <message>
        <source>Cloud-sync folders are refused: they copy the files outside the firm. Choose another folder.</source>
        <translation>不接受云同步文件夹：它们会把文件复制到公司之外。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>That folder holds another vault&apos;s backups. Choose an empty folder.</source>
        <translation>该文件夹中存有另一个保密柜的备份。请选择一个空文件夹。</translation>
    </message>
    <message>
        <source>Copying the backups to the new folder failed. The current backups folder is still in use and complete.</source>
        <translation>把备份复制到新文件夹时失败。当前备份文件夹仍在使用，且内容完整。</translation>
    </message>
    <message>
        <source>The backups folder cannot be used.</source>
        <translation>无法使用该备份文件夹。</translation>
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
        <source>This needs the partner key: log in as a partner with your password (not the PIN).</source>
        <translation>此操作需要合伙人密钥：请以合伙人身份用密码（而非PIN码）登录。</translation>
    </message>
    <message>
        <source>Log in with your password (not the PIN) to remember this workstation.</source>
        <translation>请用密码（而非PIN码）登录后再记住此工作站。</translation>
    </message>
    <message>
        <source>The requester&apos;s identity check failed: the request can only be refused (with the reason) until a new request is recorded after a successful check.</source>
        <translation>请求人身份核验未通过：此请求只能说明理由后拒绝；身份核验通过后请重新登记请求。</translation>
    </message>
    <message>
        <source>This request is already closed or handed over.</source>
        <translation>此请求已关闭或已转交。</translation>
    </message>
    <message>
        <source>This complaint is already resolved.</source>
        <translation>此投诉已处理完毕。</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation>此账户已停用。</translation>
    </message>
    <message>
        <source>No override is needed: a partner, or someone whose confidentiality agreement is in force.</source>
        <translation>无需授权：对方是合伙人，或其保密协议仍然有效。</translation>
    </message>
    <message>
        <source>Refused: employees&apos; salary, income-tax, social-insurance or housing-fund data is processed on the client&apos;s behalf and may only be given out under an entrustment agreement with the client in force that covers this purpose and these categories (PIPL Art 21). Record the agreement first.</source>
        <translation>已拒绝：员工的工资、个人所得税、社会保险或住房公积金信息由本公司受客户委托处理，只有在与客户签订的、涵盖该处理目的和这些种类的委托处理协议有效期内才能对外提供（《个人信息保护法》第二十一条）。请先登记协议。</translation>
    </message>
    <message>
        <source>Refused: the notice of this purpose does not name this recipient, so the person was not told their data goes there (PIPL Art 23). Link the recipient to the purpose (Purposes page) and ask for consent again, or choose a recipient the purpose names.</source>
        <translation>已拒绝：该处理目的的告知内容未列明此接收方，个人并未被告知其信息将提供给它（《个人信息保护法》第二十三条）。请在“处理目的”页面将该接收方关联到处理目的并重新征得同意，或选择该处理目的已列明的接收方。</translation>
    </message>
    <message>
        <source>This agreement has already ended.</source>
        <translation>该协议已经终止。</translation>
    </message>
    <message>
        <source>End the agreement first; then record the client&apos;s confirmation of the return or deletion.</source>
        <translation>请先终止协议，再登记对方对返还或删除的确认。</translation>
    </message>
    <message>
        <source>The return or deletion is already confirmed.</source>
        <translation>返还或删除已经确认。</translation>
    </message>
    <message>
        <source>An impact assessment is kept at least three years after it was made (PIPL Art 56); it cannot be deleted before its keep-until date.</source>
        <translation>个人信息保护影响评估报告至少保存三年（《个人信息保护法》第五十六条），保存期满之前不能删除。</translation>
    </message>
    <message>
        <source>Refused: the purpose does not cover some of these categories of data. Nothing was logged.</source>
        <translation>已拒绝：处理目的不涵盖其中部分信息种类。未作登记。</translation>
    </message>
    <message>
        <source>Refused: this purpose rests on consent and there is no consent in force. Nothing was logged.</source>
        <translation>已拒绝：该处理目的以同意为依据，但没有有效的同意。未作登记。</translation>
    </message>
    <message>
        <source>Refused: sensitive data (ID numbers, bank accounts, logins) needs its separate consent (PIPL Art 29). Nothing was logged.</source>
        <translation>已拒绝：敏感个人信息（证件号码、银行账户、登录信息）需取得单独同意（《个人信息保护法》第二十九条）。未作登记。</translation>
    </message>
    <message>
        <source>Refused: giving the data to a third party needs the person&apos;s separate consent (PIPL Art 23). Nothing was logged.</source>
        <translation>已拒绝：向第三方提供个人信息需取得本人的单独同意（《个人信息保护法》第二十三条）。未作登记。</translation>
    </message>
    <message>
        <source>This incident is already closed.</source>
        <translation>此事件已关闭。</translation>
    </message>
    <message>
        <source>Record the decision to notify first: letters are written only for an incident that is notified.</source>
        <translation>请先记录通知决定：只有决定通知的事件才能生成告知书。</translation>
    </message>
    <message>
        <source>Record whether the persons and the authority are notified (and why) before closing.</source>
        <translation>关闭前请记录是否通知个人和主管部门及其理由。</translation>
    </message>
    <message>
        <source>This client has been erased: nothing of its data is left, so no letter can be written to it.</source>
        <translation>该客户已被删除，其信息已不复存在，无法向其发出告知书。</translation>
    </message>
    <message>
        <source>A deletion or withdrawal closes through its workflow: use Hand over.</source>
        <translation>删除或撤回同意请求须通过相应流程关闭：请使用“转交”。</translation>
    </message>
    <message>
        <source>Only deletion and withdrawal requests are handed over.</source>
        <translation>只有删除和撤回同意请求需要转交。</translation>
    </message>
    <message>
        <source>Only access and copy requests are answered with a copy.</source>
        <translation>只有查阅、复制请求以副本答复。</translation>
    </message>
    <message>
        <source>The vault file is still being checked after this erasure. The certificate is issued once the check has finished.</source>
        <translation>本次销毁之后的保密柜文件检查尚未完成。检查完成后才会出具证明。</translation>
    </message>
    <message>
        <source>The key file holds logins that no partner certified. They are ignored; a partner&apos;s login removes them.</source>
        <translation>密钥文件中有未经任何合伙人认证的登录项。它们已被忽略；合伙人登录时会将其删除。</translation>
    </message>
    <message>
        <source>The partner signing key recorded in the key file or the database was changed. The true one is used.</source>
        <translation>密钥文件或数据库中记录的合伙人签名密钥被改动过。系统使用真实的签名密钥。</translation>
    </message>
    <message>
        <source>The audit log changed since the last checkpoint in a way its signatures do not allow. No new checkpoint was signed. Open the audit log and run the check.</source>
        <translation>自上一个检查点以来，审计日志发生了签名不允许的改动。系统未签署新的检查点。请打开审计日志并运行检查。</translation>
    </message>
    <message>
        <source>Tampering detected</source>
        <translation>发现篡改</translation>
    </message>
    <message>
        <source>This exported file is already marked as destroyed.</source>
        <translation>该导出文件已标记为已销毁。</translation>
    </message>
    <message>
        <source>Some rows were refused, so nothing was imported. Correct them in the file and try again.</source>
        <translation>有行被拒绝，因此未导入任何数据。请在文件中更正后重试。</translation>
    </message>
    <message>
        <source>The sheet has no data rows. Nothing was imported.</source>
        <translation>工作表没有数据行，未导入任何数据。</translation>
    </message>
    <message>
        <source>A matching client was changed during the import. Nothing was imported; please try again.</source>
        <translation>导入期间有匹配的客户被修改，未导入任何数据，请重试。</translation>
    </message>
    <message>
        <source>This export is above the row threshold: a partner must approve it before it can be saved.</source>
        <translation>此导出超过行数阈值：须经合伙人批准后才能保存。</translation>
    </message>
    <message>
        <source>The approval does not cover this export.</source>
        <translation>该批准不涵盖此次导出。</translation>
    </message>
    <message>
        <source>This approval has already been used.</source>
        <translation>该批准已被使用。</translation>
    </message>
    <message>
        <source>This export request has not been approved.</source>
        <translation>该导出申请尚未获批。</translation>
    </message>
    <message>
        <source>The person who asked for an erasure cannot approve it. Another partner approves it (in a firm with one partner: the privacy officer).</source>
        <translation>提出删除申请的人不能批准该申请，须由另一位负责人批准（只有一位负责人的公司由个人信息保护负责人批准）。</translation>
    </message>
    <message>
        <source>A legal retention period is still running for this client, so the erasure cannot use the basis &apos;retention period ended&apos;. The attempt has been recorded.</source>
        <translation>该客户的法定保管期限尚未届满，不能以“保存期限已届满”为依据删除。此次操作已记录。</translation>
    </message>
    <message>
        <source>These records hold accounting archives: record an appraisal (鉴定意见书) concluding they may be destroyed before executing the erasure.</source>
        <translation>这些记录包含会计档案：执行销毁前须先登记结论为可以销毁的会计档案鉴定意见书。</translation>
    </message>
    <message>
        <source>Another workstation is reading the vault, so the erased values are still on disk. The certificate is issued once they are gone: try again when the other workstations are idle.</source>
        <translation>另一台工作站正在读取保密柜，已删除的数据仍留在磁盘上。数据彻底清除后才会出具证明：请在其他工作站空闲时重试。</translation>
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
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>The file is open in Excel or WPS (or locked by another program). Close it and try again.</source>
        <translation>文件正在 Excel 或 WPS 中打开（或被其他程序锁定）。请关闭后重试。</translation>
    </message>
    <message>
        <source>The file cannot be read. Check its permissions.</source>
        <translation>无法读取文件，请检查权限。</translation>
    </message>
    <message>
        <source>This is an old .xls workbook. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>这是旧版 .xls 工作簿。请在 Excel 或 WPS 中打开并另存为 .xlsx。</translation>
    </message>
    <message>
        <source>This is a CSV text file, not a workbook. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>这是 CSV 文本文件，不是工作簿。请在 Excel 或 WPS 中打开并另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The workbook is protected with a password. Save an unprotected copy and import that.</source>
        <translation>工作簿设有密码保护。请另存一份无密码的副本再导入。</translation>
    </message>
    <message>
        <source>The file is not an Excel workbook (.xlsx).</source>
        <translation>该文件不是 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The workbook is damaged or incomplete (a truncated copy?). Save it again from Excel or WPS.</source>
        <translation>工作簿已损坏或不完整（复制不完整？）。请在 Excel 或 WPS 中重新保存。</translation>
    </message>
    <message>
        <source>The workbook unpacks to far more data than a client list holds, so it was not opened.</source>
        <translation>工作簿解压后的数据量远超客户清单的正常大小，因此未打开。</translation>
    </message>
    <message>
        <source>The file is too large for a client list.</source>
        <translation>文件过大，不像客户清单。</translation>
    </message>
    <message>
        <source>The workbook has no data.</source>
        <translation>工作簿中没有数据。</translation>
    </message>
    <message>
        <source>The workbook has no sheet of that name.</source>
        <translation>工作簿中没有该名称的工作表。</translation>
    </message>
    <message>
        <source>No header row was found in the first 30 rows. It needs a client name column and at least one other known column.</source>
        <translation>前 30 行中未找到表头行。表头须包含客户名称列及至少一个其他可识别的列。</translation>
    </message>
    <message>
        <source>The sheet has a header row but no data rows.</source>
        <translation>工作表有表头行，但没有数据行。</translation>
    </message>
    <message>
        <source>The sheet has more rows than one import takes. Split it into parts.</source>
        <translation>工作表行数超过单次导入上限，请拆分后导入。</translation>
    </message>
    <message>
        <source>The file cannot be read as a workbook.</source>
        <translation>无法将该文件作为工作簿读取。</translation>
    </message>
</context>
<context>
    <name>ExcelExportDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>The client &amp;list, as searched and filtered</source>
        <translation>客户列表（按当前搜索和筛选）(&amp;L)</translation>
    </message>
    <message>
        <source>The &amp;record of %1</source>
        <translation>%1 的档案(&amp;R)</translation>
    </message>
    <message>
        <source>The personal &amp;information of %1 (access or copy request)</source>
        <translation>%1 的个人信息（查阅或复制请求）(&amp;I)</translation>
    </message>
    <message>
        <source>Why the data leaves the vault (kept in the export register)</source>
        <translation>数据导出的用途（记入导出登记簿）</translation>
    </message>
    <message>
        <source>Full ID and account numbers (otherwise masked)</source>
        <translation>完整的证件号码和账号（否则为脱敏显示）</translation>
    </message>
    <message>
        <source>Ask a partner to &amp;approve</source>
        <translation>申请合伙人批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>用途(&amp;P)：</translation>
    </message>
    <message>
        <source>%1 rows.</source>
        <translation>共 %1 行。</translation>
    </message>
    <message>
        <source>Exports above %1 rows need a partner&apos;s approval first: ask for it, then save.</source>
        <translation>超过 %1 行的导出须先经合伙人批准：请先申请，获批后再保存。</translation>
    </message>
    <message>
        <source>A partner approved this export.</source>
        <translation>合伙人已批准此次导出。</translation>
    </message>
    <message>
        <source>Request %1 sent. Save once a partner has approved it.</source>
        <translation>已提交申请 %1。合伙人批准后即可保存。</translation>
    </message>
    <message>
        <source>Save the workbook</source>
        <translation>保存工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>ExcelLabels</name>
    <message>
        <source>Client name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Tax number</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Accountant</source>
        <translation>负责会计</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Engagement start</source>
        <translation>服务开始日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>整行</translation>
    </message>
    <message>
        <source>%1 is empty but required.</source>
        <translation>%1为空，但必须填写。</translation>
    </message>
    <message>
        <source>%1 is needed when an ID number is given.</source>
        <translation>填写了身份证号时必须填写%1。</translation>
    </message>
    <message>
        <source>%1 contains control characters.</source>
        <translation>%1含有控制字符。</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1过长。</translation>
    </message>
    <message>
        <source>%1 has the wrong number of characters.</source>
        <translation>%1的位数不对。</translation>
    </message>
    <message>
        <source>%1 has characters or a shape it cannot have.</source>
        <translation>%1含有不允许的字符或格式不对。</translation>
    </message>
    <message>
        <source>%1: the check digit is wrong.</source>
        <translation>%1：校验位错误。</translation>
    </message>
    <message>
        <source>%1 holds an impossible date of birth.</source>
        <translation>%1中的出生日期不可能存在。</translation>
    </message>
    <message>
        <source>%1 has a region code that does not exist.</source>
        <translation>%1的地区代码不存在。</translation>
    </message>
    <message>
        <source>%1 was stored by Excel as a number and has lost digits. Format the column as text.</source>
        <translation>%1被 Excel 存成了数字，已丢失位数。请把该列设置为文本格式。</translation>
    </message>
    <message>
        <source>%1 is not a valid date.</source>
        <translation>%1不是有效日期。</translation>
    </message>
    <message>
        <source>%1 is out of range.</source>
        <translation>%1超出范围。</translation>
    </message>
    <message>
        <source>%1 is not one of the allowed values.</source>
        <translation>%1不是允许的取值。</translation>
    </message>
    <message>
        <source>%1 holds a formula. Formulas are never evaluated: type the value.</source>
        <translation>%1是公式。公式不会被计算：请直接填写数值。</translation>
    </message>
    <message>
        <source>The row is part of merged cells spanning several rows.</source>
        <translation>该行处于跨多行的合并单元格中。</translation>
    </message>
    <message>
        <source>The row has merged cells; only the first cell&apos;s value is read.</source>
        <translation>该行有合并单元格，只读取第一个单元格的值。</translation>
    </message>
    <message>
        <source>%1 was a number cell; it is read as text.</source>
        <translation>%1是数字单元格，已按文本读取。</translation>
    </message>
    <message>
        <source>%1 was an Excel day number; it is read as a date.</source>
        <translation>%1是 Excel 日期序号，已按日期读取。</translation>
    </message>
    <message>
        <source>%1 had full-width characters; they were normalised.</source>
        <translation>%1含全角字符，已转换为半角。</translation>
    </message>
    <message>
        <source>%1 is not stored: no purpose in force needs this data.</source>
        <translation>%1不保存：当前没有任何有效目的需要此类数据。</translation>
    </message>
    <message>
        <source>%1 is not stored: your role may not set it.</source>
        <translation>%1不保存：您的角色无权设置。</translation>
    </message>
    <message>
        <source>%1 names no active accountant; not assigned.</source>
        <translation>%1不是在职会计，未分配。</translation>
    </message>
    <message>
        <source>%1 repeats the code of row %2.</source>
        <translation>%1与第 %2 行重复。</translation>
    </message>
    <message>
        <source>%1 repeats the name of row %2.</source>
        <translation>%1与第 %2 行的名称重复。</translation>
    </message>
    <message>
        <source>Matches an existing client.</source>
        <translation>与已有客户匹配。</translation>
    </message>
    <message>
        <source>Matches a client not assigned to you; skipped.</source>
        <translation>与未分配给您的客户匹配，已跳过。</translation>
    </message>
    <message>
        <source>%1 is not valid.</source>
        <translation>%1无效。</translation>
    </message>
</context>
<context>
    <name>ExportRequestsDialog</name>
    <message>
        <source>Export requests</source>
        <translation>导出申请</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3 rows · %4</source>
        <translation>#%1 · %2 · %3 行 · %4</translation>
    </message>
    <message>
        <source>unmasked</source>
        <translation>不脱敏</translation>
    </message>
    <message>
        <source>Request #%1 approved: the accountant can now save the file.</source>
        <translation>已批准第 %1 号申请：会计现在可以保存该文件。</translation>
    </message>
    <message>
        <source>Request #%1 refused: no file will be saved for it.</source>
        <translation>已拒绝第 %1 号申请：不会为其保存文件。</translation>
    </message>
</context>
<context>
    <name>ExportTableModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>Destroy by</source>
        <translation>销毁期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>告知同意书</translation>
    </message>
    <message>
        <source>Consent forms (batch)</source>
        <translation>告知同意书（批量）</translation>
    </message>
    <message>
        <source>Excel export</source>
        <translation>Excel 导出</translation>
    </message>
    <message>
        <source>Copy for a data request</source>
        <translation>个人信息查阅复制件</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Erasure certificate</source>
        <translation>销毁证明</translation>
    </message>
    <message>
        <source>Destroyed (overwritten and deleted)</source>
        <translation>已销毁（已覆写并删除）</translation>
    </message>
    <message>
        <source>Marked destroyed (file was already gone)</source>
        <translation>已标记销毁（文件已不存在）</translation>
    </message>
    <message>
        <source>Marked destroyed (file had changed; left in place)</source>
        <translation>已标记销毁（文件已被改动，未删除）</translation>
    </message>
    <message>
        <source>Marked destroyed (location unknown)</source>
        <translation>已标记销毁（位置未知）</translation>
    </message>
    <message>
        <source>Marked destroyed</source>
        <translation>已标记销毁</translation>
    </message>
    <message>
        <source>Due for destruction</source>
        <translation>已到销毁期限</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留中</translation>
    </message>
</context>
<context>
    <name>ExportThresholdSection</name>
    <message>
        <source>Excel exports</source>
        <translation>Excel 导出</translation>
    </message>
    <message>
        <source> rows</source>
        <translation> 行</translation>
    </message>
    <message>
        <source>Save export threshold</source>
        <translation>保存导出阈值</translation>
    </message>
    <message>
        <source>An Excel export of more rows than this, by anyone but a partner, needs a partner&apos;s approval first: the requester asks, a partner approves, then the requester saves the workbook.</source>
        <translation>合伙人以外的人员导出超过此行数的 Excel 文件，须先经合伙人批准：申请人提出申请，合伙人批准后，申请人再保存工作簿。</translation>
    </message>
    <message>
        <source>Approval above:</source>
        <translation>超过以下行数需审批：</translation>
    </message>
    <message>
        <source>Saved: exports above %1 rows need a partner&apos;s approval.</source>
        <translation>已保存：超过 %1 行的导出需经合伙人批准。</translation>
    </message>
</context>
<context>
    <name>ExportsPage</name>
    <message>
        <source>Export register</source>
        <translation>导出登记簿</translation>
    </message>
    <message>
        <source>The files you saved or exported from ClientVault. Destroy each file once its destroy-by date has come: ClientVault overwrites it with zeros and deletes it, if it is still where it was saved and unchanged.</source>
        <translation>您从客户保密柜保存或导出的文件。文件到达销毁期限后请及时销毁：若文件仍在原保存位置且未被改动，客户保密柜会用零覆写后删除。</translation>
    </message>
    <message>
        <source>Every file of client data saved or exported from ClientVault. Destroy each file once its destroy-by date has come: ClientVault overwrites it with zeros and deletes it, if it is still where it was saved and unchanged.</source>
        <translation>从客户保密柜保存或导出的每一份含客户数据的文件。文件到达销毁期限后请及时销毁：若文件仍在原保存位置且未被改动，客户保密柜会用零覆写后删除。</translation>
    </message>
    <message>
        <source>Due for destruction</source>
        <translation>已到销毁期限</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <source>Destroy file…</source>
        <translation>销毁文件…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <source>Destroy file</source>
        <translation>销毁文件</translation>
    </message>
    <message>
        <source>Destroy %1?</source>
        <translation>销毁 %1？</translation>
    </message>
    <message>
        <source>If the file is still in its folder and unchanged, it is overwritten with zeros and deleted. If it is gone, or has changed since it was saved, it is left alone and only marked as destroyed.</source>
        <translation>若文件仍在原文件夹且未被改动，将用零覆写后删除。若文件已不存在，或保存后已被改动，则不作处理，仅标记为已销毁。</translation>
    </message>
    <message>
        <source>On SSDs and on journaling filesystems the disk may keep old copies of the data elsewhere; only full-disk encryption (such as BitLocker or FileVault) guarantees they cannot be read back (NIST SP 800-88). Copies made elsewhere (USB sticks, e-mail) must be deleted by hand.</source>
        <translation>在固态硬盘（SSD）和日志型文件系统上，磁盘可能在其他位置保留数据的旧副本；只有全盘加密（如 BitLocker 或 FileVault）才能保证这些数据无法被读回（NIST SP 800-88）。复制到别处的副本（U 盘、电子邮件）须手动删除。</translation>
    </message>
    <message>
        <source>Destroying the file…</source>
        <translation>正在销毁文件…</translation>
    </message>
    <message>
        <source>The file was overwritten, deleted and marked as destroyed.</source>
        <translation>文件已覆写、删除并标记为已销毁。</translation>
    </message>
    <message>
        <source>The file was no longer in its folder; the entry is marked as destroyed.</source>
        <translation>文件已不在原文件夹中；该条目已标记为已销毁。</translation>
    </message>
    <message>
        <source>The register no longer records where the file was (a client in it was erased); the entry is marked as destroyed. Delete the file by hand if you know where it is.</source>
        <translation>登记簿已不再记录该文件的位置（其中的客户已被销毁）；该条目已标记为已销毁。如知道文件位置，请手动删除。</translation>
    </message>
    <message>
        <source>The file has changed since it was saved, so it was left in place; the entry is marked as destroyed. Check the file and delete it by hand if it still holds client data.</source>
        <translation>文件在保存后已被改动，因此未删除；该条目已标记为已销毁。请检查该文件，如仍含客户数据请手动删除。</translation>
    </message>
    <message>
        <source>Marked as destroyed.</source>
        <translation>已标记为已销毁。</translation>
    </message>
</context>
<context>
    <name>FieldReasons</name>
    <message>
        <source>Collected for: %1</source>
        <translation>收集目的：%1</translation>
    </message>
    <message>
        <source>Needed to identify and contact the client</source>
        <translation>识别和联系客户所必需</translation>
    </message>
    <message>
        <source>No current purpose needs this</source>
        <translation>当前没有处理目的需要此项</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the workbook</source>
        <translation>选择工作簿</translation>
    </message>
    <message>
        <source>An .xlsx file from Excel or WPS. The header row is found even under title rows.</source>
        <translation>Excel 或 WPS 的 .xlsx 文件。即使表头上方有标题行，也能自动找到表头。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Save the &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>Saved &amp;mapping:</source>
        <translation>已保存的对应关系(&amp;M)：</translation>
    </message>
    <message>
        <source>(guess from the headers)</source>
        <translation>（按表头自动识别）</translation>
    </message>
    <message>
        <source>Choose a workbook</source>
        <translation>选择工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>The template could not be saved there.</source>
        <translation>无法将模板保存到该位置。</translation>
    </message>
</context>
<context>
    <name>FirmSection</name>
    <message>
        <source>Firm details printed on consent forms and letters</source>
        <translation>告知同意书和函件上打印的本公司信息</translation>
    </message>
    <message>
        <source>Firm name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Telephone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Privacy contact:</source>
        <translation>个人信息保护联系人：</translation>
    </message>
    <message>
        <source>Complaint channel:</source>
        <translation>投诉渠道：</translation>
    </message>
    <message>
        <source>Save firm details</source>
        <translation>保存公司信息</translation>
    </message>
    <message>
        <source>Saved: the next forms and letters print these details.</source>
        <translation>已保存：此后的告知同意书和函件将打印这些信息。</translation>
    </message>
</context>
<context>
    <name>FirmWizardPage</name>
    <message>
        <source>Your firm</source>
        <translation>公司信息</translation>
    </message>
    <message>
        <source>The name appears on the recovery sheet; the name and contact details on every consent form, which cannot be printed without them. You can change them later on the Settings page.</source>
        <translation>名称印在恢复密钥单上；名称和联系方式印在每份告知同意书上，缺少这些信息时无法打印告知同意书。以后可以在“设置”页面修改。</translation>
    </message>
    <message>
        <source>e.g. Beijing Example Bookkeeping Co., Ltd.</source>
        <translation>例如：北京示例代理记账有限公司</translation>
    </message>
    <message>
        <source>Firm name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Telephone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Privacy contact:</source>
        <translation>个人信息保护负责人联系方式：</translation>
    </message>
    <message>
        <source>Complaint channel:</source>
        <translation>投诉渠道：</translation>
    </message>
    <message>
        <source>e.g. the privacy officer&apos;s name and telephone</source>
        <translation>例如：个人信息保护负责人的姓名和电话</translation>
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
    <name>FormCorrectionDialog</name>
    <message>
        <source>Correct a returned form</source>
        <translation>更正已登记的告知同意书</translation>
    </message>
    <message>
        <source>Scan the QR code or type CF-XXXX-XXXX</source>
        <translation>扫描二维码或输入 CF-XXXX-XXXX</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>What the paper really says</source>
        <translation>纸质原件上的实际勾选</translation>
    </message>
    <message>
        <source>e.g. the wrong box was ticked when the form was recorded</source>
        <translation>例如：录入时勾错了选项</translation>
    </message>
    <message>
        <source>Check before saving</source>
        <translation>保存前请核对</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>核对(&amp;R)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Form number:</source>
        <translation>告知同意书编号：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>not agreed</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Nothing changes: the boxes are as recorded.</source>
        <translation>没有变化：勾选与已记录的一致。</translation>
    </message>
    <message>
        <source>This form has not been returned (or was voided): there is nothing to correct.</source>
        <translation>此告知同意书尚未登记签回（或已作废），无需更正。</translation>
    </message>
    <message>
        <source>Give the reason for the correction (at least 4 characters, at most 500).</source>
        <translation>请填写更正原因（至少 4 个字，最多 500 个字）。</translation>
    </message>
</context>
<context>
    <name>FormPreviewDialog</name>
    <message>
        <source>Consent form %1</source>
        <translation>告知同意书 %1</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over accounting archives</source>
        <translation>移交会计档案</translation>
    </message>
    <message>
        <source>A client&apos;s accounting archives belong to the client. When the relationship ends, record what was handed over, to whom and when; the handover list (移交清册) is signed by both sides and kept for 30 years.</source>
        <translation>客户的会计档案属于客户。委托关系终止时，请记录移交了哪些档案、移交给谁、何时移交；移交清册由双方签字，保管30年。</translation>
    </message>
    <message>
        <source>The client, or the firm that takes over its books</source>
        <translation>客户本身，或接手其账务的机构</translation>
    </message>
    <message>
        <source>The recipient signed the handover list</source>
        <translation>接收方已在移交清册上签字</translation>
    </message>
    <message>
        <source>Client no.:</source>
        <translation>客户编号：</translation>
    </message>
    <message>
        <source>Handed over to:</source>
        <translation>接收单位：</translation>
    </message>
    <message>
        <source>Archives handed over:</source>
        <translation>移交的档案：</translation>
    </message>
    <message>
        <source>Accounting years:</source>
        <translation>起止年度：</translation>
    </message>
    <message>
        <source>Day of handover:</source>
        <translation>移交日期：</translation>
    </message>
    <message>
        <source>Record handover</source>
        <translation>登记移交</translation>
    </message>
    <message>
        <source>Preview and print the list…</source>
        <translation>预览并打印清册…</translation>
    </message>
    <message>
        <source>Handovers of this client:</source>
        <translation>该客户的移交记录：</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>not signed yet</source>
        <translation>尚未签收</translation>
    </message>
    <message>
        <source>%1 · %2 · to %3 · %4 categories · %5</source>
        <translation>%1 · %2 · 移交给 %3 · %4 类 · %5</translation>
    </message>
    <message>
        <source>Say who received the archives.</source>
        <translation>请填写接收单位。</translation>
    </message>
    <message>
        <source>The recipient&apos;s name is too long (at most 200 characters).</source>
        <translation>接收单位名称过长（最多200个字符）。</translation>
    </message>
    <message>
        <source>Tick at least one kind of archive.</source>
        <translation>请至少勾选一类档案。</translation>
    </message>
    <message>
        <source>A ticked kind of archive is no longer in the retention rules.</source>
        <translation>勾选的某类档案已不在保管期限规则中。</translation>
    </message>
    <message>
        <source>The years must run from an earlier to a later year (1950–2100).</source>
        <translation>起止年度须从较早年度到较晚年度（1950–2100）。</translation>
    </message>
    <message>
        <source>The day of the handover cannot be in the future.</source>
        <translation>移交日期不能晚于今天。</translation>
    </message>
    <message>
        <source>%1: not valid.</source>
        <translation>%1：无效。</translation>
    </message>
    <message>
        <source>Handover recorded as %1.</source>
        <translation>已登记移交，清册编号 %1。</translation>
    </message>
    <message>
        <source>Handover list</source>
        <translation>会计档案移交清册</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About ClientVault</source>
        <translation>关于客户保密柜(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Clients in total</source>
        <extracomment>How long after the home page is built the per-accountant counts start (after the first paint).</extracomment>
        <translation>客户总数</translation>
    </message>
</context>
<context>
    <name>ImpactAssessmentsPage</name>
    <message>
        <source>New assessment…</source>
        <translation>新建评估…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>评估情形</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>评估范围</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>评估结论</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <source>Impact assessments</source>
        <translation>个人信息保护影响评估</translation>
    </message>
    <message>
        <source>Before processing sensitive data, entrusting processing or providing data to others, the firm assesses the impact on individuals (PIPL Art 55): purpose and necessity, risks, measures. Each assessment is kept at least three years (Art 56).</source>
        <translation>处理敏感个人信息、委托处理或向他人提供个人信息之前，本公司对个人权益的影响进行评估（《个人信息保护法》第五十五条）：处理目的及必要性、风险、保护措施。每份评估报告至少保存三年（第五十六条）。</translation>
    </message>
    <message>
        <source>%1 assessments</source>
        <translation>%1 份评估</translation>
    </message>
    <message>
        <source>No assessment yet for %1 purposes or recipients: %2</source>
        <translation>尚有 %1 个处理目的或接收方没有影响评估：%2</translation>
    </message>
    <message>
        <source>Every sensitive purpose and every recipient is covered by an assessment.</source>
        <translation>所有敏感处理目的和接收方均已有影响评估。</translation>
    </message>
    <message>
        <source>Impact assessment recorded.</source>
        <translation>影响评估已登记。</translation>
    </message>
    <message>
        <source>Assessment %1 deleted.</source>
        <translation>评估 %1 已删除。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fill empty fields</source>
        <translation>补填空白字段</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import clients from Excel</source>
        <translation>从 Excel 导入客户</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incident</source>
        <translation>安全事件</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>泄露事件</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Show closed incidents too</source>
        <translation>同时显示已关闭的事件</translation>
    </message>
    <message>
        <source>Report incident…</source>
        <translation>报告事件…</translation>
    </message>
    <message>
        <source>Add affected…</source>
        <translation>添加受影响对象…</translation>
    </message>
    <message>
        <source>Checklist…</source>
        <translation>处置清单…</translation>
    </message>
    <message>
        <source>Notify decision…</source>
        <translation>通知决定…</translation>
    </message>
    <message>
        <source>Report to authority (PDF)…</source>
        <translation>向主管部门报告（PDF）…</translation>
    </message>
    <message>
        <source>Letters to persons (PDF)…</source>
        <translation>致个人告知书（PDF）…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生的情况</translation>
    </message>
    <message>
        <source>Affected</source>
        <translation>受影响</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Incidents and breaches</source>
        <translation>安全事件与泄露</translation>
    </message>
    <message>
        <source>Report any event that may have exposed client data (a lost laptop, a mis-sent e-mail, a break-in) at once. The partner or the privacy officer names the affected clients and persons, works through the response plan, decides whether to notify them and the authority (PIPL Art 57) and prints the letters. Drills are recorded the same way.</source>
        <translation>任何可能泄露客户信息的事件（笔记本电脑遗失、邮件误发、被入侵等）都应立即报告。合伙人或保密专员确定受影响的客户和个人，按应急预案处置，决定是否通知本人和主管部门（《个人信息保护法》第五十七条）并打印告知书。演练也以同样方式记录。</translation>
    </message>
    <message>
        <source>Not notified</source>
        <translation>不通知</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>%1 incidents</source>
        <translation>%1 起事件</translation>
    </message>
    <message>
        <source>Report incident</source>
        <translation>报告事件</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>发生的情况：</translation>
    </message>
    <message>
        <source>Incident reported.</source>
        <translation>事件已报告。</translation>
    </message>
    <message>
        <source>Affected client added.</source>
        <translation>已添加受影响的客户。</translation>
    </message>
    <message>
        <source>Add affected</source>
        <translation>添加受影响对象</translation>
    </message>
    <message>
        <source>(the client as a whole)</source>
        <translation>（客户整体）</translation>
    </message>
    <message>
        <source>Checklist saved.</source>
        <translation>处置清单已保存。</translation>
    </message>
    <message>
        <source>Notify the persons and the authority</source>
        <translation>通知本人和主管部门</translation>
    </message>
    <message>
        <source>Do not notify</source>
        <translation>不通知</translation>
    </message>
    <message>
        <source>Notify decision</source>
        <translation>通知决定</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>决定：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Decision recorded.</source>
        <translation>决定已记录。</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>告知书保存位置</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Letters saved (one per affected person still in the vault).</source>
        <translation>告知书已保存（每位仍在保险库中的受影响个人一份）。</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>关闭事件</translation>
    </message>
    <message>
        <source>Lessons learnt:</source>
        <translation>经验教训：</translation>
    </message>
    <message>
        <source>Incident closed.</source>
        <translation>事件已关闭。</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New prospect</source>
        <extracomment>What a prospect needs before its consent form is signed (services.clients.INTAKE_FIELDS, in form order).</extracomment>
        <translation>新建意向客户</translation>
    </message>
    <message>
        <source>Record only what intake needs. ID numbers, bank accounts and logins are collected after the client has signed the consent form.</source>
        <translation>只登记接洽所需的信息。证件号码、银行账户和登录信息须在客户签署告知同意书后再收集。</translation>
    </message>
    <message>
        <source>Contact person (optional)</source>
        <translation>联系人（选填）</translation>
    </message>
    <message>
        <source>Re&amp;lation:</source>
        <translation>关系(&amp;L)：</translation>
    </message>
    <message>
        <source>C&amp;ontact name:</source>
        <translation>联系人姓名(&amp;O)：</translation>
    </message>
    <message>
        <source>Contact p&amp;hone:</source>
        <translation>联系人电话(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Create prospect</source>
        <translation>创建意向客户(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>Partner key opened with the password</source>
        <translation>已用密码打开合伙人密钥</translation>
    </message>
    <message>
        <source>Key file repaired (uncertified logins removed)</source>
        <translation>密钥文件已修复（删除未经认证的登录项）</translation>
    </message>
    <message>
        <source>Tampering detected</source>
        <translation>发现篡改</translation>
    </message>
    <message>
        <source>Audit checkpoint signed by a partner</source>
        <translation>合伙人签署审计检查点</translation>
    </message>
    <message>
        <source>Erased values gone from disk</source>
        <translation>已销毁的数据已从磁盘清除</translation>
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
        <source>Client opened</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Client created</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Clients created in bulk</source>
        <translation>批量创建客户</translation>
    </message>
    <message>
        <source>Client edited</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Shared credit code or ID number confirmed</source>
        <translation>确认共用信用代码或身份证号</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>Accountants assigned</source>
        <translation>分配会计</translation>
    </message>
    <message>
        <source>Lock requested</source>
        <translation>申请封存</translation>
    </message>
    <message>
        <source>Lock request refused</source>
        <translation>封存申请被拒绝</translation>
    </message>
    <message>
        <source>Record locked (sealed)</source>
        <translation>记录已封存</translation>
    </message>
    <message>
        <source>Record unlocked</source>
        <translation>记录已解除封存</translation>
    </message>
    <message>
        <source>Legal hold placed</source>
        <translation>设置诉讼保留</translation>
    </message>
    <message>
        <source>Legal hold released</source>
        <translation>解除诉讼保留</translation>
    </message>
    <message>
        <source>Locked record opened</source>
        <translation>查看了封存记录</translation>
    </message>
    <message>
        <source>Sealed value shown (with purpose)</source>
        <translation>查看封存记录中的机密信息（已说明用途）</translation>
    </message>
    <message>
        <source>Person added</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Person edited</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>Person removed</source>
        <translation>移除人员</translation>
    </message>
    <message>
        <source>Sensitive item added</source>
        <translation>添加敏感信息</translation>
    </message>
    <message>
        <source>Sensitive item removed</source>
        <translation>删除敏感信息</translation>
    </message>
    <message>
        <source>Sensitive value revealed</source>
        <translation>查看敏感信息明文</translation>
    </message>
    <message>
        <source>Field refused: no purpose needs it</source>
        <translation>字段被拒绝：没有处理目的需要此项</translation>
    </message>
    <message>
        <source>Purpose saved</source>
        <translation>处理目的已保存</translation>
    </message>
    <message>
        <source>Notice details updated</source>
        <translation>告知信息已更新</translation>
    </message>
    <message>
        <source>Recipient added to the list</source>
        <translation>新增接收方</translation>
    </message>
    <message>
        <source>Recipient changed</source>
        <translation>修改接收方</translation>
    </message>
    <message>
        <source>Consent form issued</source>
        <translation>已出具告知同意书</translation>
    </message>
    <message>
        <source>Consent forms issued in a batch</source>
        <translation>批量出具告知同意书</translation>
    </message>
    <message>
        <source>Consent form printed</source>
        <translation>告知同意书已打印</translation>
    </message>
    <message>
        <source>Signed consent form returned</source>
        <translation>已收回签字的告知同意书</translation>
    </message>
    <message>
        <source>Consent form voided</source>
        <translation>告知同意书已作废</translation>
    </message>
    <message>
        <source>Returned form corrected</source>
        <translation>更正已登记的告知同意书</translation>
    </message>
    <message>
        <source>Consent granted</source>
        <translation>已取得同意</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>同意已到期</translation>
    </message>
    <message>
        <source>Signed form scan viewed</source>
        <translation>查看了签字告知同意书扫描件</translation>
    </message>
    <message>
        <source>Consent overview viewed</source>
        <translation>查看了同意情况总览</translation>
    </message>
    <message>
        <source>File exported</source>
        <translation>已导出文件</translation>
    </message>
    <message>
        <source>Request from an individual recorded</source>
        <translation>登记个人权利请求</translation>
    </message>
    <message>
        <source>Request extended</source>
        <translation>请求延期</translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>拒绝请求</translation>
    </message>
    <message>
        <source>Request answered</source>
        <translation>请求已答复</translation>
    </message>
    <message>
        <source>Request handed over</source>
        <translation>请求已转交</translation>
    </message>
    <message>
        <source>Request closed by its erasure</source>
        <translation>删除执行后请求关闭</translation>
    </message>
    <message>
        <source>Holiday calendar loaded</source>
        <translation>载入节假日日历</translation>
    </message>
    <message>
        <source>Answer period changed</source>
        <translation>修改答复期限</translation>
    </message>
    <message>
        <source>Confidentiality agreement recorded</source>
        <translation>登记保密协议</translation>
    </message>
    <message>
        <source>Signed confidentiality agreement viewed</source>
        <translation>查看保密协议签字件</translation>
    </message>
    <message>
        <source>Training session recorded</source>
        <translation>登记培训</translation>
    </message>
    <message>
        <source>Training attendance added</source>
        <translation>补登培训参加人员</translation>
    </message>
    <message>
        <source>Reveals allowed without an agreement (partner override)</source>
        <translation>允许未签协议时查看（合伙人授权）</translation>
    </message>
    <message>
        <source>Reveal override ended</source>
        <translation>查看授权已终止</translation>
    </message>
    <message>
        <source>Training refresher interval changed</source>
        <translation>更改复训间隔</translation>
    </message>
    <message>
        <source>Complaint logged</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Complaint handler named</source>
        <translation>指定投诉处理人</translation>
    </message>
    <message>
        <source>Complaint resolved</source>
        <translation>投诉处理完毕</translation>
    </message>
    <message>
        <source>Incident reported</source>
        <translation>报告安全事件</translation>
    </message>
    <message>
        <source>Affected client named on an incident</source>
        <translation>添加安全事件受影响客户</translation>
    </message>
    <message>
        <source>Incident assessment changed</source>
        <translation>修改安全事件评估</translation>
    </message>
    <message>
        <source>Incident notification decided</source>
        <translation>作出安全事件通知决定</translation>
    </message>
    <message>
        <source>Incident closed</source>
        <translation>关闭安全事件</translation>
    </message>
    <message>
        <source>Incident response plan changed</source>
        <translation>修改应急预案</translation>
    </message>
    <message>
        <source>Compliance report generated</source>
        <translation>生成合规审计报告</translation>
    </message>
    <message>
        <source>Disclosure to a third party</source>
        <translation>向第三方提供信息</translation>
    </message>
    <message>
        <source>Entrustment agreement recorded</source>
        <translation>登记委托处理协议</translation>
    </message>
    <message>
        <source>Entrustment agreement ended</source>
        <translation>终止委托处理协议</translation>
    </message>
    <message>
        <source>Return or deletion of entrusted data confirmed</source>
        <translation>确认委托处理信息已返还或删除</translation>
    </message>
    <message>
        <source>Impact assessment recorded</source>
        <translation>登记影响评估</translation>
    </message>
    <message>
        <source>Agreement with a recipient recorded</source>
        <translation>登记与接收方的协议</translation>
    </message>
    <message>
        <source>Agreement with a recipient ended</source>
        <translation>终止与接收方的协议</translation>
    </message>
    <message>
        <source>Recipient&apos;s return or deletion confirmed</source>
        <translation>确认接收方已返还或删除</translation>
    </message>
    <message>
        <source>Impact assessment deleted</source>
        <translation>删除影响评估</translation>
    </message>
    <message>
        <source>Audit log exported to Excel</source>
        <translation>导出审计日志到 Excel</translation>
    </message>
    <message>
        <source>Record of processing activities written</source>
        <translation>生成个人信息处理活动记录</translation>
    </message>
    <message>
        <source>Exported file destroyed</source>
        <translation>导出文件已销毁</translation>
    </message>
    <message>
        <source>Export approval requested</source>
        <translation>申请导出批准</translation>
    </message>
    <message>
        <source>Export approved</source>
        <translation>导出已批准</translation>
    </message>
    <message>
        <source>Export refused</source>
        <translation>导出被拒绝</translation>
    </message>
    <message>
        <source>Unmasked export</source>
        <translation>不脱敏导出</translation>
    </message>
    <message>
        <source>Excel file checked for import</source>
        <translation>检查待导入的 Excel 文件</translation>
    </message>
    <message>
        <source>Clients imported from Excel</source>
        <translation>从 Excel 导入客户</translation>
    </message>
    <message>
        <source>Import column mapping saved</source>
        <translation>保存导入列对应关系</translation>
    </message>
    <message>
        <source>Erasure requested</source>
        <translation>已申请删除</translation>
    </message>
    <message>
        <source>Erasure approved</source>
        <translation>删除已批准</translation>
    </message>
    <message>
        <source>Erasure refused</source>
        <translation>拒绝销毁</translation>
    </message>
    <message>
        <source>Erasure executed</source>
        <translation>删除已执行</translation>
    </message>
    <message>
        <source>Erasure verified</source>
        <translation>删除已核验</translation>
    </message>
    <message>
        <source>Erasure certificate printed</source>
        <translation>已打印销毁证明</translation>
    </message>
    <message>
        <source>Erasure note read</source>
        <translation>查看了删除备注</translation>
    </message>
    <message>
        <source>Erasure flag resolved</source>
        <translation>删除标记已处理</translation>
    </message>
    <message>
        <source>Retention period overridden for an erasure</source>
        <translation>在保管期限内决定销毁</translation>
    </message>
    <message>
        <source>Archives appraised before destruction</source>
        <translation>销毁前档案鉴定</translation>
    </message>
    <message>
        <source>Items no retention rule requires erased at sealing</source>
        <translation>封存时删除无保存依据的项目</translation>
    </message>
    <message>
        <source>Accounting archives handed over</source>
        <translation>会计档案移交</translation>
    </message>
    <message>
        <source>Handover list printed</source>
        <translation>打印会计档案移交清册</translation>
    </message>
    <message>
        <source>Retention rule changed</source>
        <translation>保存期限规则已修改</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>设置已修改</translation>
    </message>
    <message>
        <source>Workstation setting changed</source>
        <translation>更改本机设置</translation>
    </message>
    <message>
        <source>Residue scan</source>
        <translation>残留扫描</translation>
    </message>
    <message>
        <source>Backups set up</source>
        <translation>备份已设置</translation>
    </message>
    <message>
        <source>Backup taken</source>
        <translation>已备份</translation>
    </message>
    <message>
        <source>Backup checked</source>
        <translation>备份已校验</translation>
    </message>
    <message>
        <source>Old backup removed</source>
        <translation>已删除旧备份</translation>
    </message>
    <message>
        <source>Erased clients purged from backups</source>
        <translation>已从备份中清除已删除客户</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>已从备份恢复</translation>
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
        <source>Client records</source>
        <translation>客户记录</translation>
    </message>
    <message>
        <source>Sensitive values</source>
        <translation>敏感信息</translation>
    </message>
    <message>
        <source>Staff register</source>
        <translation>员工登记</translation>
    </message>
    <message>
        <source>Consent and forms</source>
        <translation>同意与告知同意书</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>数据销毁</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
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
    <message>
        <source>Refused: no confidentiality agreement</source>
        <translation>拒绝：无保密协议</translation>
    </message>
    <message>
        <source>Refused: confidentiality agreement ended</source>
        <translation>拒绝：保密协议已到期</translation>
    </message>
</context>
<context>
    <name>LawActions</name>
    <message>
        <source>Override retention…</source>
        <translation>在保管期限内销毁…</translation>
    </message>
    <message>
        <source>Destroy although a legal retention period runs (partner only; printed on the certificate)</source>
        <translation>在法定保管期限内仍予销毁（仅限负责人；理由打印在销毁证明上）</translation>
    </message>
    <message>
        <source>Record appraisal</source>
        <translation>登记鉴定意见</translation>
    </message>
    <message>
        <source>Appraisal opinion: this client&apos;s archives may be destroyed (required before destruction)</source>
        <translation>会计档案鉴定意见书：该客户的档案可以销毁（销毁前必须登记）</translation>
    </message>
    <message>
        <source>Retention rules…</source>
        <translation>保管期限规则…</translation>
    </message>
    <message>
        <source>Hand over archives…</source>
        <translation>移交档案…</translation>
    </message>
    <message>
        <source>Record the accounting archives handed back when a client relationship ends (移交清册)</source>
        <translation>登记委托关系终止时移交给客户的会计档案（移交清册）</translation>
    </message>
    <message>
        <source>Override retention</source>
        <translation>在保管期限内销毁</translation>
    </message>
    <message>
        <source>A legal retention period is running: without an override the request seals the record (storage only) instead of destroying it. Why must it be destroyed now? The reason is recorded and printed on the certificate; do not write names in it.</source>
        <translation>法定保管期限尚未届满：不作此决定时，该申请只会封存记录（仅存储），不会销毁。为什么必须现在销毁？理由将被记录并打印在销毁证明上，请勿填写姓名。</translation>
    </message>
    <message>
        <source>A legal retention period runs until %1: the record was sealed (storage only) instead of destroyed; the items no rule requires were erased.</source>
        <translation>法定保管期限至 %1：该记录已封存（仅存储），未予销毁；无保存依据的项目已删除。</translation>
    </message>
    <message>
        <source>%1 item(s) a retention rule requires were kept.</source>
        <translation>有 %1 个项目因保管期限规则要求而予以保留。</translation>
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
    <name>LockedPage</name>
    <message>
        <source>Locked records</source>
        <translation>封存记录</translation>
    </message>
    <message>
        <source>These clients&apos; engagements are over. Their records are sealed with the partner key and kept only because the law requires it (PIPL Art 47: storage only). Opening one needs a reason and is recorded.</source>
        <translation>这些客户的委托已结束。其记录已用合伙人密钥密封，仅因法律要求而保存（个人信息保护法第四十七条：仅存储）。查看需填写理由，并会被记录。</translation>
    </message>
    <message>
        <source>Client no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Locked on</source>
        <translation>封存日期</translation>
    </message>
    <message>
        <source>Keep until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>剩余期限</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>诉讼保留</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Unlock (client returns)…</source>
        <translation>解封（客户回归）…</translation>
    </message>
    <message>
        <source>Legal hold…</source>
        <translation>诉讼保留…</translation>
    </message>
    <message>
        <source>Release hold…</source>
        <translation>解除保留…</translation>
    </message>
    <message>
        <source>Hand over archives…</source>
        <translation>移交档案…</translation>
    </message>
    <message>
        <source>Lock requests from accountants</source>
        <translation>会计提交的封存申请</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Lock client…</source>
        <translation>封存客户…</translation>
    </message>
    <message>
        <source>Refuse request…</source>
        <translation>拒绝申请…</translation>
    </message>
    <message>
        <source>Retention ended: may be erased</source>
        <translation>保存期限已满：可以销毁</translation>
    </message>
    <message>
        <source>%1 years %2 days left</source>
        <translation>剩余 %1 年 %2 天</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>剩余 %1 天</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>%1 locked</source>
        <translation>已封存 %1 条</translation>
    </message>
    <message>
        <source>Open locked record</source>
        <translation>查看封存记录</translation>
    </message>
    <message>
        <source>Why do you need to open this record?</source>
        <translation>为什么需要查看此记录？</translation>
    </message>
    <message>
        <source>Partner password</source>
        <translation>合伙人密码</translation>
    </message>
    <message>
        <source>Opening a sealed record needs the partner key. Your password:</source>
        <translation>打开封存记录需要合伙人密钥。请输入您的密码：</translation>
    </message>
    <message>
        <source>Unlock record</source>
        <translation>解封记录</translation>
    </message>
    <message>
        <source>The client returns and the record becomes active again. Reason:</source>
        <translation>客户回归，记录将恢复为服务中。理由：</translation>
    </message>
    <message>
        <source>A legal hold blocks erasure (litigation, unsettled fees, an authority&apos;s request). Reason:</source>
        <translation>诉讼保留将阻止销毁（诉讼、未结清费用、主管机关要求）。理由：</translation>
    </message>
    <message>
        <source>Release legal hold</source>
        <translation>解除诉讼保留</translation>
    </message>
    <message>
        <source>Why is the hold released?</source>
        <translation>解除保留的理由？</translation>
    </message>
    <message>
        <source>Lock client</source>
        <translation>封存客户</translation>
    </message>
    <message>
        <source>Seal client %1 with the partner key? Staff will no longer see it.</source>
        <translation>用合伙人密钥密封客户 %1？员工将无法再看到该客户。</translation>
    </message>
    <message>
        <source>The client is sealed and listed above; staff no longer see it.</source>
        <translation>该客户已封存并列在上方；员工已看不到它。</translation>
    </message>
    <message>
        <source>Refuse lock request</source>
        <translation>拒绝封存申请</translation>
    </message>
    <message>
        <source>Why is the request refused?</source>
        <translation>拒绝申请的理由？</translation>
    </message>
    <message>
        <source>Lock request refused: the client stays as it is.</source>
        <translation>已拒绝封存申请：客户保持不变。</translation>
    </message>
</context>
<context>
    <name>LockedRecordDialog</name>
    <message>
        <source>Locked record %1 (read-only)</source>
        <translation>封存记录 %1（只读）</translation>
    </message>
    <message>
        <source>Storage only: kept until %1 (%2). This opening has been recorded in the audit log.</source>
        <translation>仅存储：保存至 %1（%2）。本次查看已记入审计日志。</translation>
    </message>
    <message>
        <source>Secret values (shown for 30 seconds, each with a purpose)</source>
        <translation>机密信息（每次查看须说明用途，显示 30 秒）</translation>
    </message>
    <message>
        <source>Choose why…</source>
        <translation>请选择查看原因…</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>用途：</translation>
    </message>
    <message>
        <source>Sealing record: what was kept and what was erased</source>
        <translation>封存记录：保留了什么，删除了什么</translation>
    </message>
    <message>
        <source>An authority&apos;s request (tax, audit, court)</source>
        <translation>主管机关要求（税务、审计、法院）</translation>
    </message>
    <message>
        <source>A dispute or litigation</source>
        <translation>争议或诉讼</translation>
    </message>
    <message>
        <source>The client&apos;s own request (PIPL Art 45)</source>
        <translation>客户本人查阅请求（个人信息保护法第四十五条）</translation>
    </message>
    <message>
        <source>Checking the archive</source>
        <translation>核查档案</translation>
    </message>
    <message>
        <source>ID number of %1</source>
        <translation>%1 的证件号码</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choose why the value is needed first.</source>
        <translation>请先选择查看该信息的原因。</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <source>Unified social credit code: %1</source>
        <translation>统一社会信用代码：%1</translation>
    </message>
    <message>
        <source>Tax number: %1</source>
        <translation>纳税人识别号：%1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>电子邮箱：%1</translation>
    </message>
    <message>
        <source>Engagement: %1 – %2</source>
        <translation>委托期间：%1 – %2</translation>
    </message>
    <message>
        <source>Persons:</source>
        <translation>关联人员：</translation>
    </message>
    <message>
        <source>Sensitive items:</source>
        <translation>敏感信息：</translation>
    </message>
    <message>
        <source>Signed consent forms (scans): %1</source>
        <translation>已签署的告知同意书（扫描件）：%1 份</translation>
    </message>
    <message>
        <source>Legal holds:</source>
        <translation>诉讼保留：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Reasons recorded:</source>
        <translation>已记录的事由：</translation>
    </message>
    <message>
        <source>Lock requested</source>
        <translation>申请封存</translation>
    </message>
    <message>
        <source>Lock request refused</source>
        <translation>封存申请被拒绝</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>封存</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>解封</translation>
    </message>
    <message>
        <source>Legal hold placed</source>
        <translation>设置诉讼保留</translation>
    </message>
    <message>
        <source>Legal hold released</source>
        <translation>解除诉讼保留</translation>
    </message>
    <message>
        <source>Erasure refused</source>
        <translation>拒绝销毁</translation>
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
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Consent overview</source>
        <translation>同意情况总览</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>处理目的</translation>
    </message>
    <message>
        <source>Locked records</source>
        <translation>封存记录</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>数据销毁</translation>
    </message>
    <message>
        <source>Export register</source>
        <translation>导出登记簿</translation>
    </message>
    <message>
        <source>Requests from individuals</source>
        <translation>个人权利请求</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Incidents and breaches</source>
        <translation>安全事件与泄露</translation>
    </message>
    <message>
        <source>Sharing log</source>
        <translation>对外提供记录</translation>
    </message>
    <message>
        <source>Impact assessments</source>
        <translation>影响评估</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Staff register</source>
        <translation>员工登记</translation>
    </message>
    <message>
        <source>Compliance dashboard</source>
        <translation>合规工作台</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>%1  ·  %2 (%3)  ·  Ctrl+L locks</source>
        <translation>%1  ·  %2（%3）  ·  按 Ctrl+L 锁定</translation>
    </message>
    <message>
        <source>A daily check failed</source>
        <translation>每日检查失败</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Map the columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Check the field of each column. Columns set to “Ignore” are not read.</source>
        <translation>请核对每一列对应的字段。设为“忽略”的列不会被读取。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Name for this mapping</source>
        <translation>为此对应关系命名</translation>
    </message>
    <message>
        <source>Sa&amp;ve mapping</source>
        <translation>保存对应关系(&amp;V)</translation>
    </message>
    <message>
        <source>(column %1, no header)</source>
        <translation>（第 %1 列，无表头）</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Header found in row %1.</source>
        <translation>表头位于第 %1 行。</translation>
    </message>
    <message>
        <source>Mapping “%1” saved.</source>
        <translation>已保存对应关系“%1”。</translation>
    </message>
</context>
<context>
    <name>MaskedValue</name>
    <message>
        <source>Reveal…</source>
        <translation>查看明文…</translation>
    </message>
    <message>
        <source>Reveal the value</source>
        <translation>查看明文</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copies the value; the clipboard is cleared after 30 seconds.</source>
        <translation>复制该内容；30 秒后自动清空剪贴板。</translation>
    </message>
    <message>
        <source>hidden in %1 s</source>
        <translation>%1 秒后隐藏</translation>
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
    <name>NewRequestDialog</name>
    <message>
        <source>New erasure request</source>
        <translation>新建销毁申请</translation>
    </message>
    <message>
        <source>Client no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
</context>
<context>
    <name>NoticeDetailsDialog</name>
    <message>
        <source>Notice contact details</source>
        <translation>告知书联系方式</translation>
    </message>
    <message>
        <source>Firm address:</source>
        <translation>本公司地址：</translation>
    </message>
    <message>
        <source>Telephone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Privacy officer contact:</source>
        <translation>个人信息保护负责人联系方式：</translation>
    </message>
    <message>
        <source>Complaint channel:</source>
        <translation>投诉渠道：</translation>
    </message>
</context>
<context>
    <name>OverviewHomePage</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Accountant</source>
        <translation>会计</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Counting each accountant&apos;s clients…</source>
        <translation>正在统计各会计的客户数…</translation>
    </message>
    <message>
        <source>Clients per accountant</source>
        <translation>各会计负责的客户数</translation>
    </message>
    <message>
        <source>Open the client list…</source>
        <translation>打开客户列表…</translation>
    </message>
    <message>
        <source>Open the audit log…</source>
        <translation>打开审计日志…</translation>
    </message>
    <message>
        <source>Staff accounts…</source>
        <translation>员工账户…</translation>
    </message>
    <message>
        <source>Recently changed clients</source>
        <translation>最近变更的客户</translation>
    </message>
    <message>
        <source>No accountants yet: add them on the staff page.</source>
        <translation>还没有会计：请在员工页面添加。</translation>
    </message>
</context>
<context>
    <name>OverviewTableModel</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待签回</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>未同意</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Ask again</source>
        <translation>需重新征得同意</translation>
    </message>
    <message>
        <source>Persons without consent</source>
        <translation>未取得本人同意的人数</translation>
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
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <source>Printing to a file is not allowed. Use “Save as…” instead, so that the file is recorded in the export register.</source>
        <translation>不允许打印到文件。请改用“另存为…”，以便该文件记入导出登记簿。</translation>
    </message>
</context>
<context>
    <name>PeopleSection</name>
    <message>
        <source>Why these details are collected</source>
        <translation>为何收集这些信息</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Re&amp;veal ID number…</source>
        <translation>查看证件号码(&amp;V)…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>添加(&amp;D)…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>编辑(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>移除人员</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from this client?</source>
        <translation>确定从该客户中移除%1（%2）吗？</translation>
    </message>
    <message>
        <source>ID number of %1 (%2), client %3</source>
        <translation>%1（%2）的证件号码，客户：%3</translation>
    </message>
</context>
<context>
    <name>PersonConsentTable</name>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Form needed</source>
        <translation>需签署告知同意书</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The client (no named person)</source>
        <translation>客户本身（未指定个人）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>尚未征求</translation>
    </message>
    <message>
        <source>%1 (notice changed: ask again)</source>
        <translation>%1（告知内容已变更：需重新征求）</translation>
    </message>
</context>
<context>
    <name>PersonEditDialog</name>
    <message>
        <source>Add a person</source>
        <extracomment>Every editable person field, in form order.</extracomment>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>&amp;Relation:</source>
        <translation>关系(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>ID &amp;type:</source>
        <translation>证件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>%1 (leave empty to keep)</source>
        <translation>%1（留空则保持不变）</translation>
    </message>
    <message>
        <source>Someone saved this person on another workstation while you were editing it. Nothing has been overwritten. Compare both versions and choose what to keep for each field that differs.</source>
        <translation>在您编辑期间，有人在另一台工作站上保存了该人员的信息。目前没有任何内容被覆盖。请对比两个版本，并为每个不同的字段选择要保留的值。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
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
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Point at a coloured cell to see why.</source>
        <translation>尚未写入任何数据。将鼠标指向有颜色的单元格可查看原因。</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>取消读取</translation>
    </message>
    <message>
        <source>Only rows with findings</source>
        <translation>只显示有问题的行</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>正在读取工作簿…</translation>
    </message>
    <message>
        <source>Reading the workbook… %1 rows</source>
        <translation>正在读取工作簿… 已读 %1 行</translation>
    </message>
    <message>
        <source>Reading cancelled. Go back to choose another file.</source>
        <translation>已取消读取。请返回上一步选择其他文件。</translation>
    </message>
    <message>
        <source>%1 rows read: %2 refused, %3 match existing clients.</source>
        <translation>已读取 %1 行：%2 行被拒绝，%3 行与已有客户匹配。</translation>
    </message>
    <message>
        <source>Correct the refused rows in the file and read it again: nothing will be imported.</source>
        <translation>请在文件中更正被拒绝的行后重新读取：当前不会导入任何数据。</translation>
    </message>
</context>
<context>
    <name>PurposeEditDialog</name>
    <message>
        <source>New purpose</source>
        <translation>新增处理目的</translation>
    </message>
    <message>
        <source>Edit purpose (new version)</source>
        <translation>编辑处理目的（生成新版本）</translation>
    </message>
    <message>
        <source>until consent ends</source>
        <translation>至同意终止</translation>
    </message>
    <message>
        <source>Necessary for the service</source>
        <translation>提供服务所必需</translation>
    </message>
    <message>
        <source>Separate consent for sensitive data</source>
        <translation>敏感信息需单独同意</translation>
    </message>
    <message>
        <source>Provided to third parties (separate consent)</source>
        <translation>向第三方提供（需单独同意）</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Name (Chinese):</source>
        <translation>名称（中文）：</translation>
    </message>
    <message>
        <source>Name (English):</source>
        <translation>名称（英文）：</translation>
    </message>
    <message>
        <source>What is done (Chinese):</source>
        <translation>处理内容（中文）：</translation>
    </message>
    <message>
        <source>What is done (English):</source>
        <translation>处理内容（英文）：</translation>
    </message>
    <message>
        <source>Lawful basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <source>Data categories:</source>
        <translation>信息种类：</translation>
    </message>
    <message>
        <source>Retention follows the firm&apos;s retention rules (Erasure page, Retention rules…).</source>
        <translation>保存期限按本公司的保管期限规则确定（“数据销毁”页面，“保管期限规则…”）。</translation>
    </message>
    <message>
        <source>Retention:</source>
        <translation>保存期限：</translation>
    </message>
    <message>
        <source>Recipients (from the list):</source>
        <translation>接收方（从接收方清单中选择）：</translation>
    </message>
    <message>
        <source>Saving creates version %1. Forms already printed keep their version and are still accepted.</source>
        <translation>保存后将生成第 %1 版。已打印的告知同意书保留其原版本，签回时仍然有效。</translation>
    </message>
</context>
<context>
    <name>PurposesPage</name>
    <message>
        <source>Purposes and notices</source>
        <translation>处理目的与告知</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>处理目的</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Data categories</source>
        <translation>信息种类</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>Necessary</source>
        <translation>是否必需</translation>
    </message>
    <message>
        <source>Separate consent</source>
        <translation>单独同意</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>New purpose…</source>
        <translation>新增处理目的…</translation>
    </message>
    <message>
        <source>Edit (new version)…</source>
        <translation>编辑（生成新版本）…</translation>
    </message>
    <message>
        <source>Notice contact details…</source>
        <translation>告知书联系方式…</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>敏感信息</translation>
    </message>
    <message>
        <source>third parties</source>
        <translation>第三方</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Versions: %1</source>
        <translation>版本：%1</translation>
    </message>
    <message>
        <source>Impact assessments: %1</source>
        <translation>影响评估：%1</translation>
    </message>
    <message>
        <source>No impact assessment yet.</source>
        <translation>尚无影响评估。</translation>
    </message>
    <message>
        <source>Retention: %1</source>
        <translation>保存期限：%1</translation>
    </message>
</context>
<context>
    <name>RecipientEditDialog</name>
    <message>
        <source>New recipient</source>
        <translation>新增接收方</translation>
    </message>
    <message>
        <source>Edit recipient</source>
        <translation>编辑接收方</translation>
    </message>
    <message>
        <source>Name (Chinese):</source>
        <translation>名称（中文）：</translation>
    </message>
    <message>
        <source>Name (English):</source>
        <translation>名称（英文）：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <source>Purpose of the provision (Chinese):</source>
        <translation>提供目的（中文）：</translation>
    </message>
    <message>
        <source>Purpose of the provision (English):</source>
        <translation>提供目的（英文）：</translation>
    </message>
    <message>
        <source>Method of provision (Chinese):</source>
        <translation>提供方式（中文）：</translation>
    </message>
    <message>
        <source>Method of provision (English):</source>
        <translation>提供方式（英文）：</translation>
    </message>
    <message>
        <source>Categories provided:</source>
        <translation>提供的个人信息种类：</translation>
    </message>
    <message>
        <source>Purposes that provide data to it:</source>
        <translation>向其提供个人信息的处理目的：</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Every consent form names this recipient with these details. Changing the purposes, the name, the purpose of provision, the method, the categories or whether it is in use saves a new version of each purpose concerned: consents given for the old notice are asked again (PIPL Art 23). A new contact alone is a correction: nobody is asked again.</source>
        <translation>每份告知同意书都载明该接收方及上述信息。更改所属处理目的、名称、提供目的、提供方式、提供的个人信息种类或是否在用，会为相关处理目的保存新版本：按旧告知给予的同意需要重新征得（个人信息保护法第二十三条）。仅更改联系方式属于更正，无需重新征得同意。</translation>
    </message>
</context>
<context>
    <name>RecipientsSection</name>
    <message>
        <source>Recipients of personal information (printed on every consent form)</source>
        <translation>个人信息接收方（载明于每份告知同意书）</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>提供目的</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>提供方式</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>个人信息种类</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>所属处理目的</translation>
    </message>
    <message>
        <source>New recipient…</source>
        <translation>新增接收方…</translation>
    </message>
    <message>
        <source>Edit recipient…</source>
        <translation>编辑接收方…</translation>
    </message>
    <message>
        <source>%1 (not in use)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Agreements: %1</source>
        <translation>协议：%1</translation>
    </message>
    <message>
        <source>No agreement with this recipient recorded (Agreements page).</source>
        <translation>尚未登记与该接收方的协议（见“协议”页面）。</translation>
    </message>
    <message>
        <source>Impact assessments: %1</source>
        <translation>影响评估：%1</translation>
    </message>
    <message>
        <source>No impact assessment covers this recipient yet.</source>
        <translation>尚无涵盖该接收方的影响评估。</translation>
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
        <translation>请输入保存在公司保险柜中的恢复密钥单上的恢复码，短横线可输可不输。</translation>
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
        <translation>合伙人忘记密码时，可用此恢复码重置。任何持有恢复码的人都能打开保密柜，因此请将打印好的单据密封存放在公司保险柜中，不要拍照，也不要存入电脑。</translation>
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
    <name>ReplyTimeSection</name>
    <message>
        <source>Answers to individuals&apos; requests</source>
        <translation>个人信息主体请求的答复期限</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Save reply time</source>
        <translation>保存答复期限</translation>
    </message>
    <message>
        <source>The firm answers a request (access, copy, correction, deletion, transfer, explanation) within this many working days. Consent forms print it and the requests register counts due dates with it.</source>
        <translation>本公司在此期限（工作日）内答复个人的请求（查阅、复制、更正、删除、转移、解释说明）。告知同意书载明此期限，请求登记簿按此计算答复到期日。</translation>
    </message>
    <message>
        <source>Reply within:</source>
        <translation>答复期限：</translation>
    </message>
    <message>
        <source>Saved: new requests and the next consent forms use it.</source>
        <translation>已保存：新的请求和此后打印的告知同意书使用此期限。</translation>
    </message>
</context>
<context>
    <name>RequestLabels</name>
    <message>
        <source>Access</source>
        <translation>查阅</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation>补充</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Withdrawal of consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <source>Explanation of the rules</source>
        <translation>解释说明处理规则</translation>
    </message>
    <message>
        <source>Restriction or objection</source>
        <translation>限制或拒绝处理</translation>
    </message>
    <message>
        <source>Transfer to another processor</source>
        <translation>转移至其他处理者</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>With the erasure workflow</source>
        <translation>已转删除流程</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>收集</translation>
    </message>
    <message>
        <source>Use beyond the purpose</source>
        <translation>超出目的使用</translation>
    </message>
    <message>
        <source>Disclosure or leak</source>
        <translation>提供或泄露</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Rights not honoured</source>
        <translation>权利请求未获响应</translation>
    </message>
    <message>
        <source>Kept too long</source>
        <translation>保存超期</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>RequestsRegisterPage</name>
    <message>
        <source>Requests from individuals</source>
        <translation>个人权利请求</translation>
    </message>
    <message>
        <source>Requests to access, copy, correct, supplement or delete personal data, to withdraw consent, to explain the rules, to restrict processing or to transfer the data (PIPL Arts 44-50). Each is due the firm&apos;s number of working days after receipt; weekends and public holidays are not counted.</source>
        <translation>个人查阅、复制、更正、补充、删除其个人信息，撤回同意，要求解释说明处理规则，限制处理或转移个人信息的请求（《个人信息保护法》第四十四条至第五十条）。每项请求须在收到后本公司规定的工作日内答复，周末和法定节假日不计入。</translation>
    </message>
    <message>
        <source>Record a request a person made in person, by phone or in writing. The privacy officer or a partner answers it.</source>
        <translation>登记个人当面、电话或书面提出的请求，由保密专员或合伙人答复。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>新请求…</translation>
    </message>
    <message>
        <source>Save answer (PDF and Excel)…</source>
        <translation>保存答复（PDF 和 Excel）…</translation>
    </message>
    <message>
        <source>Close as answered…</source>
        <translation>答复完毕并关闭…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Extend…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <source>Holiday calendar…</source>
        <translation>节假日日历…</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Answer within:</source>
        <translation>答复期限：</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份核验</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source> (extended)</source>
        <translation>（已延期）</translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation> — 已逾期</translation>
    </message>
    <message>
        <source>(sealed or erased)</source>
        <translation>（已封存或已删除）</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>客户本人</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已核验</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 项请求</translation>
    </message>
    <message>
        <source>Request %1 recorded; due %2.</source>
        <translation>请求 %1 已登记，到期日 %2。</translation>
    </message>
    <message>
        <source>Folder for the answer</source>
        <translation>答复文件保存位置</translation>
    </message>
    <message>
        <source>Saved %1 and %2 (both in the export register).</source>
        <translation>已保存 %1 和 %2（均已记入导出登记簿）。</translation>
    </message>
    <message>
        <source>Close request</source>
        <translation>关闭请求</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <source>Request %1 closed.</source>
        <translation>请求 %1 已关闭。</translation>
    </message>
    <message>
        <source>Refuse request</source>
        <translation>拒绝请求</translation>
    </message>
    <message>
        <source>Reason (it is told to the person):</source>
        <translation>理由（将告知本人）：</translation>
    </message>
    <message>
        <source>Request %1 refused.</source>
        <translation>请求 %1 已拒绝。</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Extra working days:</source>
        <translation>延长的工作日数：</translation>
    </message>
    <message>
        <source>Request %1 extended.</source>
        <translation>请求 %1 已延期。</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <source>Purpose code:</source>
        <translation>处理目的代码：</translation>
    </message>
    <message>
        <source>An erasure request was opened; this request closes when the erasure is carried out.</source>
        <translation>已提出删除申请；删除执行后此请求自动关闭。</translation>
    </message>
    <message>
        <source>The consent was withdrawn and the request closed.</source>
        <translation>同意已撤回，请求已关闭。</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>Holiday calendar loaded.</source>
        <translation>节假日日历已载入。</translation>
    </message>
    <message>
        <source>Answer period saved.</source>
        <translation>答复期限已保存。</translation>
    </message>
</context>
<context>
    <name>RetentionRulesDialog</name>
    <message>
        <source>Retention rules</source>
        <translation>保管期限规则</translation>
    </message>
</context>
<context>
    <name>RetentionRulesEditor</name>
    <message>
        <source>How long the law requires each kind of record to be kept, and which items of a client each rule requires. Sealing keeps only the items a rule requires and erases the rest. A period starts on the day after the end of the accounting year. Each change is saved as a new version and recorded; records sealed earlier keep their end date.</source>
        <translation>法律要求各类记录保管多长时间，以及每条规则要求保存客户的哪些项目。封存时只保留规则要求的项目，其余一律删除。保管期限从会计年度终了后的第一天算起。每次修改都保存为新版本并记录；此前已封存的记录保持原到期日。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Kept for</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>适用</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Legal source</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Day after the end of the accounting year</source>
        <translation>会计年度终了后的第一天</translation>
    </message>
    <message>
        <source>After the asset is disposed of</source>
        <translation>固定资产报废清理后</translation>
    </message>
    <message>
        <source>The rule applies to this firm</source>
        <translation>本公司适用该规则</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Period starts</source>
        <translation>起算时间</translation>
    </message>
    <message>
        <source>Items it requires</source>
        <translation>要求保存的项目</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>经营者</translation>
    </message>
    <message>
        <source>Shareholder</source>
        <translation>股东</translation>
    </message>
    <message>
        <source>Finance contact</source>
        <translation>财务联系人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Client: name, code, address</source>
        <translation>客户：名称、代码、地址</translation>
    </message>
    <message>
        <source>Client: phone and e-mail</source>
        <translation>客户：电话和电子邮箱</translation>
    </message>
    <message>
        <source>Client: notes</source>
        <translation>客户：备注</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Tax-bureau logins</source>
        <translation>电子税务局登录信息</translation>
    </message>
    <message>
        <source>Social-insurance logins</source>
        <translation>社保登录信息</translation>
    </message>
    <message>
        <source>Scans of signed notice and consent forms</source>
        <translation>已签署告知同意书的扫描件</translation>
    </message>
    <message>
        <source>%1: ID number</source>
        <translation>%1：证件号码</translation>
    </message>
    <message>
        <source>%1: phone, e-mail, address</source>
        <translation>%1：电话、电子邮箱、地址</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>%1 after disposal</source>
        <translation>报废清理后 %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Version %1, saved %2.</source>
        <translation>第 %1 版，保存于 %2。</translation>
    </message>
</context>
<context>
    <name>RetentionSection</name>
    <message>
        <source>Retention rules</source>
        <translation>保存期限规则</translation>
    </message>
</context>
<context>
    <name>ReturnFormDialog</name>
    <message>
        <source>Return a signed consent form</source>
        <translation>登记签回的告知同意书</translation>
    </message>
    <message>
        <source>Scan the QR code or type CF-XXXX-XXXX</source>
        <translation>扫描二维码或输入 CF-XXXX-XXXX</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>What the client ticked</source>
        <translation>客户勾选的项目</translation>
    </message>
    <message>
        <source>The client (no named person)</source>
        <translation>客户本身（未指定人员）</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Attach scan…</source>
        <translation>附加扫描件…</translation>
    </message>
    <message>
        <source>No scan attached</source>
        <translation>未附扫描件</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>核对(&amp;R)…</translation>
    </message>
    <message>
        <source>Check before recording (a form is used once)</source>
        <translation>登记前请核对（每份告知同意书只能登记一次）</translation>
    </message>
    <message>
        <source>Record consents</source>
        <translation>登记同意</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回修改(&amp;B)</translation>
    </message>
    <message>
        <source>Form number:</source>
        <translation>告知同意书编号：</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>签署日期：</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>扫描件：</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This form has no boxes to tick.</source>
        <translation>该告知同意书没有需要勾选的项目。</translation>
    </message>
    <message>
        <source>Form %1, signed by %2 on %3.</source>
        <translation>告知同意书 %1，由%2于 %3 签署。</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>not agreed</source>
        <translation>未同意</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1：%2</translation>
    </message>
    <message>
        <source>Scan attached.</source>
        <translation>已附扫描件。</translation>
    </message>
    <message>
        <source>No scan attached.</source>
        <translation>未附扫描件。</translation>
    </message>
    <message>
        <source>Nothing is ticked: the form is recorded as refused for every purpose.</source>
        <translation>未勾选任何项：将登记为对所有用途均不同意。</translation>
    </message>
    <message>
        <source>Scan of the signed form</source>
        <translation>签署的告知同意书扫描件</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>The scan could not be read.</source>
        <translation>无法读取扫描件。</translation>
    </message>
    <message>
        <source>%1 (%2 KB)</source>
        <translation>%1（%2 KB）</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Reveal a sensitive value</source>
        <translation>查看敏感信息明文</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>处理目的(&amp;P)：</translation>
    </message>
    <message>
        <source>The value is shown for 30 seconds. Revealing is recorded in the audit log with your name and the purpose (never the value).</source>
        <translation>明文显示 30 秒。查看操作连同您的姓名和目的一起记入审计日志（不记录内容本身）。</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>查看明文(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>No purpose in force allows revealing this value now (no active engagement or consent).</source>
        <translation>当前没有可用于查看该内容的有效目的（没有进行中的服务或同意）。</translation>
    </message>
    <message>
        <source>This purpose does not allow revealing the value for this client.</source>
        <translation>该目的不允许查看此客户的这项内容。</translation>
    </message>
</context>
<context>
    <name>RevealOverrideDialog</name>
    <message>
        <source>Allow reveals without an agreement</source>
        <translation>允许未签协议时查看</translation>
    </message>
    <message>
        <source>%1 has no confidentiality agreement in force, so cannot reveal sensitive items. You may allow it for at most %2 days, with a reason; this is recorded in the audit log and the staff register. Record the signed agreement as soon as it arrives.</source>
        <translation>%1 没有有效的保密协议，因此不能查看敏感信息。您可以注明理由，允许其查看，最长 %2 天；此授权记入审计日志和员工登记。收到签字协议后请尽快登记。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Last day:</source>
        <translation>截止日期：</translation>
    </message>
</context>
<context>
    <name>SealingRecordView</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Kept because of</source>
        <translation>保留依据</translation>
    </message>
    <message>
        <source>Sealed on %1, kept until %2</source>
        <translation>封存于 %1，保管至 %2</translation>
    </message>
    <message>
        <source>Erasure certificate %1</source>
        <translation>销毁证明 %1</translation>
    </message>
    <message>
        <source>Kept (%1)</source>
        <translation>保留（%1）</translation>
    </message>
    <message>
        <source>Erased at sealing (%1)</source>
        <translation>封存时删除（%1）</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>No retention rule requires it</source>
        <translation>无保管期限规则要求保留</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>SensitiveEditDialog</name>
    <message>
        <source>Add a sensitive item</source>
        <translation>添加敏感信息</translation>
    </message>
    <message>
        <source>e.g. bank and branch, account type</source>
        <translation>例如：开户行及支行、账户类型</translation>
    </message>
    <message>
        <source>The client itself</source>
        <translation>客户本身</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>内容(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Belongs to:</source>
        <translation>所属(&amp;B)：</translation>
    </message>
    <message>
        <source>Stored encrypted; shown masked and revealed only with a purpose.</source>
        <translation>加密存储；脱敏显示，须选择目的才能查看明文。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SensitiveSection</name>
    <message>
        <source>Sensitive personal information (PIPL Art. 28): shown masked; each reveal needs a purpose and is recorded in the audit log.</source>
        <translation>敏感个人信息（《个人信息保护法》第二十八条）：脱敏显示；每次查看明文都须选择处理目的，并记入审计日志。</translation>
    </message>
    <message>
        <source>Why these items are collected</source>
        <translation>为何收集这些敏感信息</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>No sensitive items are stored for this client.</source>
        <translation>该客户没有存储敏感信息。</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>Reveal %1</source>
        <translation>查看%1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add &amp;item…</source>
        <translation>添加敏感信息(&amp;I)…</translation>
    </message>
    <message>
        <source>Not offered for new items: %1 — no purpose in force for this client needs it (record the engagement or the client&apos;s consent first).</source>
        <translation>暂不可新增：%1——该客户当前没有生效的处理目的需要此项（请先开始委托或登记客户的同意）。</translation>
    </message>
    <message>
        <source>%1 — %2, client %3</source>
        <translation>%1 — %2，客户：%3</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除敏感信息</translation>
    </message>
    <message>
        <source>Delete this sensitive item for good?</source>
        <translation>确定永久删除这条敏感信息吗？</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SharedIdentifier</name>
    <message>
        <source>client no. %1</source>
        <translation>第 %1 号客户</translation>
    </message>
    <message>
        <source>Client “%1” already has this unified social credit code.</source>
        <translation>客户“%1”已使用此统一社会信用代码。</translation>
    </message>
    <message>
        <source>A person of client “%1” already has this ID number.</source>
        <translation>客户“%1”的人员已使用此身份证号。</translation>
    </message>
    <message>
        <source>Already in the vault</source>
        <translation>保密柜中已有</translation>
    </message>
    <message>
        <source>Save only if this client is a branch of it. Your choice is recorded.</source>
        <translation>仅当本客户是其分支机构时才保存。您的选择将被记录。</translation>
    </message>
    <message>
        <source>It is a &amp;branch — save</source>
        <translation>是分支机构 — 保存(&amp;B)</translation>
    </message>
    <message>
        <source>Save only if it is the same person. Your choice is recorded.</source>
        <translation>仅当是同一人时才保存。您的选择将被记录。</translation>
    </message>
    <message>
        <source>The &amp;same person — save</source>
        <translation>是同一人 — 保存(&amp;S)</translation>
    </message>
    <message>
        <source>Do &amp;not save</source>
        <translation>不保存(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Lock the vault (everywhere in the program)</source>
        <translation>锁定保密柜（在程序任何位置）</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Client list: go to the search field</source>
        <translation>客户列表：转到搜索框</translation>
    </message>
    <message>
        <source>Down / Enter</source>
        <translation>下箭头 / 回车</translation>
    </message>
    <message>
        <source>In the search field: move into the results</source>
        <translation>在搜索框中：移到搜索结果</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <source>In the results: open the selected client</source>
        <translation>在结果中：打开所选客户</translation>
    </message>
    <message>
        <source>Client list: close the client tab shown</source>
        <translation>客户列表：关闭当前客户标签页</translation>
    </message>
    <message>
        <source>Client page: reload it</source>
        <translation>客户页面：重新载入</translation>
    </message>
    <message>
        <source>Enter after a form number</source>
        <translation>告知同意书编号后按回车</translation>
    </message>
    <message>
        <source>Return or correct a form: look it up (saves nothing)</source>
        <translation>登记或更正告知同意书：只查找（不保存）</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + 带下划线的字母</translation>
    </message>
    <message>
        <source>Press the button or go to the field with that letter</source>
        <translation>按下对应按钮或转到对应字段</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>打开使用指南</translation>
    </message>
</context>
<context>
    <name>StaffAgreementDialog</name>
    <message>
        <source>Record a confidentiality agreement</source>
        <translation>记录保密协议</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Confidentiality agreement</source>
        <translation>保密协议</translation>
    </message>
    <message>
        <source>Signed confidentiality commitment</source>
        <translation>保密承诺书</translation>
    </message>
    <message>
        <source>Ends on:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>(no scan)</source>
        <translation>（无扫描件）</translation>
    </message>
    <message>
        <source>Choose scan…</source>
        <translation>选择扫描件…</translation>
    </message>
    <message>
        <source>Member of staff:</source>
        <translation>员工：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>签署日期：</translation>
    </message>
    <message>
        <source>Signed copy (PDF or image):</source>
        <translation>签字件（PDF 或图片）：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>The scan is kept inside the encrypted vault; viewing it is recorded.</source>
        <translation>扫描件保存在加密的保密柜内；查看会记入审计日志。</translation>
    </message>
    <message>
        <source>Signed copy</source>
        <translation>签字件</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Choose the member of staff.</source>
        <translation>请选择员工。</translation>
    </message>
    <message>
        <source>The scan file could not be read.</source>
        <translation>无法读取扫描件文件。</translation>
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
    <name>StaffRegisterPage</name>
    <message>
        <source>Everyone</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <source>Agreement missing or ended</source>
        <translation>无协议或协议已到期</translation>
    </message>
    <message>
        <source>Training overdue</source>
        <translation>培训逾期</translation>
    </message>
    <message>
        <source>Record agreement…</source>
        <translation>登记保密协议…</translation>
    </message>
    <message>
        <source>Record training…</source>
        <translation>登记培训…</translation>
    </message>
    <message>
        <source>Allow reveals without agreement…</source>
        <translation>允许未签协议时查看…</translation>
    </message>
    <message>
        <source>End override</source>
        <translation>终止授权</translation>
    </message>
    <message>
        <source>Save signed copy…</source>
        <translation>保存签字件…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Confidentiality agreement</source>
        <translation>保密协议</translation>
    </message>
    <message>
        <source>Last training</source>
        <translation>最近培训</translation>
    </message>
    <message>
        <source>Refresher due</source>
        <translation>下次复训</translation>
    </message>
    <message>
        <source>Override until</source>
        <translation>授权至</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Training refresher every:</source>
        <translation>复训间隔：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训人</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Add attendees…</source>
        <translation>补登参加人员…</translation>
    </message>
    <message>
        <source>Staff register</source>
        <translation>员工登记</translation>
    </message>
    <message>
        <source>Everyone who works with client data signs a confidentiality agreement and attends training. Without an agreement in force a member of staff cannot reveal sensitive items (the partner, who signs for the firm, is not held).</source>
        <translation>每位接触客户数据的员工都要签署保密协议并参加培训。没有有效保密协议的员工不能查看敏感信息（代表公司签约的合伙人除外）。</translation>
    </message>
    <message>
        <source>Your confidentiality agreement and the training sessions you attended.</source>
        <translation>您的保密协议和您参加过的培训。</translation>
    </message>
    <message>
        <source>Training sessions:</source>
        <translation>培训记录：</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未参加</translation>
    </message>
    <message>
        <source>%1 members of staff shown.</source>
        <translation>显示 %1 名员工。</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未签署</translation>
    </message>
    <message>
        <source>none recorded (not required)</source>
        <translation>未登记（无需）</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>已于 %1 到期</translation>
    </message>
    <message>
        <source>valid, ends %1</source>
        <translation>有效，%1 到期</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>有效至 %1</translation>
    </message>
    <message>
        <source>valid (no end date)</source>
        <translation>有效（无期限）</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>保密协议</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>保密承诺书</translation>
    </message>
    <message>
        <source>%1 signed %2, %3%4</source>
        <translation>%1：%2 签署，%3%4</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>有效至 %1</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source> (scan on file)</source>
        <translation>（已存扫描件）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: no agreement recorded.</source>
        <translation>%1：尚未登记协议。</translation>
    </message>
    <message>
        <source>Agreement recorded.</source>
        <translation>已登记保密协议。</translation>
    </message>
    <message>
        <source>Training session recorded.</source>
        <translation>已登记培训。</translation>
    </message>
    <message>
        <source>%1 may reveal until the day chosen.</source>
        <translation>%1 可以查看敏感信息，至所选日期为止。</translation>
    </message>
    <message>
        <source>%1 may no longer reveal without an agreement.</source>
        <translation>%1 的授权已终止，未签协议前不能再查看敏感信息。</translation>
    </message>
    <message>
        <source>Attendance added.</source>
        <translation>已补登参加人员。</translation>
    </message>
    <message>
        <source>Refresher interval saved.</source>
        <translation>已保存复训间隔。</translation>
    </message>
    <message>
        <source>Save signed copy</source>
        <translation>保存签字件</translation>
    </message>
    <message>
        <source>The file could not be written there.</source>
        <translation>无法在该位置写入文件。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>SubjectRequestDialog</name>
    <message>
        <source>New request from a person</source>
        <translation>登记个人请求</translation>
    </message>
    <message>
        <source>Client name, code or tax number</source>
        <translation>客户名称、代码或纳税人识别号</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>ID document shown in person (no copy kept)</source>
        <translation>当面出示身份证件（不留存复印件）</translation>
    </message>
    <message>
        <source>Called back on the number on file</source>
        <translation>回拨档案中的电话号码</translation>
    </message>
    <message>
        <source>Reply from the e-mail address on file</source>
        <translation>档案中的电子邮箱回复确认</translation>
    </message>
    <message>
        <source>Signed letter matching the records</source>
        <translation>签字信函与档案一致</translation>
    </message>
    <message>
        <source>Video call with ID document shown</source>
        <translation>视频通话并出示身份证件</translation>
    </message>
    <message>
        <source>Choose how the identity was checked</source>
        <translation>请选择身份核验方式</translation>
    </message>
    <message>
        <source>The identity check matched the records</source>
        <translation>身份核验与档案一致</translation>
    </message>
    <message>
        <source>Find client:</source>
        <translation>查找客户：</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>个人：</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>收到方式：</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>收到日期：</translation>
    </message>
    <message>
        <source>Identity check:</source>
        <translation>身份核验：</translation>
    </message>
    <message>
        <source>Record request</source>
        <translation>登记请求</translation>
    </message>
    <message>
        <source>Choose the person from the vault. Note how their identity was checked; do not keep a copy of their ID document.</source>
        <translation>请从保险库中选择本人，并记录身份核验方式；不要留存其身份证件复印件。</translation>
    </message>
    <message>
        <source>The client in person</source>
        <translation>客户本人</translation>
    </message>
    <message>
        <source>Choose a client.</source>
        <translation>请选择客户。</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Record a training session</source>
        <translation>记录培训</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Trainer:</source>
        <translation>培训人：</translation>
    </message>
    <message>
        <source>Attended:</source>
        <translation>参加人员：</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>ClientVault user guide</source>
        <translation>客户保密柜使用指南</translation>
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
        <translation>三步完成公司加密客户保密柜的设置。</translation>
    </message>
    <message>
        <source>ClientVault keeps your clients&apos; records in an encrypted vault on this computer or on the office share. Only staff with an account can open it.

1. Enter the firm&apos;s name and contact details.
2. Create the first partner account.
3. Print the recovery sheet and keep it in the firm&apos;s safe.</source>
        <translation>客户保密柜将客户资料保存在本机或办公室共享盘上的加密保密柜中，只有拥有账户的员工才能打开。

1. 填写本公司名称和联系方式。
2. 创建第一个合伙人账户。
3. 打印恢复密钥单并存放在公司保险柜中。</translation>
    </message>
    <message>
        <source>Vault folder: %1</source>
        <translation>保密柜文件夹：%1</translation>
    </message>
</context>
<context>
    <name>WithdrawnErasure</name>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 stored item(s) are no longer needed by any purpose (%2). Erasure request no. %3 for them is already open; a partner must approve it before they are erased.</source>
        <translation>有 %1 项已存储的信息不再为任何处理目的所需（%2）。针对这些项目的销毁申请 %3 号已在处理中；须经合伙人批准后才会销毁。</translation>
    </message>
    <message>
        <source>%1 stored item(s) are no longer needed by any purpose (%2).</source>
        <translation>有 %1 项已存储的信息不再为任何处理目的所需（%2）。</translation>
    </message>
    <message>
        <source>Request erasure of these items…</source>
        <translation>申请销毁这些项目…</translation>
    </message>
    <message>
        <source>Request erasure of these items</source>
        <translation>申请销毁这些项目</translation>
    </message>
    <message>
        <source>Ask for these items of client %1 to be erased? They are no longer needed by any purpose since a consent was withdrawn:

%2

Nothing is deleted now: a partner approves the request first, then it is carried out on the Erasure page.</source>
        <translation>是否申请销毁客户 %1 的以下项目？由于同意已被撤回，这些项目不再为任何处理目的所需：

%2

现在不会删除任何内容：须先由合伙人批准申请，然后在“数据销毁”页面执行。</translation>
    </message>
    <message>
        <source>Erasure request no. %1 opened. A partner must approve it before the items are erased.</source>
        <translation>已提交销毁申请 %1 号。须经合伙人批准后，这些项目才会被销毁。</translation>
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
<context>
    <name>WorkstationSection</name>
    <message>
        <source>This workstation</source>
        <translation>本机</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Save for this workstation</source>
        <translation>保存本机设置</translation>
    </message>
    <message>
        <source>Display language:</source>
        <translation>显示语言：</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>空闲多久后锁定：</translation>
    </message>
    <message>
        <source>Saved. The idle lock applies now; the language from the next start.</source>
        <translation>已保存。空闲锁定立即生效，语言在下次启动时生效。</translation>
    </message>
</context>
</TS>
