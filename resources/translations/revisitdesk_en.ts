<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="271"/>
        <source>管理员账号</source>
        <translation>Administrator&apos;s account</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="274"/>
        <source>设置后，所有人都用用户名和密码登录；管理员在“管理 → 人员与角色”中为其他人建立账号。</source>
        <translation>From then on everybody logs in with a user name and password; the administrator makes the others&apos; accounts in Manage → People and roles.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="280"/>
        <source>密码要求：{rule}。</source>
        <translation>Password rule: {rule}.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="289"/>
        <source>加密数据库文件(&amp;K)：只有登录才能打开，丢失电脑或拷走文件不泄露电话号码（推荐）</source>
        <translation>Encrypt the database file (&amp;K): it opens only through a log-in, so a lost laptop or a copied file gives away no phone number (recommended)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="303"/>
        <source>姓名(&amp;A)：</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="304"/>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="305"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="306"/>
        <source>再次输入密码(&amp;E)：</source>
        <translation>R&amp;epeat the password:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="322"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>AddressPreview</name>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="238"/>
        <source>评价二维码预览（示例业务编号 {case_no}）：</source>
        <translation>Evaluation QR code preview (sample case no. {case_no}):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="255"/>
        <source>地址无效</source>
        <translation>Invalid address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="264"/>
        <source>这是示例地址，群众扫码会打不开：请改为本中心网上评价系统的地址。在此之前打印评价二维码条须经管理员确认。</source>
        <translation>This is the sample address: it will not open when the public scan the code. Change it to the address of this centre&apos;s online evaluation system. Until then, printing evaluation QR slips needs an administrator&apos;s confirmation.</translation>
    </message>
</context>
<context>
    <name>AdminActions</name>
    <message>
        <location filename="../../ui/admin/actions.py" line="53"/>
        <source>仅限管理员</source>
        <translation>Administrators only</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="54"/>
        <source>设置密码后才需要登录</source>
        <translation>Login is needed only once a password is set</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="57"/>
        <source>人员与角色(&amp;P)…</source>
        <translation>&amp;People and roles…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="63"/>
        <source>审计日志(&amp;U)…</source>
        <translation>A&amp;udit log…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="66"/>
        <source>仅限审计员和管理员</source>
        <translation>Auditors and administrators only</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="69"/>
        <source>数据保留(&amp;R)…</source>
        <translation>Data &amp;retention…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="75"/>
        <source>加密数据库文件(&amp;E)…</source>
        <translation>&amp;Encrypt the database file…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="81"/>
        <source>免打扰号码(&amp;D)…</source>
        <translation>&amp;Do-not-call numbers…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="87"/>
        <source>受理单位(&amp;N)…</source>
        <translation>Accepting u&amp;nits…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="88"/>
        <source>回访结果(&amp;O)…</source>
        <translation>Call &amp;outcomes…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="89"/>
        <source>工作日历(&amp;C)…</source>
        <translation>Working-day &amp;calendar…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="92"/>
        <source>修改密码(&amp;W)…</source>
        <translation>Change pass&amp;word…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="98"/>
        <source>切换用户/注销(&amp;L)…</source>
        <translation>Switch user / &amp;log out…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="123"/>
        <source>无权操作</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="124"/>
        <source>您的角色无权进行此操作。</source>
        <translation>Your role is not permitted to do this.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="189"/>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="198"/>
        <source>请等当前操作完成后再切换用户。</source>
        <translation>Wait until the current operation has finished, then switch the user.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="206"/>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../ui/admin/actions.py" line="207"/>
        <source>回访工作台上还有领取的业务件：请先保存、记录通话结果或放回队列，再切换用户。</source>
        <translation>A case is still taken at the Call desk: save it, record the call or put it back in the queue before switching the user.</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="163"/>
        <source>申诉复核 {case_no}</source>
        <translation>Appeal {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="163"/>
        <source>提出申诉</source>
        <translation>File appeal</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="166"/>
        <source>申诉理由：差评不属实或属恶意评价的事实和依据（必填）</source>
        <translation>Grounds: the facts and evidence that the bad review is untrue or malicious (required)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="168"/>
        <source>申诉理由(&amp;Y)：</source>
        <translation>&amp;Reasons:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="172"/>
        <source>证据材料(&amp;L)（图片或 PDF，至少一份）：</source>
        <translation>Evidence fi&amp;les (images or PDF, at least one):</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="174"/>
        <source>添加文件(&amp;A)…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="177"/>
        <source>移除(&amp;X)</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="189"/>
        <source>申诉由组长或市局在 {days} 个工作日内复核；提出申诉的人不能复核自己的申诉。</source>
        <translation>A team lead or the city bureau decides the appeal within {days} working days; whoever files an appeal cannot decide it.</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="224"/>
        <source>选择证据材料</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="226"/>
        <source>图片或 PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;所有文件 (*)</source>
        <translation>Images or PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="238"/>
        <source>请填写申诉理由。</source>
        <translation>Fill in the reasons for the appeal.</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="241"/>
        <source>请添加至少一份证据材料。</source>
        <translation>Add at least one evidence file.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/application.py" line="191"/>
        <location filename="../../ui/application.py" line="201"/>
        <source>回访台</source>
        <translation>RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="202"/>
        <source>数据库文件 %1 不存在。

新建一个空数据库并开始首次设置吗？</source>
        <translation>The database file %1 does not exist.

Make a new, empty database and set it up?</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="213"/>
        <source>网点考核计分</source>
        <translation>Outlet assessment scoring</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="229"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="229"/>
        <source>评估项目</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="229"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="229"/>
        <source>标准分</source>
        <translation>Full points</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="230"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="230"/>
        <source>计算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="230"/>
        <source>考核记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="251"/>
        <source>扣分(&amp;P)：</source>
        <translation>Deduct &amp;points:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="252"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="259"/>
        <source>改判原因(&amp;O)：</source>
        <translation>&amp;Override reason:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="269"/>
        <source>考核人(&amp;A)：</source>
        <translation>&amp;Assessors:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="270"/>
        <source>考核日期(&amp;D)：</source>
        <translation>&amp;Date assessed:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="271"/>
        <source>备注(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="279"/>
        <source>记扣分 (Enter)</source>
        <translation>Deduct (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="281"/>
        <source>本项满分 (Ctrl+Backspace)</source>
        <translation>Full points (Ctrl+Backspace)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="283"/>
        <source>重新计算 (F6)</source>
        <translation>Recompute (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="285"/>
        <source>保存考核人 (Ctrl+S)</source>
        <translation>Save assessors (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="287"/>
        <source>签定 (Ctrl+Enter)</source>
        <translation>Sign off (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="289"/>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="291"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="347"/>
        <source>{unit}&#x3000;{kind}&#x3000;考核期 {start} 至 {end}&#x3000;{status}</source>
        <translation>{unit}   {kind}   Period {start} to {end}   {status}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="353"/>
        <source>总分 {total} 分（标准分合计 {standard} 分）&#x3000;等次：{grade}</source>
        <translation>Total {total} (of {standard} full points)   Grade: {grade}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="368"/>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="394"/>
        <source>此网点此前没有已签定的考核。</source>
        <translation>This outlet has no earlier signed-off assessment.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="403"/>
        <source>上次（{start} 至 {end}）{total} 分、{grade}；本次比上次 {change} 分。{moved}</source>
        <translation>Previous ({start} to {end}): {total}, {grade}; change since then {change}. {moved}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="421"/>
        <source>{number}. {name}（标准分 {points}）&#x3000;考评内容：{content}
考评标准：{standard}</source>
        <translation>{number}. {name} ({points} full points)   Content: {content}
Criteria: {standard}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="428"/>
        <source>依据：{record}</source>
        <translation>Based on: {record}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="496"/>
        <source>第 {number} 项已记扣分。</source>
        <translation>Deduction recorded on item {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="508"/>
        <source>已删去一次扣分。</source>
        <translation>One deduction removed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="521"/>
        <source>第 {number} 项为满分。</source>
        <translation>Item {number} has full points.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="531"/>
        <source>第 {number} 项已重新计算。</source>
        <translation>Item {number} recomputed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="545"/>
        <source>考核人、日期和备注已保存。</source>
        <translation>Assessors, date and note saved.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="553"/>
        <source>签定考核</source>
        <translation>Sign off assessment</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="554"/>
        <source>签定后不能再修改。总分 {total} 分，等次 {grade}。确定签定吗？</source>
        <translation>Once signed off, it cannot be changed. Total {total}, grade {grade}. Sign off now?</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="563"/>
        <source>已签定。</source>
        <translation>Signed off.</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="160"/>
        <source>尚未选择使用者。人员考核情况仅限组长、管理员和审计员查看，请先选择您的姓名。</source>
        <translation>No user is chosen yet. The staff assessment is only for team leads, administrators and auditors: choose your name first.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="164"/>
        <source>人员考核情况仅限组长、管理员和审计员查看。
{name}，您当前的角色是{role}。</source>
        <translation>The staff assessment is only for team leads, administrators and auditors.
{name}, your current role is {role}.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="189"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="227"/>
        <source>{period}（{start} 至 {end}）&#x3000;{people} 人有工单：不满意工单 {dissatisfied} 件，投诉工单 {complaints} 件</source>
        <translation>{period} ({start} to {end})   {people} people with work orders: {dissatisfied} dissatisfaction orders, {complaints} complaint orders</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="238"/>
        <source>&#x3000;·&#x3000;双击人员（或按回车）查看其业务件</source>
        <translation>   ·   Double-click a person (or press Enter) to see their cases</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="240"/>
        <source>&#x3000;·&#x3000;本季度没有不满意或投诉工单</source>
        <translation>   ·   No dissatisfaction or complaint work orders this quarter</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="242"/>
        <source>&#x3000;·&#x3000;表扬 {praised} 次，批评 {criticised} 次</source>
        <translation>   ·   {praised} commendations, {criticised} criticisms</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="259"/>
        <source>回访质检(&amp;J)：本季度拨打的通话中已评分 {calls} 通（{operators} 名回访员），平均得分率 {average}，关键项不合格 {critical} 通</source>
        <translation>QC of ca&amp;lls: {calls} of this quarter&apos;s calls scored ({operators} operators), average score {average}, {critical} failing a critical item</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="268"/>
        <source>回访质检(&amp;J)：本季度拨打的通话中没有已评分的</source>
        <translation>QC of ca&amp;lls: none of this quarter&apos;s calls is scored</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="320"/>
        <source>{period}人员考核（不满意及投诉工单）</source>
        <translation>Staff assessment {period} (dissatisfaction and complaint work orders)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="77"/>
        <location filename="../../ui/supervision/assessment_tab.py" line="162"/>
        <source>全部网点</source>
        <translation>All outlets</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="79"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="88"/>
        <source>网点</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="88"/>
        <source>考核类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="88"/>
        <source>考核期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="88"/>
        <source>考核日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="89"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="89"/>
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="89"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="93"/>
        <source>新建考核 (Ctrl+N)</source>
        <translation>New assessment (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="95"/>
        <source>打开 (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="97"/>
        <source>排名通报 (Ctrl+R)</source>
        <translation>Ranking (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="99"/>
        <source>计分表 (Ctrl+Shift+S)</source>
        <translation>Score sheet (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="101"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="177"/>
        <source>共 {count} 次考核</source>
        <translation>{count} assessments</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="210"/>
        <source>请先在列表中选择一次考核。</source>
        <translation>Select an assessment in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="226"/>
        <source>只有管理员可以修改考核计分表。</source>
        <translation>Only administrators can change the score sheet.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="233"/>
        <source>您的角色不能考核网点。</source>
        <translation>Your role cannot assess outlets.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_tab.py" line="247"/>
        <source>已建立考核，请逐项录入。</source>
        <translation>Assessment created: enter it item by item.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="188"/>
        <source>分派 {count} 项二次回访</source>
        <translation>Assign {count} second-round callback(s)</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="188"/>
        <source>分派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="191"/>
        <source>回访员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="192"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="206"/>
        <source>分派给(&amp;T)：</source>
        <translation>Assign &amp;to:</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="207"/>
        <source>回访员(&amp;O)：</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="208"/>
        <source>单位(&amp;U)：</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="202"/>
        <source>分派给回访员的二次回访进入其电话回访队列，按回访规则拨打。</source>
        <translation>Callbacks assigned to an operator go into their phone revisit queue and are called by the revisit rules.</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="227"/>
        <source>还没有回访员。</source>
        <translation>There are no operators yet.</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="233"/>
        <source>请选择单位。</source>
        <translation>Choose a unit.</translation>
    </message>
</context>
<context>
    <name>AuditChainCheck</name>
    <message>
        <location filename="../../ui/audit_check.py" line="69"/>
        <source>审计记录被改动</source>
        <translation>Audit records altered</translation>
    </message>
    <message>
        <location filename="../../ui/audit_check.py" line="70"/>
        <source>审计记录的哈希链校验未通过，记录可能被删除或改写。</source>
        <translation>The hash chain of the audit records failed verification: records may have been deleted or rewritten.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_check.py" line="78"/>
        <source>请管理员核查：运行 main.py audit verify 查看详情，必要时从备份恢复数据库，并保留本数据库以便调查。</source>
        <translation>An administrator should check: run main.py audit verify for details, restore the database from a backup if needed, and keep this database for the investigation.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="112"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="121"/>
        <location filename="../../ui/admin/audit_dialog.py" line="256"/>
        <location filename="../../ui/admin/audit_dialog.py" line="260"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="127"/>
        <source>查询(&amp;Q)</source>
        <translation>&amp;Query</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="131"/>
        <source>从(&amp;F)：</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="132"/>
        <source>到(&amp;T)：</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="133"/>
        <source>操作人(&amp;A)：</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="134"/>
        <source>对象(&amp;R)：</source>
        <translation>&amp;Record:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="135"/>
        <source>操作(&amp;O)：</source>
        <translation>&amp;Operation:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="167"/>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="168"/>
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="183"/>
        <source>导出(&amp;E)…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="184"/>
        <source>把符合条件的全部记录导出为 Excel 或 CSV 文件</source>
        <translation>Export every matching record to an Excel or CSV file</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="186"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="240"/>
        <source>共 {total} 条，只显示最新的 {shown} 条；请缩小范围。导出包含全部。</source>
        <translation>{total} records; only the latest {shown} are shown. Narrow the search. The export includes all of them.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="244"/>
        <source>共 {total} 条。</source>
        <translation>{total} records.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="279"/>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="282"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="309"/>
        <source>已导出 {count} 条记录到 {path}</source>
        <translation>Exported {count} records to {path}</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="58"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="59"/>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="60"/>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="61"/>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="62"/>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="63"/>
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_dialog.py" line="84"/>
        <source>（未登录）</source>
        <translation>(not logged in)</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../ui/backup/actions.py" line="60"/>
        <source>仅限管理员</source>
        <translation>Administrators only</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="61"/>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="64"/>
        <source>校验备份…</source>
        <translation>Verify backup…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="67"/>
        <source>从备份恢复到新数据库…</source>
        <translation>Restore a backup to a new database…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="83"/>
        <source>备份数据库</source>
        <translation>back up the database</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="89"/>
        <source>无法备份</source>
        <translation>Cannot back up</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="93"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="96"/>
        <source>回访台备份 (*.zip)</source>
        <translation>RevisitDesk backups (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="111"/>
        <source>没有备份</source>
        <translation>Not backed up</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="113"/>
        <source>备份已取消，没有留下未完成的文件。</source>
        <translation>Backup cancelled; no unfinished file was left behind.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="114"/>
        <source>正在备份到 {path}…</source>
        <translation>Backing up to {path}…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="122"/>
        <source>注意：有 {n} 个附件在存储中缺失或已损坏，没有备份。</source>
        <translation>Note: {n} attachments are missing from storage or damaged and were not backed up.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="124"/>
        <source>已备份到：
{path}
备份已由本机签名并加密。</source>
        <translation>Backed up to:
{path}
The backup is signed and encrypted by this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="127"/>
        <source>本机还没有恢复密钥：如果数据库和本机的密钥丢失，这份备份将无法恢复。请现在制作恢复密钥，打印或抄写后妥善保管。</source>
        <translation>This computer has no recovery key yet: if the database and this computer&apos;s key are lost, this backup cannot be restored. Make a recovery key now, print it or copy it out, and keep it safe.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="132"/>
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="137"/>
        <source>制作恢复密钥(&amp;R)…</source>
        <translation>Make a &amp;recovery key…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="139"/>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="146"/>
        <source>校验备份</source>
        <translation>Verify backup</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="148"/>
        <location filename="../../ui/backup/actions.py" line="193"/>
        <source>回访台备份 (*.zip);;所有文件 (*)</source>
        <translation>RevisitDesk backups (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="163"/>
        <location filename="../../ui/backup/actions.py" line="201"/>
        <source>备份不能使用</source>
        <translation>Backup unusable</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="166"/>
        <source>正在校验 {name}…</source>
        <translation>Verifying {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="171"/>
        <source>备份完好：{name}
每个文件的 SHA-256 都与清单一致。</source>
        <translation>The backup is intact: {name}
The SHA-256 of every file matches the manifest.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="178"/>
        <source>备份完好</source>
        <translation>Backup intact</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="187"/>
        <source>从备份恢复</source>
        <translation>restore from a backup</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="191"/>
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="230"/>
        <source>没有恢复</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="232"/>
        <source>恢复已取消，没有留下新的数据库。</source>
        <translation>Restore cancelled; no new database was left behind.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="233"/>
        <source>正在从 {name} 恢复…</source>
        <translation>Restoring from {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="240"/>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="242"/>
        <source>备份已恢复到新数据库：
{target}

正在使用的数据库没有改动。要使用恢复的数据库，请以 --db {target} 启动回访台（或设置 REVISITDESK_DB）。</source>
        <translation>The backup was restored to a new database:
{target}

The database in use was not changed. To use the restored database, start RevisitDesk with --db {target} (or set REVISITDESK_DB).</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="262"/>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="264"/>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="268"/>
        <source>需要管理员</source>
        <translation>Administrator needed</translation>
    </message>
    <message>
        <location filename="../../ui/backup/actions.py" line="269"/>
        <source>只有管理员可以{action}。当前使用者：{who}。</source>
        <translation>Only an administrator can {action}. Current user: {who}.</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../ui/board/board_model.py" line="34"/>
        <location filename="../../ui/board/board_model.py" line="42"/>
        <source>日历未录入</source>
        <translation>No calendar</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="45"/>
        <source>超期 {days}</source>
        <translation>{days} overdue</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="47"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="57"/>
        <source>{date}（{what}）</source>
        <translation>{date} ({what})</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="65"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="66"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="67"/>
        <source>受理单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="68"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="69"/>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="70"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="71"/>
        <source>登记日期</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="72"/>
        <source>已过(工作日)</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="73"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="74"/>
        <source>剩余(工作日)</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="75"/>
        <source>反映内容</source>
        <translation>What was reported</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="78"/>
        <source>登记以来已过的工作日</source>
        <translation>Working days since it was registered</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="79"/>
        <source>距期限还剩的工作日</source>
        <translation>Working days left before the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="93"/>
        <source>关联业务件：{case_no}</source>
        <translation>Case: {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="99"/>
        <source>工作日历中缺少相关年份的节假日安排，请管理员录入后再计算工作日。</source>
        <translation>The working-day calendar lacks the holiday arrangements of a year involved; an administrator must enter them before working days can be counted.</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="103"/>
        <source>已超过期限</source>
        <translation>Past the deadline</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../ui/pages/board_page.py" line="29"/>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../ui/pages/board_page.py" line="30"/>
        <source>整改措施</source>
        <translation>CAPA</translation>
    </message>
    <message>
        <location filename="../../ui/pages/board_page.py" line="31"/>
        <source>单位反馈</source>
        <translation>Unit feedback</translation>
    </message>
    <message>
        <location filename="../../ui/pages/board_page.py" line="32"/>
        <source>人员考核</source>
        <translation>Staff assessment</translation>
    </message>
    <message>
        <location filename="../../ui/pages/board_page.py" line="58"/>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/board_page.py" line="68"/>
        <source>廉洁反映</source>
        <translation>Integrity reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/board_page.py" line="97"/>
        <source>请选择您的姓名：分派、关闭等操作按您的角色办理。</source>
        <translation>Choose your name: assigning, closing and other steps follow your role.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/board_page.py" line="100"/>
        <source>可分派、审批未解决关闭、重新打开，并查看廉洁纪律反映。</source>
        <translation>You can assign, approve closing as unresolved, reopen, and see integrity reports.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/board_page.py" line="104"/>
        <source>可记录联系、录入二次回访评价；分派和关闭须由组长办理。</source>
        <translation>You can record contacts and enter second-round evaluations; assigning and closing are done by team leads.</translation>
    </message>
</context>
<context>
    <name>BoardTab</name>
    <message>
        <location filename="../../ui/board/board_tab.py" line="103"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="104"/>
        <source>全部原因</source>
        <translation>All reasons</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="105"/>
        <source>全部负责人</source>
        <translation>All owners</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="106"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="107"/>
        <source>二次回访</source>
        <translation>Second round</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="108"/>
        <source>投诉/建议</source>
        <translation>Complaint / suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="111"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="112"/>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="116"/>
        <source>单位(&amp;U)：</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="117"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="118"/>
        <source>已过 ≥(&amp;G)</source>
        <translation>A&amp;ge ≥</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="119"/>
        <source>负责人(&amp;O)：</source>
        <translation>&amp;Owner:</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="120"/>
        <source>类型(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="143"/>
        <source>打开 (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="145"/>
        <source>分派 (F6)</source>
        <translation>Assign (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="147"/>
        <source>导出 Excel (Ctrl+E)</source>
        <translation>Export Excel (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="149"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="212"/>
        <source>已过 ≥ {days} 个工作日</source>
        <translation>Age ≥ {days} working days</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="242"/>
        <source>共 {count} 项</source>
        <translation>{count} items</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="244"/>
        <source>，超期 {count} 项</source>
        <translation>, {count} overdue</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="313"/>
        <source>（已无此项）</source>
        <translation>(no longer exists)</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="337"/>
        <source>把选中的二次回访分派给回访员或单位（F6）</source>
        <translation>Assign the selected second-round callbacks to an operator or a unit (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="339"/>
        <source>仅限组长、管理员分派</source>
        <translation>Only team leads and administrators assign</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="392"/>
        <source>请先在上方选择当前用户。</source>
        <translation>Choose the current user above first.</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="421"/>
        <source>已分派 {count} 项二次回访。</source>
        <translation>Assigned {count} second-round callback(s).</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="442"/>
        <source>督办看板-{day}</source>
        <translation>Supervision board-{day}</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="445"/>
        <source>导出督办看板</source>
        <translation>Export supervision board</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="448"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_tab.py" line="470"/>
        <source>已导出 {count} 项到 {path}</source>
        <translation>Exported {count} items to {path}</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="61"/>
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="66"/>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="69"/>
        <source>年份(&amp;N)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="73"/>
        <source>录入此年份(&amp;Y)</source>
        <translation>Mark year as &amp;entered</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="75"/>
        <source>标记这一年的节假日已录入（按周一至周五上班，再加上本表中的日期）</source>
        <translation>Mark this year&apos;s public holidays as entered (Monday to Friday are working days, plus the dates in this table)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="78"/>
        <source>粘贴通知(&amp;P)…</source>
        <translation>&amp;Paste notice…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="80"/>
        <source>粘贴《国务院办公厅关于某年部分节假日安排的通知》全文，预览后一次保存</source>
        <translation>Paste the full text of the State Council General Office&apos;s notice on a year&apos;s public holiday arrangements, preview it, then save it in one go</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="102"/>
        <source>如 春节、国庆节、调休上班</source>
        <translation>e.g. Spring Festival, National Day, make-up working day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="104"/>
        <source>备注(&amp;O)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="106"/>
        <source>设为休息日(&amp;R)</source>
        <translation>Set as day &amp;off</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="108"/>
        <source>设为工作日(&amp;W)</source>
        <translation>Set as &amp;working day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="110"/>
        <source>恢复默认(&amp;D)</source>
        <translation>Restore &amp;default</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="111"/>
        <source>删除本地录入，按国家安排或周一至周五</source>
        <translation>Remove the local entry: follow the national schedule, or Monday to Friday</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="113"/>
        <source>选中的日期</source>
        <translation>Selected date</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="122"/>
        <source>只读：仅管理员可以修改工作日历。</source>
        <translation>Read-only: only administrators can change the working-day calendar.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="129"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="133"/>
        <source>方向键选日期，PageUp/PageDown 换月；鼠标停在日期上可看备注。</source>
        <translation>Arrow keys choose a date, PageUp/PageDown change the month; hover over a date to see its note.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="162"/>
        <source>仅限管理员</source>
        <translation>Administrators only</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="182"/>
        <source>{year} 年已在日历中。</source>
        <translation>{year} is in the calendar.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="187"/>
        <source>{year} 年的节假日尚未录入：截止日期算到这一年时会被拒绝。请粘贴国务院的通知，或逐日修改后点“录入此年份”。</source>
        <translation>The public holidays of {year} are not entered yet: deadlines that reach into this year will be refused. Paste the State Council&apos;s notice, or change the days one by one and click “Mark year as entered”.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="199"/>
        <source>{month}月{day}日 星期{weekday}</source>
        <translation>{weekday}, {month}/{day}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="202"/>
        <source>一,二,三,四,五,六,日</source>
        <translation>Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="209"/>
        <source>工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="209"/>
        <source>休息日</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="211"/>
        <source>本地录入</source>
        <translation>Entered locally</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="213"/>
        <source>未录入的年份，按周一至周五</source>
        <translation>Year not entered: Monday to Friday</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="215"/>
        <source>国家安排</source>
        <translation>National schedule</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="215"/>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialog.py" line="217"/>
        <source>{state} · {origin}</source>
        <translation>{state} · {origin}</translation>
    </message>
</context>
<context>
    <name>CalendarLegend</name>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="286"/>
        <source>节假日（休息）</source>
        <translation>Public holiday (day off)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="287"/>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="288"/>
        <source>周末（照常休息）</source>
        <translation>Weekend (off as usual)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="289"/>
        <source>工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="305"/>
        <source>■ 右上角小方块：本地录入（覆盖国家安排）</source>
        <translation>■ Small square at the top right: entered locally (overrides the national schedule)</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="395"/>
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="398"/>
        <source>回访期限、二次回访和投诉的期限都按工作日计算（节假日与调休上班日）。每年 11 月国务院办公厅公布下一年的节假日安排，管理员在“管理 → 工作日历”中粘贴通知即可录入。</source>
        <translation>Revisit, callback and complaint deadlines are counted in working days (public holidays and make-up working days). Every November the State Council publishes next year&apos;s holidays; an administrator pastes the notice in Admin → Working-day calendar.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="403"/>
        <source>已录入</source>
        <translation>entered</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="403"/>
        <source>尚未录入</source>
        <translation>not entered yet</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="405"/>
        <source>{year} 年的工作日历：{state}。</source>
        <translation>Working-day calendar of {year}: {state}.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="407"/>
        <source>设置完成后打开工作日历(&amp;O)</source>
        <translation>&amp;Open the calendar when set up</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="412"/>
        <source>按“保存设置”保存以上各项，并制作本机的恢复密钥：下一步显示它，只显示这一次。</source>
        <translation>Save settings stores all of the above and makes this installation&apos;s recovery key: the next step shows it, this once only.</translation>
    </message>
</context>
<context>
    <name>CallDeskPage</name>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="98"/>
        <source>首次回访</source>
        <translation>First revisit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="99"/>
        <source>二次回访</source>
        <translation>Second round</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="178"/>
        <source>换人…</source>
        <translation>Switch…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="179"/>
        <source>换一位回访员在本机工作</source>
        <translation>Let another operator work at this seat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="182"/>
        <source>下一件 (F2)</source>
        <translation>Next case (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="185"/>
        <source>放回队列 (Shift+F2)</source>
        <translation>Put back (Shift+F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="186"/>
        <source>不记录通话，把这件放回队列给别人</source>
        <translation>Give the case back to the queue without recording a call</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="189"/>
        <source>刷新队列 (F5)</source>
        <translation>Refresh queue (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="191"/>
        <source>按覆盖率目标重新抽取到期业务件（管理用，通常每天一次）</source>
        <translation>Draw due cases into the queue for the coverage targets (administrative, usually once a day)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="246"/>
        <source>当前回访件</source>
        <translation>Current case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="252"/>
        <source>通话未完成 (F4)</source>
        <translation>Call not completed (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="253"/>
        <source>无人接听、占线、预约等：按 F4，再按结果的字母键</source>
        <translation>No answer, busy, appointment…: press F4, then the outcome&apos;s letter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="278"/>
        <source>网上及电话回访单（附件 A）</source>
        <translation>Online and phone revisit form (Form A)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="289"/>
        <source>服务用语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="290"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="291"/>
        <source>覆盖率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="292"/>
        <source>今日 (Ctrl+T)</source>
        <translation>Today (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="293"/>
        <source>覆盖率 (Ctrl+G)</source>
        <translation>Coverage (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="295"/>
        <source>Ctrl+T 今日 · Ctrl+G 覆盖率 · PgUp/PgDn 翻看回访记录 · F5 刷新队列</source>
        <translation>Ctrl+T today · Ctrl+G coverage · PgUp/PgDn history · F5 refresh queue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="380"/>
        <source>回访员：未选择</source>
        <translation>Operator: not chosen</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="385"/>
        <source>回访员：{name}</source>
        <translation>Operator: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="390"/>
        <location filename="../../ui/pages/call_desk_page.py" line="391"/>
        <location filename="../../ui/pages/call_desk_page.py" line="552"/>
        <source>按 F2 取下一件。</source>
        <translation>Press F2 for the next case.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="397"/>
        <source>请先保存、记录通话结果或放回队列 (Shift+F2)，再换人。</source>
        <translation>Save, record the call or put the case back (Shift+F2) before switching.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="417"/>
        <source>当前件还没有结果：保存回访单 (Ctrl+Enter)、记录未接通 (F4) 或放回队列 (Shift+F2)。</source>
        <translation>The current case has no result yet: save Form A (Ctrl+Enter), record the call (F4) or put it back (Shift+F2).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="427"/>
        <source>正在取下一件…</source>
        <translation>Taking the next case…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="443"/>
        <source>现在没有到时间的预约。</source>
        <translation>No appointment is due now.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="448"/>
        <source>现在没有到期的回访件。

稍后再按 F2 取件；队列需要补充时，点“刷新队列”。</source>
        <translation>No case is due now.

Press F2 again later; when the queue needs more cases, click “Refresh queue”.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="450"/>
        <source>现在没有到期的回访件。</source>
        <translation>No case is due now.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="473"/>
        <source>预约 {at}</source>
        <translation>appointment {at}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="487"/>
        <source>已恢复上次未保存的回访单：{case_no}</source>
        <translation>Restored the unsaved form of {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="491"/>
        <source>继续回访：{case_no}</source>
        <translation>Continuing with {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="493"/>
        <source>已取件：{case_no}</source>
        <translation>Took {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="518"/>
        <location filename="../../ui/pages/call_desk_page.py" line="521"/>
        <source>放回队列</source>
        <translation>Put back in the queue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="519"/>
        <source>回访单已填了一部分，放回队列后这些回答不会保存。仍要放回吗？</source>
        <translation>Form A is partly filled in; putting the case back does not keep these answers. Put it back anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="520"/>
        <source>回车：放回队列；Esc：留下继续回访。</source>
        <translation>Enter: put it back; Esc: keep the case and go on.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="522"/>
        <source>留下继续</source>
        <translation>Keep the case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="539"/>
        <source>已留下当前件，回答都在。</source>
        <translation>The case stays with you, with its answers.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="553"/>
        <source>已放回队列：{case_no}</source>
        <translation>Put back: {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="589"/>
        <source>队列已刷新：新抽取 {added} 件，移出已评价 {dropped} 件。</source>
        <translation>Queue refreshed: {added} cases drawn, {dropped} already evaluated removed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="597"/>
        <source>正在刷新队列…</source>
        <translation>Refreshing the queue…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="611"/>
        <source>这个号码无效，无法拨打：{number}</source>
        <translation>This number is not valid and cannot be dialled: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="628"/>
        <source>现在不在回访时段（{at} 开始），只取已到时间的预约。</source>
        <translation>Outside calling hours (they start at {at}): only appointments due now are taken.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="638"/>
        <source>不在回访时段</source>
        <translation>Outside calling hours</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="640"/>
        <source>现在不在回访时段，回访时段 {at} 开始。仍要拨打吗？</source>
        <translation>It is outside calling hours; they start at {at}. Dial anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="645"/>
        <source>仍然拨打(&amp;Y)</source>
        <translation>&amp;Yes, dial</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="647"/>
        <source>不拨打(&amp;N)</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="662"/>
        <source>没有拨打：不在回访时段。</source>
        <translation>Not dialled: outside calling hours.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="670"/>
        <source>还在通话中：先挂断 (F8)，再拨号。</source>
        <translation>Still on a call: hang up (F8) before dialling.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="703"/>
        <source>无法拨号（{detail}）。请手动拨打，计时已开始。</source>
        <translation>Could not dial ({detail}). Dial by hand; the timer has started.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="710"/>
        <source>正在拨打 {number}…</source>
        <translation>Dialling {number}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="724"/>
        <source>正在挂断…</source>
        <translation>Hanging up…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="728"/>
        <location filename="../../ui/pages/call_desk_page.py" line="740"/>
        <source>已挂断</source>
        <translation>Hung up</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="734"/>
        <source>拨号中</source>
        <translation>Dialling</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="736"/>
        <source>振铃</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="738"/>
        <source>通话中</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="741"/>
        <source>失败：{reason}</source>
        <translation>Failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="741"/>
        <source>未接通</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="756"/>
        <source>通话已结束，请填写回访单。</source>
        <translation>Call ended: fill in Form A.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="834"/>
        <source>已保存 {case_no}，已转二次回访，已上报组长。</source>
        <translation>Saved {case_no}; a second round is opened and the team lead is told.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="836"/>
        <source>已保存 {case_no}，已转二次回访。</source>
        <translation>Saved {case_no}; a second round is opened.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="838"/>
        <source>已保存 {case_no}，已上报组长。</source>
        <translation>Saved {case_no}; reported to the team lead.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="840"/>
        <source>已保存 {case_no}。</source>
        <translation>Saved {case_no}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="842"/>
        <source>已记为对经办人的表扬。</source>
        <translation> Recorded as a commendation of the handler.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="874"/>
        <source>通话未完成：记录结果</source>
        <translation>Call not completed: record the outcome</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="921"/>
        <source>已记录 {case_no}：{outcome}，此件结束。</source>
        <translation>Recorded {case_no}: {outcome}; the case is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="923"/>
        <source>已记录 {case_no}：{outcome}，{at} 再拨。</source>
        <translation>Recorded {case_no}: {outcome}; next call {at}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="962"/>
        <source>无法保存草稿，请尽快保存回访单。</source>
        <translation>Could not keep a draft: save the form soon.</translation>
    </message>
</context>
<context>
    <name>CallingPage</name>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="336"/>
        <source>电话与网上评价</source>
        <translation>Telephone and online evaluation</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="339"/>
        <source>默认区号用于不带区号的固定电话号码；评价地址印在评价二维码中（J 5.2.1），必须是群众能打开的真实地址。以后可在“设置”中修改。</source>
        <translation>The default area code completes landline numbers written without one; the evaluation address is printed in the evaluation QR code (J 5.2.1) and must be a real address people can open. Both can be changed later in Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="354"/>
        <source>默认电话区号(&amp;D)：</source>
        <translation>&amp;Default area code:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="355"/>
        <source>评价地址(&amp;V)：</source>
        <translation>E&amp;valuation address:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="356"/>
        <source>上午回访时段(&amp;M)：</source>
        <translation>&amp;Morning calling hours:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="357"/>
        <source>下午回访时段(&amp;T)：</source>
        <translation>Af&amp;ternoon calling hours:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="363"/>
        <source>二维码预览：</source>
        <translation>QR preview:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="374"/>
        <source>这仍是示例地址：群众扫码会打不开。请填写贵中心的网上评价地址。</source>
        <translation>This is still the example address: people scanning it would reach nothing. Enter your centre&apos;s online evaluation address.</translation>
    </message>
</context>
<context>
    <name>CapaDialog</name>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="46"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="51"/>
        <source>如 TS2026-0001</source>
        <translation>e.g. TS2026-0001</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="53"/>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="57"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="60"/>
        <source>发生了什么问题（必填）</source>
        <translation>What went wrong (required)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="61"/>
        <source>专题分析会上分析的原因</source>
        <translation>The causes found at the analysis meeting</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="63"/>
        <source>问题修复、人员培训、惩处措施等：消除已造成的影响</source>
        <translation>Fixing the problem, staff training, sanctions, etc.: remove the harm already done</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="66"/>
        <source>设施完善、修订标准等：防止同类问题再次发生</source>
        <translation>Better facilities, revised standards, etc.: keep the same problem from happening again</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="70"/>
        <source>完成期限(&amp;D)：</source>
        <translation>&amp;Due by:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="81"/>
        <source>信息来源(&amp;S)：</source>
        <translation>&amp;Source:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="82"/>
        <source>关联投诉编号(&amp;C)：</source>
        <translation>Related &amp;complaint no.:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="83"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="84"/>
        <source>不满意原因(&amp;R)：</source>
        <translation>Dissatisfaction &amp;reason:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="85"/>
        <source>问题描述(&amp;P)：</source>
        <translation>&amp;Problem:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="86"/>
        <source>原因分析(&amp;A)：</source>
        <translation>Cause &amp;analysis:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="87"/>
        <source>纠正措施(&amp;X)：</source>
        <translation>Corr&amp;ective action:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="88"/>
        <source>预防措施(&amp;V)：</source>
        <translation>Pre&amp;ventive action:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="89"/>
        <source>责任人(&amp;O)：</source>
        <translation>&amp;Owner:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="132"/>
        <source>请填写问题描述。</source>
        <translation>Describe the problem.</translation>
    </message>
</context>
<context>
    <name>CapaModel</name>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="76"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="77"/>
        <source>信息来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="78"/>
        <source>网点</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="79"/>
        <source>关联</source>
        <translation>Related</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="80"/>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="81"/>
        <source>完成期限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="82"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="83"/>
        <source>验证</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="84"/>
        <source>问题描述</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="120"/>
        <source>（逾期）</source>
        <translation>(overdue)</translation>
    </message>
</context>
<context>
    <name>CapaTab</name>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="197"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="201"/>
        <location filename="../../ui/complaints/capa_tab.py" line="366"/>
        <source>全部网点</source>
        <translation>All outlets</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="203"/>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="210"/>
        <source>状态(&amp;T)：</source>
        <translation>Sta&amp;tus:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="211"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="212"/>
        <source>来源(&amp;O)：</source>
        <translation>S&amp;ource:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="231"/>
        <source>新建措施 (Ctrl+N)</source>
        <translation>New action (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="232"/>
        <source>编辑 (Enter)</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="233"/>
        <source>已落实 (F6)</source>
        <translation>Implemented (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="234"/>
        <source>验证 (F7)</source>
        <translation>Verify (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="235"/>
        <source>打印附录 I (Ctrl+P)</source>
        <translation>Print Appendix I (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="245"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="263"/>
        <source>第 {q} 季度</source>
        <translation>Q{q}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="273"/>
        <source>为所选行新建措施 (Ctrl+R)</source>
        <translation>New action for the selected row (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="277"/>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="279"/>
        <source>季度(&amp;Q)：</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="286"/>
        <source>反复出现的不满意（同一网点、同一原因的二次回访）</source>
        <translation>Recurring dissatisfaction (second-round callbacks with the same outlet and reason)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="381"/>
        <source>共 {count} 条</source>
        <translation>{count} entries</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="384"/>
        <source>同一网点同一原因一季度达到 {threshold} 次视为反复出现；本季度 {recurring} 项，其中 {uncovered} 项尚无措施。</source>
        <translation>The same reason at the same outlet {threshold} times in a quarter counts as recurring; this quarter {recurring}, of which {uncovered} have no action yet.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="421"/>
        <source>仅组长、管理员可以验证</source>
        <translation>Only team leads and administrators can verify</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="430"/>
        <source>请先在看板上方选择当前用户。</source>
        <translation>Choose the current user at the top of the board first.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="464"/>
        <source>已保存纠正和预防措施。</source>
        <translation>Corrective and preventive action saved.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="475"/>
        <source>新建纠正和预防措施</source>
        <translation>New corrective and preventive action</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="487"/>
        <source>{year} 年第 {quarter} 季度{unit}因“{reason}”不满意 {count} 次。</source>
        <translation>{unit}: dissatisfied {count} times over “{reason}” in {year} Q{quarter}.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="491"/>
        <source>为反复出现的不满意新建措施</source>
        <translation>New action for recurring dissatisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="507"/>
        <source>已验证有效的措施不能再修改。</source>
        <translation>An action verified as effective can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="511"/>
        <source>编辑纠正和预防措施 {number}</source>
        <translation>Edit corrective and preventive action {number}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="525"/>
        <source>{number} 已落实，等待验证。</source>
        <translation>{number} implemented, awaiting verification.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="534"/>
        <source>仅组长、管理员可以验证纠正和预防措施。</source>
        <translation>Only team leads and administrators can verify corrective and preventive actions.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="551"/>
        <source>已验证 {number}。</source>
        <translation>Verified {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="564"/>
        <source>已保存 {path}。</source>
        <translation>Saved {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="571"/>
        <source>纠正和预防措施记录-{number}</source>
        <translation>CAPA record-{number}</translation>
    </message>
</context>
<context>
    <name>CaseHistoryDialog</name>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="99"/>
        <source>业务件历史</source>
        <translation>Case history</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="112"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="182"/>
        <source>业务件历史 {case_no}</source>
        <translation>Case history {case_no}</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="40"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="41"/>
        <source>办理事项类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="42"/>
        <source>受理网点</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="43"/>
        <source>办结日期</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="44"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="45"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="46"/>
        <source>回访情况</source>
        <translation>Revisit</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="47"/>
        <source>回访队列</source>
        <translation>Call queue</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="50"/>
        <source>已回访</source>
        <translation>Revisited</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="51"/>
        <source>已网上评价</source>
        <translation>Evaluated online</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="52"/>
        <source>无法联系</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="234"/>
        <source>未回访</source>
        <translation>Not revisited</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="249"/>
        <source>回访中</source>
        <translation>In a call</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="251"/>
        <source>预约 {at}</source>
        <translation>Appointment {at}</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="255"/>
        <source>待二次回访</source>
        <translation>Second round due</translation>
    </message>
    <message>
        <location filename="../../ui/case_list/case_list_model.py" line="256"/>
        <source>待回访</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="79"/>
        <source>业务编号、申请人或电话（全号或尾号）</source>
        <translation>Case no., applicant or phone (whole number or last digits)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="82"/>
        <source>业务编号或申请人：输入开头即可；电话：输入完整号码，或最后 4–8 位。
回车立即查找，↓ 到列表。</source>
        <translation>Case no. or applicant: the beginning is enough; phone: the whole number, or its last 4–8 digits.
Enter searches at once, ↓ goes to the list.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="89"/>
        <source>查找(&amp;D)：</source>
        <translation>Fin&amp;d:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="92"/>
        <source>全部网点</source>
        <translation>All outlets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="94"/>
        <source>受理网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="121"/>
        <source>业务件历史 (Enter)</source>
        <translation>Case history (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="124"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="129"/>
        <source>号码已隐去中间四位；完整号码仅在回访工作台显示当前件。</source>
        <translation>Numbers are shown with their middle hidden; the full number only for the case held at the Call desk.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="215"/>
        <source>共 {count} 件</source>
        <translation>Cases: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="216"/>
        <source>按业务编号找到 {count} 件</source>
        <translation>Found by case no.: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="217"/>
        <source>按申请人找到 {count} 件</source>
        <translation>Found by applicant: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="218"/>
        <source>按电话找到 {count} 件</source>
        <translation>Found by phone: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="219"/>
        <source>按电话尾号找到 {count} 件</source>
        <translation>Found by the phone&apos;s last digits: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="224"/>
        <source>已列出 {count} 件，正在统计总数…</source>
        <translation>Listed: {count}; counting them all…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_list_page.py" line="226"/>
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="76"/>
        <source>业务编号：</source>
        <translation>Case no.:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="77"/>
        <source>办理事项类型：</source>
        <translation>Business type:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="78"/>
        <source>受理单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="79"/>
        <source>办结日期：</source>
        <translation>Completed on:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="80"/>
        <source>申请人：</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="81"/>
        <source>座落：</source>
        <translation>Location:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="90"/>
        <source>拨号 (Ctrl+D)</source>
        <translation>Dial (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="94"/>
        <source>挂断 (F8)</source>
        <translation>Hang up (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="98"/>
        <source>下一个号码 (Ctrl+→)</source>
        <translation>Next no. (Ctrl+→)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="102"/>
        <source>通话时长，从拨号开始计时</source>
        <translation>Call time, counted from dialling</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="103"/>
        <source>通话时长</source>
        <translation>Call time</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="110"/>
        <source>通话状态</source>
        <translation>Call state</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="112"/>
        <source>这个件没有可拨打的号码。</source>
        <translation>This case has no number to dial.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="175"/>
        <source>（无效号码）</source>
        <translation> (not a valid number)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="177"/>
        <source>（免打扰，不可拨打）</source>
        <translation> (do-not-call, not to be dialled)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="195"/>
        <source>第 {n}/{count} 个号码</source>
        <translation>number {n} of {count}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="228"/>
        <source>回访记录</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="229"/>
        <source>以往评价</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="231"/>
        <source>还没有拨打过。</source>
        <translation>No call yet.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="234"/>
        <source>没有评价。</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="250"/>
        <source>二次回访：不满意原因</source>
        <translation>Second round: reason for dissatisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="252"/>
        <source>{reason}；期限 {due}</source>
        <translation>{reason}; due {due}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="260"/>
        <source>被回访人反映：{words}</source>
        <translation>The respondent said: {words}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="277"/>
        <source>已超期 {days} 个工作日</source>
        <translation>{days} working days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="279"/>
        <source>已超期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="297"/>
        <source>{at} {channel} 第 {round} 轮：总体 {overall} · 效率 {efficiency} · 态度 {attitude} · 材料 {materials}</source>
        <translation>{at} {channel}, round {round}: overall {overall} · efficiency {efficiency} · attitude {attitude} · materials {materials}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="309"/>
        <source>；建议：{text}</source>
        <translation>; suggestion: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="315"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="316"/>
        <source>上门/当面</source>
        <translation>Visit / in person</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="317"/>
        <source>短信/微信</source>
        <translation>SMS / WeChat</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="318"/>
        <source>信函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="319"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>CentrePage</name>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="200"/>
        <source>本中心与受理单位</source>
        <translation>The centre and its accepting units</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="203"/>
        <source>受理单位是办理业务、接受回访考核的登记中心或大厅。每行一个；也可以从登记系统导出的业务件文件中读取。以后可在“管理 → 受理单位”中修改。</source>
        <translation>Accepting units are the registration centres or halls that handle cases and are assessed by the revisits. One per line, or read them from a case export of the registration system. They can be changed later in Admin → Accepting units.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="208"/>
        <source>如：济南市不动产登记中心</source>
        <translation>e.g. 济南市不动产登记中心</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="210"/>
        <source>历下区不动产登记中心
市中区不动产登记中心</source>
        <translation>历下区不动产登记中心
市中区不动产登记中心</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="212"/>
        <source>从业务件导出文件读取(&amp;R)…</source>
        <translation>&amp;Read from a case export…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="217"/>
        <source>本中心名称(&amp;C)：</source>
        <translation>&amp;Centre&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="220"/>
        <source>受理单位(&amp;U)：</source>
        <translation>Accepting &amp;units:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="240"/>
        <source>业务件导出文件</source>
        <translation>Case export</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="242"/>
        <source>业务件导出文件 (*.csv *.xlsx *.xls)</source>
        <translation>Case exports (*.csv *.xlsx *.xls)</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="277"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="284"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="287"/>
        <source>返回修改(&amp;B)</source>
        <translation>&amp;Back to editing</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="293"/>
        <source>将保存以下 {n} 项更改（原值 → 新值）：</source>
        <translation>The following {n} changes will be saved (old value → new value):</translation>
    </message>
</context>
<context>
    <name>CommendationDialog</name>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="37"/>
        <source>记录表扬</source>
        <translation>Record commendation</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="37"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="40"/>
        <source>（被投诉人员或经办人）</source>
        <translation>(staff complained about, or the handler)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="42"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="47"/>
        <source>（人员所属网点）</source>
        <translation>(the person&apos;s outlet)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="57"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="58"/>
        <source>表扬的内容：信件、锦旗、感谢的话……</source>
        <translation>What the praise says: a letter, a banner, words of thanks…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="61"/>
        <source>受表扬人员(&amp;S)：</source>
        <translation>Commended &amp;staff:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="64"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="65"/>
        <location filename="../../ui/supervision/commendation_dialog.py" line="69"/>
        <source>收到日期(&amp;D)：</source>
        <translation>&amp;Date received:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="66"/>
        <source>业务编号(&amp;C)：</source>
        <translation>&amp;Case no.:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="70"/>
        <source>内容(&amp;T)：</source>
        <translation>Con&amp;tent:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="92"/>
        <source>请填写表扬的内容</source>
        <translation>Fill in what the praise says</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendation_dialog.py" line="96"/>
        <source>表扬内容不能超过 {limit} 字</source>
        <translation>The praise can be at most {limit} characters</translation>
    </message>
</context>
<context>
    <name>CommendationModel</name>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="71"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="72"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="73"/>
        <source>受表扬人员</source>
        <translation>Staff commended</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="74"/>
        <source>网点</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="75"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="76"/>
        <source>表扬内容</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="77"/>
        <source>典型</source>
        <translation>Exemplary</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="108"/>
        <source>★ 典型</source>
        <translation>★ Exemplary</translation>
    </message>
</context>
<context>
    <name>CommendationsTab</name>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="65"/>
        <source>电话回访</source>
        <translation>Phone revisit</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="66"/>
        <source>意见箱（簿）</source>
        <translation>Suggestion box / book</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="67"/>
        <source>投诉建议</source>
        <translation>Complaint / suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="68"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="148"/>
        <location filename="../../ui/supervision/commendations_tab.py" line="277"/>
        <source>全部网点</source>
        <translation>All outlets</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="150"/>
        <location filename="../../ui/supervision/commendations_tab.py" line="278"/>
        <source>全部人员</source>
        <translation>All staff</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="152"/>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="160"/>
        <source>年度(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="161"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="162"/>
        <source>人员(&amp;R)：</source>
        <translation>Pe&amp;rson:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="163"/>
        <source>来源(&amp;O)：</source>
        <translation>S&amp;ource:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="186"/>
        <source>记录表扬 (Ctrl+N)</source>
        <translation>Record commendation (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="188"/>
        <location filename="../../ui/supervision/commendations_tab.py" line="327"/>
        <source>标为典型 (Ctrl+E)</source>
        <translation>Mark exemplary (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="190"/>
        <source>打印年度先进名单 (Ctrl+P)</source>
        <translation>Print honour roll (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="192"/>
        <source>导出 Excel (Ctrl+S)</source>
        <translation>Export Excel (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="298"/>
        <source>共 {count} 条，其中典型 {exemplary} 条</source>
        <translation>{count} entries, {exemplary} exemplary</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="323"/>
        <source>仅组长、管理员可以评选典型</source>
        <translation>Only team leads and administrators choose exemplary staff</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="325"/>
        <source>取消典型 (Ctrl+E)</source>
        <translation>Unmark exemplary (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="359"/>
        <source>已记录表扬。</source>
        <translation>Commendation recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="399"/>
        <source>已标为典型：{name}</source>
        <translation>Marked exemplary: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="401"/>
        <source>已取消典型：{name}</source>
        <translation>No longer exemplary: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="413"/>
        <source>{year}年度先进模范人物和典型事例</source>
        <translation>Honour roll {year}: model staff and exemplary deeds</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="430"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="433"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/commendations_tab.py" line="450"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="110"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="126"/>
        <source>投诉时间：</source>
        <translation>Complained at:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="127"/>
        <source>投诉方式：</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="128"/>
        <source>投诉人：</source>
        <translation>Complainant:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="129"/>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="130"/>
        <source>地址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="131"/>
        <source>被投诉网点：</source>
        <translation>Outlet complained about:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="132"/>
        <source>被投诉人员：</source>
        <translation>Staff complained about:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="133"/>
        <source>关联业务编号：</source>
        <translation>Related case no.:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="134"/>
        <source>受理人：</source>
        <translation>Received by:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="135"/>
        <source>投诉内容：</source>
        <translation>Complaint:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="136"/>
        <source>首次联系：</source>
        <translation>First contact:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="137"/>
        <source>处理意见：</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="138"/>
        <source>投诉人意见：</source>
        <translation>Complainant&apos;s opinion:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="139"/>
        <source>办结：</source>
        <translation>Closed:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="140"/>
        <source>纠正措施：</source>
        <translation>Corrective actions:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="156"/>
        <source>处理时限（工作日）</source>
        <translation>Time limits (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="159"/>
        <source>首次联系</source>
        <translation>First contact</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="159"/>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="169"/>
        <source>次数</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="170"/>
        <source>签发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="171"/>
        <source>签发人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="172"/>
        <source>承办网点</source>
        <translation>Handling outlet</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="173"/>
        <source>回复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="174"/>
        <source>回复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="189"/>
        <source>督办（投诉督办表 H.2，每次签发均保留）</source>
        <translation>Supervision orders (complaint supervision form H.2; every order issued is kept)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="212"/>
        <source>首次联系(&amp;F)</source>
        <translation>&amp;First contact</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="213"/>
        <source>答复(&amp;R)</source>
        <translation>Answe&amp;r</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="214"/>
        <source>投诉人意见(&amp;O)</source>
        <translation>Complainant&apos;s &amp;opinion</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="215"/>
        <source>办结(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="216"/>
        <source>重新打开(&amp;E)</source>
        <translation>R&amp;eopen</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="217"/>
        <location filename="../../ui/complaints/complaint_dialog.py" line="452"/>
        <source>签发督办(&amp;D)</source>
        <translation>Issue supervision or&amp;der</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="218"/>
        <source>督办回复(&amp;B)</source>
        <translation>Supervision reply (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="219"/>
        <source>打印 H.1(&amp;P)</source>
        <translation>&amp;Print H.1</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="220"/>
        <source>打印 H.2(&amp;H)</source>
        <translation>Print &amp;H.2</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="221"/>
        <source>纠正和预防措施(&amp;A)</source>
        <translation>C&amp;APA</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="222"/>
        <source>感谢表扬(&amp;K)</source>
        <translation>Record than&amp;ks</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="231"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="286"/>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="309"/>
        <source>尚未联系</source>
        <translation>Not contacted yet</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="314"/>
        <location filename="../../ui/complaints/complaint_dialog.py" line="445"/>
        <source>尚未答复</source>
        <translation>Not answered yet</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="317"/>
        <source>尚未记录</source>
        <translation>Not recorded yet</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="319"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="319"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="321"/>
        <source>未办结</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="324"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="335"/>
        <source>，完成于 {at}</source>
        <translation>, done {at}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="338"/>
        <source>期限 {due}{done}：{state}</source>
        <translation>Due {due}{done}: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="349"/>
        <source>{at} 已回复</source>
        <translation>Replied {at}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="351"/>
        <source>待回复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="393"/>
        <source>督办意见：{opinion}

处理结果和整改情况：{reply}</source>
        <translation>Supervision opinion: {opinion}

Outcome and corrections: {reply}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="394"/>
        <source>（尚未回复）</source>
        <translation>(no reply yet)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="411"/>
        <source>请先在看板上方选择当前用户</source>
        <translation>Choose the current user at the top of the board first</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="412"/>
        <source>仅组长、管理员可以办理</source>
        <translation>Team leads and administrators only</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="426"/>
        <source>投诉已办结</source>
        <translation>The complaint is closed</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="430"/>
        <source>已记录首次联系</source>
        <translation>First contact recorded</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="437"/>
        <source>答复后才有投诉人意见</source>
        <translation>The complainant&apos;s opinion comes after the answer</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="447"/>
        <source>督办尚未回复</source>
        <translation>The supervision order has no reply yet</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="450"/>
        <source>投诉尚未办结</source>
        <translation>The complaint is not closed</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="452"/>
        <source>再次督办(&amp;D)</source>
        <translation>Issue another or&amp;der</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="458"/>
        <source>请选择一张尚未回复的督办表</source>
        <translation>Choose a supervision order that has no reply yet</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="463"/>
        <source>还没有督办表</source>
        <translation>No supervision order yet</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="466"/>
        <source>可以签发督办表。</source>
        <translation>A supervision order can be issued.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="473"/>
        <source>请先在看板上方选择当前用户。</source>
        <translation>Choose the current user at the top of the board first.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="507"/>
        <source>首次联系投诉人 {number}</source>
        <translation>First contact with complainant {number}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="508"/>
        <source>联系时间(&amp;T)：</source>
        <translation>&amp;Time of contact:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="509"/>
        <source>联系情况(&amp;N)：</source>
        <translation>Contact &amp;notes:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="510"/>
        <source>怎样联系的，投诉人说了什么，向其作了哪些说明（必填）</source>
        <translation>How the contact was made, what the complainant said, what was explained to them (required)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="511"/>
        <location filename="../../ui/complaints/complaint_dialog.py" line="539"/>
        <location filename="../../ui/complaints/complaint_dialog.py" line="652"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="523"/>
        <source>已记录首次联系。</source>
        <translation>First contact recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="535"/>
        <source>答复投诉人 {number}</source>
        <translation>Answer complainant {number}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="536"/>
        <source>答复时间(&amp;T)：</source>
        <translation>&amp;Time of answer:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="537"/>
        <source>处理意见(&amp;R)：</source>
        <translation>&amp;Resolution:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="538"/>
        <source>向投诉人答复的处理意见（必填）</source>
        <translation>The resolution given to the complainant (required)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="552"/>
        <source>已记录答复。</source>
        <translation>Answer recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="575"/>
        <source>已记录投诉人意见。</source>
        <translation>Complainant&apos;s opinion recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="589"/>
        <source>已办结。</source>
        <translation>Closed.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="597"/>
        <source>重新打开 {number}</source>
        <translation>Reopen {number}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="598"/>
        <source>重新打开的原因（如投诉人仍有意见）：</source>
        <translation>Why it is reopened (e.g. the complainant still objects):</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="599"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="609"/>
        <source>已重新打开。</source>
        <translation>Reopened.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="636"/>
        <source>已签发第 {sequence} 次督办。</source>
        <translation>Supervision order no. {sequence} issued.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="648"/>
        <source>{title}的回复</source>
        <translation>Reply to {title}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="649"/>
        <source>回复时间(&amp;T)：</source>
        <translation>&amp;Time of reply:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="650"/>
        <source>处理结果和整改情况(&amp;R)：</source>
        <translation>&amp;Result and corrections:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="651"/>
        <source>承办网点书面回复的处理结果和整改情况（必填）</source>
        <translation>The outcome and corrections the handling outlet reported in writing (required)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="664"/>
        <source>已记录{title}的回复。</source>
        <translation>Reply to {title} recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="678"/>
        <source>建议登记表</source>
        <translation>Suggestion registration form</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="678"/>
        <source>投诉登记表</source>
        <translation>Complaint registration form</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="700"/>
        <source>投诉督办表-{number}-第{sequence}次</source>
        <translation>Complaint supervision form-{number}-{sequence}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="712"/>
        <source>已保存 {path}。</source>
        <translation>Saved {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="726"/>
        <source>投诉人感谢：记为表扬</source>
        <translation>Complainant&apos;s thanks: record as a commendation</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="741"/>
        <source>已记为表扬。</source>
        <translation>Recorded as a commendation.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="764"/>
        <source>记录纠正和预防措施（{number}）</source>
        <translation>Record corrective and preventive action ({number})</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_dialog.py" line="775"/>
        <source>已记录纠正和预防措施。</source>
        <translation>Corrective and preventive action recorded.</translation>
    </message>
</context>
<context>
    <name>ComplaintModel</name>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="29"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="30"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="31"/>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="32"/>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="33"/>
        <source>被投诉网点</source>
        <translation>Outlet complained about</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="34"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="35"/>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="36"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="37"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="38"/>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="39"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="95"/>
        <source>{count} 次（待回复）</source>
        <translation>{count} (awaiting reply)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="96"/>
        <source>{count} 次</source>
        <translation>{count}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="104"/>
        <source>首次联系：期限 {due}，{state}</source>
        <translation>First contact: due {due}, {state}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="107"/>
        <source>答复：期限 {due}，{state}</source>
        <translation>Answer: due {due}, {state}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaint_model.py" line="113"/>
        <source>督办回复：期限 {due}，{state}</source>
        <translation>Supervision reply: due {due}, {state}</translation>
    </message>
</context>
<context>
    <name>ComplaintPdf</name>
    <message>
        <location filename="../../ui/complaints/pdf_saving.py" line="40"/>
        <source>保存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/pdf_saving.py" line="43"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/pdf_saving.py" line="62"/>
        <source>已保存到 {path}，但无法自动打开，请手动打开打印。</source>
        <translation>Saved to {path}, but it could not be opened automatically; open it by hand to print.</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="94"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="98"/>
        <location filename="../../ui/complaints/complaints_tab.py" line="219"/>
        <source>全部网点</source>
        <translation>All outlets</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="100"/>
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="104"/>
        <source>投诉和建议</source>
        <translation>Complaints and suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="107"/>
        <source>只看逾期(&amp;L)</source>
        <translation>Only &amp;late</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="114"/>
        <source>状态(&amp;T)：</source>
        <translation>Sta&amp;tus:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="115"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="116"/>
        <source>分类(&amp;G)：</source>
        <translation>Cate&amp;gory:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="117"/>
        <source>类型(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="143"/>
        <source>登记投诉/建议 (Ctrl+N)</source>
        <translation>Register complaint / suggestion (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="145"/>
        <source>打开 (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="147"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="234"/>
        <source>共 {count} 件，其中逾期 {late} 件</source>
        <translation>{count} in all, {late} overdue</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="265"/>
        <source>请先在列表中选择一件投诉。</source>
        <translation>Select a complaint in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="290"/>
        <source>请先在上方选择当前用户。</source>
        <translation>Choose the current user above first.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="293"/>
        <source>您的角色不能登记投诉。</source>
        <translation>Your role cannot register complaints.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/complaints_tab.py" line="328"/>
        <source>已登记 {number}：首次联系期限 {first}，答复期限 {reply}。</source>
        <translation>Registered {number}: first contact due {first}, answer due {reply}.</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="63"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="64"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="65"/>
        <source>传入自</source>
        <translation>Came from</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="66"/>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="94"/>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="99"/>
        <source>同一条记录在两处都被修改过</source>
        <translation>The same record was changed in both places</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="106"/>
        <source>导入同步文件时，这些记录在本库和传入的文件中都有改动。本库的记录在您决定之前保持不变。请比较两个版本（不同之处排在前面并标出），决定保留哪一个；决定会记入审计日志。</source>
        <translation>When the sync file was imported, these records had changes both in this database and in the incoming file. This database keeps its record until you decide. Compare the two versions (the differences come first and are marked) and decide which one to keep; the decision is written to the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="135"/>
        <source>保留本库版本(&amp;L)</source>
        <translation>Keep &amp;local version</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="139"/>
        <source>采用传入版本(&amp;I)</source>
        <translation>Use &amp;incoming version</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="142"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="145"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="194"/>
        <source>共 {n} 处冲突待处理</source>
        <translation>{n} conflicts to resolve</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="197"/>
        <source>没有待处理的同步冲突。</source>
        <translation>No sync conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="208"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="209"/>
        <source>本库的版本</source>
        <translation>Local version</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="210"/>
        <source>传入的版本（{site}）</source>
        <translation>Incoming version ({site})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="212"/>
        <source>传入的版本</source>
        <translation>Incoming version</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="235"/>
        <source>本库版本最后修改于 {local}；传入版本修改于 {incoming}。</source>
        <translation>Local version last changed {local}; incoming version changed {incoming}.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="239"/>
        <source> 发现冲突之后本库的记录又改过，上面显示的是它现在的内容。</source>
        <translation> The local record has changed again since the conflict was found; what is shown above is its current content.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="241"/>
        <source>有 {n} 个字段不同。</source>
        <translation>{n} fields differ.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="39"/>
        <source>记录联系 {case_no}</source>
        <translation>Record contact {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="39"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="48"/>
        <source>被回访人说了什么，向其作了哪些解释（必填）</source>
        <translation>What the respondent said and what was explained to them (required)</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="50"/>
        <source>向被回访人承诺的事项和时间（可不填）</source>
        <translation>What was promised to the respondent, and by when (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="52"/>
        <source>联系时间(&amp;T)：</source>
        <translation>&amp;Time of contact:</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="53"/>
        <source>联系方式(&amp;M)：</source>
        <translation>Contact &amp;method:</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="54"/>
        <source>沟通内容(&amp;S)：</source>
        <translation>&amp;Summary:</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="55"/>
        <source>承诺事项(&amp;P)：</source>
        <translation>&amp;Promises:</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="62"/>
        <source>请填写沟通内容。</source>
        <translation>Fill in the summary.</translation>
    </message>
</context>
<context>
    <name>CoverageChart</name>
    <message>
        <location filename="../../ui/statistics/charts.py" line="111"/>
        <source>回访覆盖率 %（红色：低于目标）</source>
        <translation>Revisit coverage % (red: below target)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/charts.py" line="112"/>
        <source>覆盖率 %</source>
        <translation>Coverage %</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/charts.py" line="123"/>
        <source>目标 {target:g}%</source>
        <translation>Target {target:g}%</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="69"/>
        <source>竖线为目标；“需拨打”按接通率估算。</source>
        <translation>The line marks the target; “to call” is estimated from the completion rate.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="82"/>
        <source>{year} 年第 {quarter} 季度：还没有办结的业务件</source>
        <translation>{year} Q{quarter}: no case completed yet</translation>
    </message>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="84"/>
        <source>{year} 年第 {quarter} 季度：{short} 个单位未达到目标</source>
        <translation>{year} Q{quarter}: below target: {short}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="86"/>
        <source>{year} 年第 {quarter} 季度：各单位均已达到目标</source>
        <translation>{year} Q{quarter}: every unit has reached its target</translation>
    </message>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="104"/>
        <source>{coverage:.0%}（目标 {target:.0%}）</source>
        <translation>{coverage:.0%} (target {target:.0%})</translation>
    </message>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="110"/>
        <source>已回访 {revisited}/{cases} 件</source>
        <translation>revisited {revisited} of {cases}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="115"/>
        <source>还差 {shortfall} 件 · 需拨打 {calls}</source>
        <translation>{shortfall} short · {calls} to call</translation>
    </message>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="118"/>
        <source>余量还差 {shortfall} 件 · 需拨打 {calls}</source>
        <translation>{shortfall} short of the margin · {calls} to call</translation>
    </message>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="121"/>
        <source>已达标</source>
        <translation>target reached</translation>
    </message>
    <message>
        <location filename="../../ui/desk/coverage_view.py" line="133"/>
        <source>{unit}
网上 {online} · 电话 {phone} · 企业 {enterprise}
队列中 {queued} 件 · 无有效号码 {no_phone} 件</source>
        <translation>{unit}
online {online} · phone {phone} · enterprise {enterprise}
queued {queued} · no valid number {no_phone}</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <location filename="../../ui/backup/daily.py" line="79"/>
        <source>已自动备份到 {path}</source>
        <translation>Automatically backed up to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/backup/daily.py" line="81"/>
        <source>，并删除了 {n} 份较早的自动备份</source>
        <translation>, and deleted {n} older automatic backups</translation>
    </message>
    <message>
        <location filename="../../ui/backup/daily.py" line="88"/>
        <source>自动备份没有完成：{error}</source>
        <translation>The automatic backup did not complete: {error}</translation>
    </message>
</context>
<context>
    <name>DatabaseStatus</name>
    <message>
        <location filename="../../ui/database_status.py" line="18"/>
        <source>数据库：{url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location filename="../../ui/database_status.py" line="31"/>
        <source>业务件 {cases} 件 · 评价 {evaluations} 条</source>
        <translation>{cases} cases · {evaluations} evaluations</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="253"/>
        <source>申诉复核结论 {case_no}</source>
        <translation>Appeal decision {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="253"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="259"/>
        <source>申诉结论</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="261"/>
        <source>申诉成立（差评不成立）</source>
        <translation>Upheld (bad review set aside)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="262"/>
        <source>申诉不成立（差评成立，整改）</source>
        <translation>Rejected (bad review stands: rectify)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="266"/>
        <source>复核</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="268"/>
        <source>组长复核</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="269"/>
        <source>市局复核</source>
        <translation>City bureau</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="274"/>
        <source>作出复核结论的市局部门或人员</source>
        <translation>The city bureau office or person that decided</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="276"/>
        <source>市局部门(&amp;U)：</source>
        <translation>B&amp;ureau office:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="278"/>
        <source>复核意见（必填）</source>
        <translation>The reasons for the decision (required)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="279"/>
        <source>复核意见(&amp;O)：</source>
        <translation>&amp;Opinion:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="310"/>
        <source>还没有回答：{item}</source>
        <translation>Not answered yet: {item}</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="315"/>
        <source>请填写作出复核结论的市局部门或人员。</source>
        <translation>Name the city bureau office or person that decided.</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="318"/>
        <source>请填写复核意见。</source>
        <translation>Fill in the opinion.</translation>
    </message>
</context>
<context>
    <name>DeskDisplay</name>
    <message>
        <location filename="../../ui/desk/display.py" line="17"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/desk/display.py" line="18"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/desk/display.py" line="19"/>
        <source>一般</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/desk/display.py" line="20"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/desk/display.py" line="23"/>
        <source>扫码评价</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location filename="../../ui/desk/display.py" line="24"/>
        <source>好差评平台</source>
        <translation>好差评 platform</translation>
    </message>
    <message>
        <location filename="../../ui/desk/display.py" line="25"/>
        <source>电话回访</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/desk/display.py" line="26"/>
        <source>企业回访</source>
        <translation>Enterprise visit</translation>
    </message>
    <message>
        <location filename="../../ui/desk/display.py" line="37"/>
        <source>未答</source>
        <translation>no answer</translation>
    </message>
</context>
<context>
    <name>DoNotCallDialog</name>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="99"/>
        <source>免打扰号码</source>
        <translation>Do-not-call numbers</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="117"/>
        <source>例如 138 1234 5678 或 0531-8612 3456</source>
        <translation>e.g. 138 1234 5678 or 0531-8612 3456</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="120"/>
        <source>标记的原因；解除时必填</source>
        <translation>Reason for the mark; required to clear it</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="121"/>
        <source>标记(&amp;M)</source>
        <translation>&amp;Mark</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="122"/>
        <source>把这个号码标记为免打扰：任何方式都不再拨打</source>
        <translation>Mark this number do-not-call: it is never dialled again, in any way</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="124"/>
        <source>解除标记(&amp;C)</source>
        <translation>&amp;Unmark</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="125"/>
        <source>解除这个号码的免打扰标记，须填写原因，记入审计日志</source>
        <translation>Clear this number&apos;s do-not-call mark: needs a reason, recorded in the audit log</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="127"/>
        <source>导入名单(&amp;I)…</source>
        <translation>&amp;Import list…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="129"/>
        <source>CSV 或 .xlsx，每行一个号码，第二列可写原因；有一行出错则整份不导入</source>
        <translation>CSV or .xlsx, one number a row, a reason optional in the second column; if any row is wrong, nothing is imported</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="133"/>
        <source>号码(&amp;N)：</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="134"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="144"/>
        <source>标记为免打扰的号码不会再被拨打：回访队列、预约、二次回访和手工拨号都会跳过它；导入业务件或其他通话结果都不会解除标记，只有管理员可以解除。标记一直保留，不受数据保留期限影响（这是本人的要求）。</source>
        <translation>A do-not-call number is never dialled again: the queue, appointments, second rounds and manual dialling all skip it; neither importing cases nor any call outcome clears the mark, only an administrator can. The mark is kept for good, whatever the retention period (it is the person&apos;s own request).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="177"/>
        <source>共 {n} 个免打扰号码</source>
        <translation>{n} do-not-call numbers</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="202"/>
        <source>已标记 {number} 为免打扰。</source>
        <translation>{number} marked do-not-call.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="204"/>
        <source>{number} 原已是免打扰号码。</source>
        <translation>{number} was already do-not-call.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="215"/>
        <source>已解除 {number} 的免打扰标记。</source>
        <translation>Do-not-call mark of {number} cleared.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="220"/>
        <source>导入免打扰名单</source>
        <translation>Import do-not-call list</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="222"/>
        <source>名单 (*.csv *.txt *.xlsx)</source>
        <translation>Lists (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="238"/>
        <source>名单 {rows} 行：新标记 {marked} 个号码，{already} 个原已标记；{ended} 个排队中的业务件因无号码可拨而结束。</source>
        <translation>List of {rows} rows: {marked} numbers newly marked, {already} already marked; {ended} queued cases closed with no number left to dial.</translation>
    </message>
</context>
<context>
    <name>DoNotCallModel</name>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="64"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="65"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="66"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="67"/>
        <source>标记时间</source>
        <translation>Marked at</translation>
    </message>
    <message>
        <location filename="../../ui/admin/do_not_call_dialog.py" line="68"/>
        <source>标记人</source>
        <translation>Marked by</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="34"/>
        <source>加密数据库文件</source>
        <translation>Encrypt the database file</translation>
    </message>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="39"/>
        <source>加密后，数据库文件和它旁边的附件只能通过登录打开：丢失的电脑或拷走的文件里读不到任何电话号码。</source>
        <translation>Once encrypted, the database file and the attachments beside it open only through a log-in: a lost laptop or a copied file gives away no phone number.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="42"/>
        <source>加密前会先做一份备份；请先关闭在这个文件上打开的其他回访台窗口。</source>
        <translation>A backup is made first. Close any other RevisitDesk window open on this file before you go on.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="50"/>
        <source>本机还没有恢复密钥：加密后请立即制作一个（文件 → 网点同步 → 密钥交换），否则忘记全部管理员密码后数据库将无法打开。</source>
        <translation>This installation has no recovery key yet: make one right after encrypting (File → Outlet sync → Key exchange), or the database cannot be opened once every administrator&apos;s password is forgotten.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="60"/>
        <source>以下用户的密码只以不可逆的形式保存，加密后他们要等管理员重设密码，或在已解锁的窗口中“切换用户”登录一次，才能在新启动时打开数据库：{names}</source>
        <translation>Only hashes of these users&apos; passwords are kept: after encrypting, each can open the database at a new start once an administrator sets a new password for them, or once they log in at a window already unlocked (Switch user): {names}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="72"/>
        <source>您的密码(&amp;P)：</source>
        <translation>Your &amp;password:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="80"/>
        <source>加密(&amp;E)</source>
        <translation>&amp;Encrypt</translation>
    </message>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="101"/>
        <source>请输入您的密码。</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="115"/>
        <source>正在备份并加密数据库…</source>
        <translation>Backing up and encrypting the database…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/encrypt_dialog.py" line="121"/>
        <source>数据库文件已加密</source>
        <translation>The database file is encrypted</translation>
    </message>
</context>
<context>
    <name>EnterprisePage</name>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="132"/>
        <location filename="../../ui/pages/enterprise_page.py" line="291"/>
        <source>全部网点</source>
        <translation>All outlets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="134"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="137"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="141"/>
        <source>状态(&amp;T)：</source>
        <translation>Sta&amp;tus:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="144"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="178"/>
        <source>录入答卷</source>
        <translation>Enter answers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="179"/>
        <source>标记已收回</source>
        <translation>Mark returned</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="180"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="181"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="182"/>
        <source>打印选中</source>
        <translation>Print selected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="185"/>
        <source>打印本网点全部待办</source>
        <translation>Print outlet&apos;s due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="190"/>
        <location filename="../../ui/pages/enterprise_page.py" line="635"/>
        <source>打印评价二维码条</source>
        <translation>QR slips</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="191"/>
        <location filename="../../ui/pages/enterprise_page.py" line="643"/>
        <source>打印空白回访单</source>
        <translation>Blank Form A</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="194"/>
        <source>{action}（{keys}）</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="200"/>
        <source>把所选网点全部待打印、已打印未收回的反馈单打印在一起（Ctrl+Shift+P）</source>
        <translation>Print every form of the chosen outlet still to print or printed and not yet returned, in one document (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="203"/>
        <source>已核对扫描件上的企业公章或经办人签字，与录入内容一致（F7）</source>
        <translation>The enterprise seal or the agent&apos;s signature on the scan was checked and matches the answers entered (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="210"/>
        <source>取消生成(Esc)</source>
        <translation>Stop (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="308"/>
        <source>共 {count} 份</source>
        <translation>{count} forms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="351"/>
        <source>请先在列表中选择反馈单。</source>
        <translation>Select forms in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="365"/>
        <source>已标记收回 {count} 份。</source>
        <translation>{count} forms marked returned.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="376"/>
        <source>核验反馈单</source>
        <translation>Verify form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="378"/>
        <source>{case_no}：已核对扫描件上的企业公章或经办人签字，录入内容与纸质反馈单一致。
核验人：</source>
        <translation>{case_no}: the enterprise seal or the agent&apos;s signature on the scan was checked, and the answers entered match the paper form.
Verified by:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="391"/>
        <source>已核验 {case_no}。</source>
        <translation>{case_no} verified.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="402"/>
        <source>归档反馈单</source>
        <translation>Archive form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="403"/>
        <source>{case_no}：纸质反馈单的存放位置（如 档案柜A-2026-11）：</source>
        <translation>{case_no}: where the paper form is kept (e.g. Cabinet A-2026-11):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="418"/>
        <source>已归档 {case_no}。</source>
        <translation>{case_no} archived.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="447"/>
        <source>{case_no} 已{status}，不能再修改答卷。</source>
        <translation>{case_no} is {status}: its answers can no longer change.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="501"/>
        <source>已保存 {case_no} 的答卷。</source>
        <translation>Answers of {case_no} saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="503"/>
        <source>已保存 {case_no} 的答卷，不满意已转二次回访。</source>
        <translation>Answers of {case_no} saved; the dissatisfaction went to a second-round callback.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="533"/>
        <source>已核验或已归档的反馈单不能重新打印：{cases}</source>
        <translation>Verified or archived forms cannot be printed again: {cases}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="541"/>
        <source>企业回访反馈单-{case_no}</source>
        <translation>Form B-{case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="543"/>
        <source>企业回访反馈单-{count}份</source>
        <translation>Form B-{count} forms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="551"/>
        <source>打印企业回访反馈单</source>
        <translation>Print Form B</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="558"/>
        <source>请先在“网点”中选择要打印的网点。</source>
        <translation>Choose the outlet to print for under &quot;Outlet&quot; first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="571"/>
        <source>打印 {unit} 全部待办反馈单</source>
        <translation>Print all forms due at {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="572"/>
        <source>企业回访反馈单-{unit}</source>
        <translation>Form B-{unit}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="573"/>
        <source>{unit} 没有待打印的反馈单。</source>
        <translation>{unit} has no forms due for printing.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="599"/>
        <source>示例评价地址</source>
        <translation>Sample evaluation address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="601"/>
        <source>网上评价地址仍是示例地址，群众扫描二维码会打不开。
请先在“设置 → 设置… → 打印”中填写本中心的网上评价地址。

仍要用示例地址打印吗（例如试打）？</source>
        <translation>The online evaluation address is still the sample address: it will not open when the public scan the QR code.
First enter this centre&apos;s online evaluation address under “Settings → Settings… → Printing”.

Print with the sample address anyway (e.g. as a test print)?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="608"/>
        <source>仍然打印(&amp;P)</source>
        <translation>&amp;Print anyway</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="617"/>
        <source>没有打印评价二维码条。</source>
        <translation>No evaluation QR slips were printed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="636"/>
        <source>评价二维码条-{count}件</source>
        <translation>Evaluation slips-{count} cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="643"/>
        <source>份数：</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="654"/>
        <source>打印空白回访单（附件 A）</source>
        <translation>Blank Form A</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="655"/>
        <source>空白回访单-{copies}份</source>
        <translation>Blank Form A-{copies} copies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="688"/>
        <source>已取消生成，什么也没有打印。</source>
        <translation>Stopped: nothing was printed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="695"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="712"/>
        <source>正在生成… 第 {done} / {total} 页</source>
        <translation>Writing… page {done} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="736"/>
        <source>已输出到 {where}。</source>
        <translation>Sent to {where}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="745"/>
        <source>已打印 {count} 份反馈单，输出到 {where}。</source>
        <translation>{count} forms printed, sent to {where}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="774"/>
        <source>无法写入文件：{reason}</source>
        <translation>Cannot write the file: {reason}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/error_dialog.py" line="20"/>
        <source>无法写入文件：{reason}</source>
        <translation>Cannot write the file: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="32"/>
        <source>无权操作</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="34"/>
        <source>不能完成</source>
        <translation>Cannot be done</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="46"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="47"/>
        <source>操作没有完成：发生了意外的错误。没有保存任何改动。</source>
        <translation>The operation did not complete: an unexpected error occurred. No changes were saved.</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="49"/>
        <source>可以再试一次。如果问题再次出现，请把下面的详细信息发给系统管理员。</source>
        <translation>You can try again. If the problem comes back, send the details below to your system administrator.</translation>
    </message>
</context>
<context>
    <name>EscalationModel</name>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="51"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="52"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="53"/>
        <source>受理单位</source>
        <translation>Accepting unit</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="54"/>
        <source>反映日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="55"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="56"/>
        <source>具体情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="57"/>
        <source>处理人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="58"/>
        <source>处理情况</source>
        <translation>Action taken</translation>
    </message>
</context>
<context>
    <name>ExampleAddress</name>
    <message>
        <location filename="../../ui/settings/example_address.py" line="38"/>
        <source>请设置网上评价地址</source>
        <translation>Set the online evaluation address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/example_address.py" line="39"/>
        <source>评价二维码条上的网上评价地址仍是示例地址（hcp.example.gov.cn），群众扫码会打不开（J 5.2.1）。
请在“设置 → 设置… → 打印”中填写本中心的地址。</source>
        <translation>The online evaluation address on the evaluation QR slips is still the sample address (hcp.example.gov.cn): it will not open when the public scan the code (J 5.2.1).
Enter this centre&apos;s address under “Settings → Settings… → Printing”.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/example_address.py" line="48"/>
        <source>打开设置(&amp;O)…</source>
        <translation>&amp;Open settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/example_address.py" line="52"/>
        <source>稍后(&amp;L)</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location filename="../../ui/settings/example_address.py" line="65"/>
        <source>网上评价地址仍是示例地址：请在“设置”中填写。</source>
        <translation>The online evaluation address is still the sample address: enter it in “Settings”.</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="404"/>
        <source>反馈评价人 {case_no}</source>
        <translation>Feed back to the citizen {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="404"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="412"/>
        <source>向评价人反馈的处理结果（必填）</source>
        <translation>The result fed back to the citizen (required)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="414"/>
        <source>评价人</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="416"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="417"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="418"/>
        <source>未表态</source>
        <translation>No opinion</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="422"/>
        <source>反馈方式(&amp;N)：</source>
        <translation>Feedback &amp;method:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="423"/>
        <source>反馈内容(&amp;K)：</source>
        <translation>Feedback &amp;text:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="433"/>
        <source>请填写反馈内容。</source>
        <translation>Fill in the feedback.</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="437"/>
        <source>请选择评价人对结果是否满意（或未表态）。</source>
        <translation>Choose whether the citizen is satisfied with the result (or gave no opinion).</translation>
    </message>
</context>
<context>
    <name>FeedbackEntriesModel</name>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="99"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="100"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="101"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="102"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="103"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="104"/>
        <source>原因/分类</source>
        <translation>Reason / category</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="105"/>
        <source>经办人/被投诉人员</source>
        <translation>Handling staff / staff complained about</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="106"/>
        <source>处理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="107"/>
        <source>处理情况</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="110"/>
        <source>评价建议</source>
        <translation>Evaluation suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="111"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="112"/>
        <source>意见建议</source>
        <translation>Registered suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="113"/>
        <source>不满意回访</source>
        <translation>Dissatisfied revisit</translation>
    </message>
</context>
<context>
    <name>FeedbackExport</name>
    <message>
        <location filename="../../ui/feedback/exporting.py" line="23"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/exporting.py" line="26"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/exporting.py" line="48"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/exporting.py" line="53"/>
        <source>没有写入权限，或文件正被其他程序（如 Excel）打开。</source>
        <translation>No permission to write, or the file is open in another program (such as Excel).</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/exporting.py" line="57"/>
        <source>文件夹不存在。</source>
        <translation>The folder does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/exporting.py" line="60"/>
        <source>没有导出 {path}：{reason}</source>
        <translation>Not exported to {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>FigureTables</name>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="37"/>
        <source>总体情况</source>
        <translation>Overall</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="38"/>
        <source>办事效率</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="39"/>
        <source>服务态度</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="40"/>
        <source>提交材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="43"/>
        <source>扫码评价</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="44"/>
        <source>好差评平台</source>
        <translation>Rating platform</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="45"/>
        <source>电话回访</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="46"/>
        <source>企业回访</source>
        <translation>Enterprise visit</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="49"/>
        <source>处理中</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="50"/>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="52"/>
        <source>（未分类）</source>
        <translation>(not classified)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="53"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="78"/>
        <source>回访情况</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="83"/>
        <source>占比 %</source>
        <translation>Share %</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="91"/>
        <location filename="../../ui/statistics/monthly_view.py" line="152"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="93"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="98"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="103"/>
        <source>一般</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="108"/>
        <location filename="../../ui/statistics/monthly_view.py" line="135"/>
        <location filename="../../ui/statistics/monthly_view.py" line="153"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="112"/>
        <source>未作答</source>
        <translation>Unanswered</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="113"/>
        <source>满意率 %</source>
        <translation>Satisfied %</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="120"/>
        <location filename="../../ui/statistics/monthly_view.py" line="286"/>
        <source>拨打次数</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="122"/>
        <source>拨打业务件</source>
        <translation>Cases called</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="124"/>
        <source>回访成功</source>
        <translation>Revisited</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="126"/>
        <source>回访率 %</source>
        <translation>Revisit rate %</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="128"/>
        <source>接通次数</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="129"/>
        <source>接通率 %</source>
        <translation>Reach rate %</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="131"/>
        <source>平均通话（秒）</source>
        <translation>Avg. call (s)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="154"/>
        <source>其中电话回访</source>
        <translation>Of which by phone</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="158"/>
        <source>不满意原因</source>
        <translation>Reason for dissatisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="161"/>
        <source>条数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="181"/>
        <source>服务对象原话</source>
        <translation>Respondent&apos;s words</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="165"/>
        <source>评价时间</source>
        <translation>Evaluated at</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="168"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="169"/>
        <location filename="../../ui/statistics/monthly_view.py" line="327"/>
        <source>受理单位</source>
        <translation>Accepting unit</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="171"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="49"/>
        <location filename="../../ui/statistics/monthly_view.py" line="174"/>
        <location filename="../../ui/statistics/monthly_view.py" line="331"/>
        <source>回访员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="50"/>
        <location filename="../../ui/statistics/monthly_view.py" line="141"/>
        <source>质检通话</source>
        <translation>QC calls</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="51"/>
        <location filename="../../ui/statistics/monthly_view.py" line="143"/>
        <source>质检平均分 %</source>
        <translation>QC average %</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_tab.py" line="52"/>
        <location filename="../../ui/statistics/monthly_view.py" line="147"/>
        <source>关键项不合格</source>
        <translation>Critical fails</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="176"/>
        <source>不满意项目</source>
        <translation>Dissatisfied items</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="185"/>
        <source>二次回访原因</source>
        <translation>Callback reason</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="187"/>
        <source>二次回访状态</source>
        <translation>Callback status</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="194"/>
        <source>二次回访记录</source>
        <translation>Callback notes</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="279"/>
        <source>业务件数</source>
        <translation>Cases</translation>
    </message>
</context>
<context>
    <name>FormA</name>
    <message>
        <location filename="../../ui/desk/form_a.py" line="42"/>
        <source>总体情况</source>
        <translation>Overall</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="43"/>
        <source>办事效率</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="44"/>
        <source>服务态度</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="45"/>
        <source>提交材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="49"/>
        <source>办事效率慢</source>
        <translation>Slow handling</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="50"/>
        <source>服务态度差</source>
        <translation>Poor attitude</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="51"/>
        <source>材料要求多/反复提交</source>
        <translation>Too many documents</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="52"/>
        <source>收费问题</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="53"/>
        <source>流程/系统问题</source>
        <translation>Procedure / system</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="54"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="211"/>
        <source>违反廉洁纪律</source>
        <translation>Integrity breach</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="213"/>
        <source>没有</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="214"/>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="218"/>
        <source>有无违反廉洁纪律：1 或 N 没有，2 或 Y 有</source>
        <translation>Were integrity rules broken? 1 or N: no, 2 or Y: yes</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="222"/>
        <source>原因类别</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="234"/>
        <source>不满意：请选原因类别并记录具体问题（必填）</source>
        <translation>Dissatisfied: choose the reason and write down the problem (required)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="427"/>
        <source>已标记为表扬：请在“建议”栏记下被回访人表扬的话（Ctrl+B 取消标记）</source>
        <translation>Marked as praise: write the respondent&apos;s words of praise under “Suggestion” (Ctrl+B unmarks)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="232"/>
        <source>被回访人反映的具体问题（必填）</source>
        <translation>What the respondent is dissatisfied with (required)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="241"/>
        <source>本件将立即标记并上报组长，仅处理人员可见。请记录具体情况。</source>
        <translation>The case is flagged to the team lead at once and shown only to those who handle it. Record the details.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="246"/>
        <source>违反廉洁纪律的具体情况（必填）</source>
        <translation>Details of the integrity breach (required)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="248"/>
        <source>廉洁纪律情况（必填）</source>
        <translation>Integrity breach (required)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="252"/>
        <source>有无建议（可不填，回车继续）</source>
        <translation>Any suggestion (optional; Enter moves on)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="253"/>
        <source>建议：</source>
        <translation>Suggestion:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="256"/>
        <source>表扬 (Ctrl+B)</source>
        <translation>Praise (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="260"/>
        <source>被回访人的建议是表扬：记为对本件经办人的表扬（再按一次取消）</source>
        <translation>The respondent&apos;s suggestion is praise: record it as a commendation of the case&apos;s handler (press again to cancel)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="280"/>
        <source>保存并下一件 (Ctrl+Enter)</source>
        <translation>Save and next (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="285"/>
        <source>数字键回答，答完自动跳到下一项；↑↓ 换行，退格清除。</source>
        <translation>Answer with the digit keys; the focus moves on by itself. ↑↓ change rows, Backspace clears.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="422"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="423"/>
        <source>还没有回答：{items}</source>
        <translation>Not answered yet: {items}</translation>
    </message>
</context>
<context>
    <name>FormBAnswersDialog</name>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="53"/>
        <source>录入企业回访反馈单：{case_no}</source>
        <translation>Enter Form B: {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="56"/>
        <source>非常熟悉</source>
        <translation>Very familiar</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="57"/>
        <source>一般</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="58"/>
        <source>不了解</source>
        <translation>Unfamiliar</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="71"/>
        <source>元，如 1,234.50</source>
        <translation>yuan, e.g. 1,234.50</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="79"/>
        <source>是否了解政策</source>
        <translation>Policy knowledge</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="86"/>
        <source>对服务是否满意</source>
        <translation>Satisfied with the service</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="101"/>
        <source>企业名称(&amp;N)：</source>
        <translation>Enterprise &amp;name:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="102"/>
        <source>办理登记类型(&amp;T)：</source>
        <translation>Registration &amp;type:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="103"/>
        <source>办理登记所用环节：</source>
        <translation>Steps of the registration:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="104"/>
        <source>所用时间（天）：</source>
        <translation>Time taken (days):</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="107"/>
        <source>登记费</source>
        <translation>Registration fee</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="108"/>
        <source>契税</source>
        <translation>Deed tax</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="109"/>
        <source>印花税</source>
        <translation>Stamp duty</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="117"/>
        <source>所缴纳费用（元）：</source>
        <translation>Fees paid (yuan):</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="119"/>
        <source>是否了解针对企业的
不动产登记政策：</source>
        <translation>Knows the registration
policy for enterprises:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="120"/>
        <source>对服务是否满意：</source>
        <translation>Satisfied with the service:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="121"/>
        <source>意见建议(&amp;S)：</source>
        <translation>&amp;Suggestions:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="122"/>
        <source>企业联系人(&amp;E)：</source>
        <translation>&amp;Enterprise contact:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="123"/>
        <source>回访联系人(&amp;R)：</source>
        <translation>&amp;Revisit contact:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="126"/>
        <source>按纸质反馈单逐项录入：回车到下一项，数字键选择答案，Ctrl+Enter 保存。</source>
        <translation>Type in the paper form field by field: Enter moves on, number keys choose answers, Ctrl+Enter saves.</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="134"/>
        <source>保存 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="138"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="192"/>
        <source>扫描件 第 {page}/{pages} 页</source>
        <translation>Scan, page {page}/{pages}</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="222"/>
        <source>合计：金额有误</source>
        <translation>Total: an amount is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="227"/>
        <source>合计：{total} 元</source>
        <translation>Total: {total} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="233"/>
        <source>请选择“对服务是否满意”。</source>
        <translation>Choose whether the enterprise is satisfied with the service.</translation>
    </message>
</context>
<context>
    <name>FormBModel</name>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="39"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="40"/>
        <source>企业名称</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="41"/>
        <source>登记类型</source>
        <translation>Registration type</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="42"/>
        <source>办结日期</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="43"/>
        <source>负责网点</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="44"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="45"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="46"/>
        <source>打印时间</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="47"/>
        <source>核验人</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="48"/>
        <source>存档位置</source>
        <translation>Archive location</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="129"/>
        <source>受理单位 {unit}</source>
        <translation>Accepting unit {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="132"/>
        <source>全程网办：由企业所在区县的登记机构回访</source>
        <translation>Fully online: revisited by the agency of the enterprise&apos;s district</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="134"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="135"/>
        <source>交回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="136"/>
        <source>扫描</source>
        <translation>Scanned</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="137"/>
        <source>录入</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="138"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="139"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ui/board/history_view.py" line="58"/>
        <source>评价</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="59"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="60"/>
        <source>联系</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="61"/>
        <source>二次回访</source>
        <translation>Second round</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="62"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="63"/>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="64"/>
        <source>廉洁</source>
        <translation>Integrity</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="75"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="76"/>
        <source>办理事项</source>
        <translation>Business type</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="77"/>
        <source>受理单位</source>
        <translation>Accepting unit</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="78"/>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="79"/>
        <source>办结日期</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="80"/>
        <source>办理渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="81"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="82"/>
        <source>企业名称</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="83"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="84"/>
        <source>经办人</source>
        <translation>Handling staff</translation>
    </message>
    <message>
        <location filename="../../ui/board/history_view.py" line="85"/>
        <source>座落</source>
        <translation>Location</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="240"/>
        <source>有对话框未关闭：请先解锁并关闭它，再切换用户。</source>
        <translation>A dialog is still open: unlock and close it before switching the user.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/pages/import_page.py" line="57"/>
        <source>业务件导出</source>
        <translation>Case export</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="58"/>
        <source>好差评评价导出</source>
        <translation>Evaluation export (好差评)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="59"/>
        <source>电话回访台账</source>
        <translation>Phone revisit ledger</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="81"/>
        <source>类型(&amp;T)：</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="89"/>
        <source>导入方案(&amp;P)：</source>
        <translation>Import &amp;profile:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="91"/>
        <source>管理方案(&amp;G)…</source>
        <translation>Mana&amp;ge profiles…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="93"/>
        <source>添加或修改好差评平台的导出格式：表头、等级代码的方向、渠道代码、默认评价</source>
        <translation>Add or change the export formats of rating platforms: headers, direction of the level codes, channel codes, default ratings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="99"/>
        <source>文件路径，按回车读取</source>
        <translation>Path of the file; press Enter to read it</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="101"/>
        <source>文件(&amp;L)：</source>
        <translation>Fi&amp;le:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="103"/>
        <source>选择文件(&amp;O)…</source>
        <translation>&amp;Open file…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="163"/>
        <source>选择要导入的文件，或把文件拖到这里。
支持 CSV、Excel（.xlsx、.xls）和 ODS 表格。</source>
        <translation>Choose a file to import, or drop one here.
CSV, Excel (.xlsx, .xls) and ODS spreadsheets are supported.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="184"/>
        <source>只有管理员可以导入数据（您的角色：{role}）。
请用管理员账号登录：管理 → 切换用户/注销。</source>
        <translation>Only administrators can import data (your role: {role}).
Log in with an administrator account: Manage → Switch user / Log out.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="210"/>
        <source>列对应</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="223"/>
        <source>严格模式（有错误行则整个文件不导入）</source>
        <translation>Strict mode (import nothing if any row is wrong)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="227"/>
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="230"/>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="231"/>
        <source>导入这个文件（Ctrl+Enter）</source>
        <translation>Import this file (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="256"/>
        <source>取消读取(&amp;C)</source>
        <translation>&amp;Cancel reading</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="340"/>
        <source>选择要导入的文件</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="342"/>
        <source>表格文件 ({patterns})</source>
        <translation>Spreadsheets ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="378"/>
        <source>正在读取 {file}…</source>
        <translation>Reading {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="395"/>
        <source>已取消读取文件。请重新选择文件。</source>
        <translation>Reading the file was cancelled. Choose a file again.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="424"/>
        <source>工作表“{sheet}”，第 {line} 行是表头</source>
        <translation>Sheet “{sheet}”, header on line {line}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="428"/>
        <source>第 {line} 行是表头</source>
        <translation>Header on line {line}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="430"/>
        <source>{where}；下面是前 {shown} 行，共 {rows} 行数据。</source>
        <translation>{where}; below are the first {shown} of {rows} data rows.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="436"/>
        <source>已使用上次为这种表头保存的列对应。带 * 的字段必须有对应的列。</source>
        <translation>Using the columns saved last time for this header. Fields marked * need a column.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="438"/>
        <source>已按表头自动识别，也可以手动选择。带 * 的字段必须有对应的列。</source>
        <translation>Recognised from the header; you can also choose by hand. Fields marked * need a column.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="445"/>
        <source>没有读取文件。请检查后重新选择。</source>
        <translation>The file was not read. Check it and choose it again.</translation>
    </message>
</context>
<context>
    <name>InspectionTab</name>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="124"/>
        <source>留空则随机</source>
        <translation>blank = random</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="131"/>
        <source>回访员(&amp;O)：</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="133"/>
        <source>至(&amp;T)：</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="134"/>
        <source>数量(&amp;Z)：</source>
        <translation>Si&amp;ze:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="135"/>
        <source>种子(&amp;E)：</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="127"/>
        <source>抽样(&amp;D)</source>
        <translation>Dra&amp;w sample</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="132"/>
        <source>从(&amp;B)：</source>
        <translation>&amp;Date from:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="147"/>
        <source>抽样记录(&amp;P)：</source>
        <translation>Samp&amp;les:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="158"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="159"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="160"/>
        <source>通话时间</source>
        <translation>Called at</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="161"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="162"/>
        <location filename="../../ui/quality/inspection_tab.py" line="519"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="171"/>
        <source>本次抽样的通话(&amp;L)（Enter 打开）：</source>
        <translation>Calls &amp;in this sample (Enter opens):</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="184"/>
        <source>通话与回访单（如实所记）</source>
        <translation>Call and Form A (as recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="191"/>
        <source>评分表</source>
        <translation>Scorecard</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="203"/>
        <source>总评(&amp;W)：</source>
        <translation>O&amp;verall comment:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="205"/>
        <source>全部满分(&amp;A)</source>
        <translation>&amp;All full points</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="207"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="209"/>
        <source>下一通(&amp;N) (Ctrl+N)</source>
        <translation>&amp;Next call (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="324"/>
        <source>{start} 至 {end} · 种子 {seed} · {scored}/{size} 已评</source>
        <translation>{start} to {end} · seed {seed} · {scored}/{size} scored</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="360"/>
        <source>种子须为 0 到 {0} 之间的整数</source>
        <translation>The seed must be a whole number from 0 to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="381"/>
        <source>已抽取 {size} 通（总体 {population} 通，种子 {seed}）。</source>
        <translation>{size} calls drawn (out of {population}, seed {seed}).</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="394"/>
        <source>种子 {seed} · 总体 {population} 通 · 抽取 {size} 通</source>
        <translation>Seed {seed} · {population} calls in all · {size} drawn</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="415"/>
        <source> 关键项不合格</source>
        <translation> critical failed</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="420"/>
        <source>已评</source>
        <translation>Scored</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="420"/>
        <source>待评</source>
        <translation>To score</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="458"/>
        <source>业务编号：{0}&#x3000;受理单位：{1}&#x3000;业务类型：{2}</source>
        <translation>Case no.: {0}   Unit: {1}   Business type: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="461"/>
        <source>回访员：{0}&#x3000;拨打：{1}&#x3000;时长：{2} 秒</source>
        <translation>Operator: {0}   Dialled: {1}   Duration: {2} s</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="469"/>
        <source>电话：{0}&#x3000;接通：{1}&#x3000;挂断：{2}&#x3000;通话：{3} 秒&#x3000;{4}</source>
        <translation>Phone: {0}   Answered: {1}   Hung up: {2}   Talk: {3} s   {4}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="478"/>
        <source>备注：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="481"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="482"/>
        <source>回访单：{0}
有无建议：{1}</source>
        <translation>Form A: {0}
Suggestion: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="519"/>
        <source>标准</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="519"/>
        <source>依据分值</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="519"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="534"/>
        <source>说明：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="536"/>
        <source>满分 {0}</source>
        <translation>of {0}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="554"/>
        <source>已由 {0} 评分；修改后保存即为更正（留痕）。</source>
        <translation>Scored by {0}; saving a change records a correction (kept on record).</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="571"/>
        <source>合计 {0} / {1}</source>
        <translation>Total {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="573"/>
        <source>&#x3000;关键项不合格：将开立纠正和预防措施</source>
        <translation>   Critical item failed: a corrective and preventive action will be opened</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="599"/>
        <source>已保存：{0} / {1}。</source>
        <translation>Saved: {0} / {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="601"/>
        <source>关键项不合格，已开立纠正和预防措施。</source>
        <translation> Critical item failed: a corrective and preventive action is opened.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_tab.py" line="615"/>
        <source>已是本次抽样的最后一通。</source>
        <translation>This is the last call of the sample.</translation>
    </message>
</context>
<context>
    <name>IntegrityTab</name>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="102"/>
        <source>被回访人反映有违反廉洁纪律的情况。仅组长、管理员可见，请核查后记录处理情况。</source>
        <translation>The respondent reported a breach of the integrity rules. Visible only to team leads and administrators; check it and record what was done.</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="105"/>
        <source>只看待处理(&amp;O)</source>
        <translation>Only &amp;open</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="127"/>
        <source>标记已处理 (F7)</source>
        <translation>Mark handled (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="129"/>
        <source>查看业务件 (Enter)</source>
        <translation>View case (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="173"/>
        <source>待处理 {count} 件</source>
        <translation>{count} open</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="203"/>
        <source>处理廉洁纪律反映 {case_no}</source>
        <translation>Handle integrity report {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="204"/>
        <source>核查结果和采取的措施：</source>
        <translation>Findings and measures taken:</translation>
    </message>
    <message>
        <location filename="../../ui/board/integrity_tab.py" line="205"/>
        <source>标记已处理</source>
        <translation>Mark handled</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="87"/>
        <source>密钥交换</source>
        <translation>Key exchange</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="90"/>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="96"/>
        <source>站点：</source>
        <translation>Site:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="97"/>
        <source>指纹：</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="98"/>
        <source>导出本机密钥文件(&amp;E)…</source>
        <translation>&amp;Export this computer&apos;s key file…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="103"/>
        <source>信任的站点（它们的同步文件可以导入，发给它们的文件只有它们能打开）</source>
        <translation>Trusted sites (their sync files can be imported; files sent to them can be opened only by them)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="107"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="107"/>
        <source>指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="107"/>
        <source>信任时间</source>
        <translation>Trusted on</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="107"/>
        <source>信任人</source>
        <translation>Trusted by</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="115"/>
        <source>信任对方的密钥文件(&amp;T)…</source>
        <translation>&amp;Trust another site&apos;s key file…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="117"/>
        <source>不再信任(&amp;F)…</source>
        <translation>&amp;Stop trusting…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="127"/>
        <source>恢复密钥（数据库和本机密钥丢失时恢复备份）</source>
        <translation>Recovery key (restores backups if the database and this computer&apos;s key are lost)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="130"/>
        <location filename="../../ui/admin/keys_dialog.py" line="207"/>
        <source>制作恢复密钥(&amp;R)…</source>
        <translation>Make a &amp;recovery key…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="138"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="155"/>
        <source>导出本机密钥文件</source>
        <translation>Export this computer&apos;s key file</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="160"/>
        <source>信任对方的密钥文件</source>
        <translation>Trust another site&apos;s key file</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="164"/>
        <source>回访台密钥文件 (*{suffix});;所有文件 (*)</source>
        <translation>RevisitDesk key files (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="185"/>
        <source>{name}（站点编号 {id}）</source>
        <translation>{name} (site no. {id})</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="190"/>
        <location filename="../../ui/admin/keys_dialog.py" line="212"/>
        <source>未登录</source>
        <translation>not logged in</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="202"/>
        <source>还没有恢复密钥：如果数据库和本机的密钥丢失，备份将无法恢复。请制作一个，打印或抄写后锁进保险柜，不要和备份放在一起。</source>
        <translation>No recovery key yet: if the database and this computer&apos;s key are lost, backups cannot be restored. Make one, print it or copy it out, and lock it in a safe, not together with the backups.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="210"/>
        <source>已于 {at} 制作（{by}）。它只显示过那一次，本机不保存它。</source>
        <translation>Made on {at} ({by}). It was shown only that once; this computer does not keep it.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="216"/>
        <source>换一个新的恢复密钥(&amp;R)…</source>
        <translation>&amp;Replace the recovery key…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="251"/>
        <source>本机密钥文件已写入 {path}。请交给对方，并在电话里向对方读出本机指纹 {fingerprint}。</source>
        <translation>This computer&apos;s key file was written to {path}. Give it to the other site, and read this computer&apos;s fingerprint {fingerprint} out to them on the phone.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="300"/>
        <source>已信任“{name}”的密钥（指纹 {fingerprint}）。</source>
        <translation>The key of “{name}” is now trusted (fingerprint {fingerprint}).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="314"/>
        <source>不再信任</source>
        <translation>Stop trusting</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="316"/>
        <source>不再信任“{name}”的密钥（指纹 {fingerprint}）？此后它的同步文件将被拒绝，也不能再给它导出同步文件，直到再次交换密钥。</source>
        <translation>Stop trusting the key of “{name}” (fingerprint {fingerprint})? Its sync files will then be refused, and no sync files can be exported to it, until keys are exchanged again.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="343"/>
        <source>不再信任“{name}”的密钥。</source>
        <translation>The key of “{name}” is no longer trusted.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="356"/>
        <source>换一个新的恢复密钥</source>
        <translation>Replace the recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="358"/>
        <source>制作一个新的恢复密钥？此后的备份用新的恢复密钥恢复；此前的备份仍然只能用旧的恢复密钥（或在本机）恢复，请把旧的一并保管好。</source>
        <translation>Make a new recovery key? Later backups are restored with the new recovery key; earlier backups can still be restored only with the old one (or on this computer), so keep the old one safe as well.</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../ui/statistics/ledger_model.py" line="36"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/ledger_model.py" line="37"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/ledger_model.py" line="38"/>
        <source>人员姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/ledger_model.py" line="39"/>
        <source>座落</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/ledger_model.py" line="40"/>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/ledger_model.py" line="41"/>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/ledger_model.py" line="42"/>
        <source>回访情况</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/ledger_model.py" line="101"/>
        <source>业务编号 {case_no}&#x3000;受理单位 {unit}&#x3000;回访员 {operator}</source>
        <translation>Case no. {case_no} · Accepting unit {unit} · Operator {operator}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="100"/>
        <source>已锁定 — 回访台</source>
        <translation>Locked — RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="103"/>
        <source>回访台已锁定</source>
        <translation>RevisitDesk is locked</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="107"/>
        <source>长时间无操作，窗口已锁定。{name}，请输入密码解锁，未保存的内容都还在。</source>
        <translation>The window was locked after a long time without activity. {name}, enter your password to unlock it; nothing unsaved has been lost.</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="115"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="117"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="123"/>
        <source>解锁 (Enter)</source>
        <translation>Unlock (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="125"/>
        <source>切换用户(&amp;L)…</source>
        <translation>Switch &amp;user…</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="154"/>
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="69"/>
        <source>切换用户 — 回访台</source>
        <translation>Switch user — RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="69"/>
        <source>登录 — 回访台</source>
        <translation>Log in — RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="72"/>
        <source>回访台 RevisitDesk</source>
        <translation>RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="75"/>
        <source>数据库文件已加密：登录后才能打开。请输入您的用户名和密码，按回车登录。</source>
        <translation>The database file is encrypted: it opens once you log in. Type your user name and password and press Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="77"/>
        <source>请输入您的用户名和密码，按回车登录。</source>
        <translation>Enter your user name and password, then press Enter to log in.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="83"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="87"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="90"/>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="92"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="105"/>
        <source>新密码(&amp;N)：</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="107"/>
        <source>再次输入(&amp;A)：</source>
        <translation>Enter &amp;again:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="127"/>
        <location filename="../../ui/login_dialog.py" line="295"/>
        <source>登录 (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="129"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="174"/>
        <source>点击账号即可填入用户名。正式使用前请由管理员设置真实账号。</source>
        <translation>Click an account to fill in its user name. Before real use, an administrator must set up real accounts.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="245"/>
        <source>新密码要求：{policy}。</source>
        <translation>The new password needs {policy}.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="251"/>
        <source>更改密码并登录 (Enter)</source>
        <translation>Change password and log in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="262"/>
        <source>请输入新密码。</source>
        <translation>Enter the new password.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="266"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="202"/>
        <source>请输入用户名。</source>
        <translation>Enter the user name.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="164"/>
        <source>演示数据库的账号（密码见 demo 命令的输出或 README）：</source>
        <translation>Accounts of the demo database (passwords: see the output of the demo command, or the README):</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="205"/>
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>回访台 RevisitDesk</source>
        <translation>RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>网点同步(&amp;Y)</source>
        <translation>Outlet s&amp;ync</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>管理(&amp;M)</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>关于回访台(&amp;A)</source>
        <translation>&amp;About RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229"/>
        <source>请等当前操作完成后再切换语言。</source>
        <translation>Wait until the current operation has finished, then switch the language.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>{day} 构建</source>
        <translation>built {day}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>从源代码运行</source>
        <translation>run from the source tree</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>关于回访台</source>
        <translation>About RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>&lt;h3&gt;回访台 RevisitDesk&lt;/h3&gt;&lt;p&gt;版本 {version}（{built}）&lt;/p&gt;&lt;p&gt;不动产登记业务办结后的回访、不满意跟进和季度考核。&lt;/p&gt;&lt;p&gt;数据库：{url}&lt;/p&gt;&lt;p&gt;随附的组件及其许可证（Qt 为 LGPL-3.0，文泉驿微米黑字体为 Apache-2.0 或 GPLv3）见程序文件夹中的 LICENSES.md。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RevisitDesk 回访台&lt;/h3&gt;&lt;p&gt;Version {version} ({built})&lt;/p&gt;&lt;p&gt;Phone revisits after real-estate registration cases, follow-up of dissatisfied answers and the quarterly assessment.&lt;/p&gt;&lt;p&gt;Database: {url}&lt;/p&gt;&lt;p&gt;The bundled components and their licences (Qt: LGPL-3.0; the WenQuanYi Micro Hei font: Apache-2.0 or GPLv3) are listed in LICENSES.md in the program folder.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingForm</name>
    <message>
        <location filename="../../ui/importing/mapping_form.py" line="31"/>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping_form.py" line="40"/>
        <source>也认作：{names}</source>
        <translation>Also recognised as: {names}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="372"/>
        <source>合并受理单位</source>
        <translation>Merge accepting units</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="383"/>
        <source>将把“{source}”的 {cases} 件业务件移到所选单位，然后删除“{source}”（它如已通过同步文件发往其他站点，则保留为停用的空单位）。</source>
        <translation>The {cases} cases of “{source}” will move to the chosen unit, then “{source}” will be deleted (if it has already gone to other sites in a sync file, it is kept as an empty inactive unit).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="387"/>
        <source>一并移动：{others}。</source>
        <translation>Also moved: {others}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="388"/>
        <source>此操作不能撤销，会记入审计日志；建议先做一次备份。</source>
        <translation>This cannot be undone and goes into the audit log; make a backup first.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="392"/>
        <source>合并到(&amp;T)：</source>
        <translation>Merge in&amp;to:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="395"/>
        <source>合并(&amp;M)</source>
        <translation>&amp;Merge</translation>
    </message>
</context>
<context>
    <name>MomentTextDialog</name>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="112"/>
        <source>请填写内容。</source>
        <translation>Fill in the text.</translation>
    </message>
</context>
<context>
    <name>MonthlyView</name>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="296"/>
        <source>未成功的原因（按当月最后一次拨打的结果）</source>
        <translation>Why revisits failed (outcome of the month&apos;s last call)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="297"/>
        <source>当月全部拨打的结果</source>
        <translation>Outcomes of all calls of the month</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="301"/>
        <source>回访率(&amp;1)</source>
        <translation>Revisit rate (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="313"/>
        <source>满意率 = （非常满意 + 满意）÷ 作答的评价；只计首轮评价。</source>
        <translation>Satisfied % = (very satisfied + satisfied) ÷ answered evaluations; first-round evaluations only.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="323"/>
        <source>满意度(&amp;2)</source>
        <translation>Satisfaction (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="329"/>
        <source>按受理单位(&amp;3)</source>
        <translation>By unit (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="333"/>
        <source>按回访员(&amp;4)</source>
        <translation>By operator (&amp;4)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="350"/>
        <source>按项目</source>
        <translation>By item</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="351"/>
        <source>按原因（已建二次回访的）</source>
        <translation>By reason (with a second-round callback)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="355"/>
        <source>不满意的评价与服务对象原话</source>
        <translation>Dissatisfied evaluations and the respondents&apos; words</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="357"/>
        <source>不满意(&amp;5)</source>
        <translation>Dissatisfaction (&amp;5)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="370"/>
        <source>电话号码在此隐去中间几位。导出 Excel 得到完整的回访记录单（“回访记录单”工作表，全部受理单位，含完整电话号码）。</source>
        <translation>Phone numbers are partly hidden here. Export Excel for the complete ledger (the sheet “回访记录单”: all accepting units, full phone numbers).</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="381"/>
        <source>回访记录单(&amp;6)</source>
        <translation>Call ledger (&amp;6)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="391"/>
        <source>本月拨打 {calls} 次，涉及 {attempted} 件业务件；回访成功 {completed} 件，回访率 {rate}；未成功 {failed} 件。</source>
        <translation>{calls} calls this month to {attempted} cases; {completed} cases revisited, revisit rate {rate}; {failed} not revisited.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="407"/>
        <source>电话回访（首轮）：{count} 条评价</source>
        <translation>Phone revisits (first round): {count} evaluations</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="413"/>
        <source>全部渠道（首轮）：{count} 条评价</source>
        <translation>All channels (first round): {count} evaluations</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="421"/>
        <source>本月首轮评价中不满意 {count} 条（其中电话回访 {phone} 条），已建二次回访 {callbacks} 条。</source>
        <translation>{count} dissatisfied first-round evaluations this month ({phone} by phone); {callbacks} with a second-round callback.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="438"/>
        <source>服务对象电话回访记录单（附录 F 表 F.1）：{count} 条拨打记录。</source>
        <translation>Phone revisit ledger (Appendix F, Table F.1): {count} calls.</translation>
    </message>
</context>
<context>
    <name>MyScoresTab</name>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="51"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="52"/>
        <source>通话时间</source>
        <translation>Called at</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="53"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="54"/>
        <source>得分率 %</source>
        <translation>Score %</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="55"/>
        <source>关键项</source>
        <translation>Critical item</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="56"/>
        <source>评分人</source>
        <translation>Scored by</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="57"/>
        <source>总评</source>
        <translation>Overall comment</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="67"/>
        <source>我被质检评分的通话(&amp;L)：</source>
        <translation>My scored ca&amp;lls:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="71"/>
        <source>逐项得分与说明(&amp;D)：</source>
        <translation>&amp;Details by criterion:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="116"/>
        <source>不合格</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="116"/>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="124"/>
        <source>选择一通电话（↑↓）查看逐项得分与说明。</source>
        <translation>Select a call (↑↓) to see its scores and notes by criterion.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="126"/>
        <source>还没有被评分的通话。</source>
        <translation>None of your calls is scored yet.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="145"/>
        <source>{case}&#x3000;{points}/{maximum}</source>
        <translation>{case}   {points}/{maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/my_scores_tab.py" line="156"/>
        <source>总评：{0}</source>
        <translation>Overall comment: {0}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="134"/>
        <source>新建网点考核</source>
        <translation>New outlet assessment</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="151"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="152"/>
        <source>考核类别(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="153"/>
        <source>考核期自(&amp;S)：</source>
        <translation>Period &amp;start:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="154"/>
        <source>至(&amp;E)：</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="155"/>
        <source>考核日期(&amp;D)：</source>
        <translation>&amp;Date assessed:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="156"/>
        <source>考核人(&amp;A)：</source>
        <translation>&amp;Assessors:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="157"/>
        <source>备注(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="165"/>
        <source>建立 (Ctrl+Enter)</source>
        <translation>Create (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="176"/>
        <source>没有网点可以考核。</source>
        <translation>There is no outlet to assess.</translation>
    </message>
</context>
<context>
    <name>NextYearBar</name>
    <message>
        <location filename="../../ui/calendar/next_year_bar.py" line="42"/>
        <source>打开日历(&amp;K)</source>
        <translation>Open &amp;calendar</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/next_year_bar.py" line="47"/>
        <source>本次不再提示</source>
        <translation>No more reminders this session</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/next_year_bar.py" line="68"/>
        <source>{year} 年的节假日安排尚未录入工作日历：算到 {year} 年的回访期限、重拨和办理时限都会被拒绝。请管理员粘贴国务院的放假通知。</source>
        <translation>The public holiday arrangements of {year} are not in the working-day calendar yet: revisit deadlines, retries and time limits that reach into {year} will be refused. An administrator should paste the State Council&apos;s holiday notice.</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/calendar/notice_dialog.py" line="55"/>
        <source>粘贴节假日安排通知</source>
        <translation>Paste holiday notice</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/notice_dialog.py" line="61"/>
        <source>每年十一月前后，国务院办公厅发布《关于下一年部分节假日安排的通知》。请从中国政府网等处复制通知全文（从标题到落款），粘贴在下面，再点“读取”。</source>
        <translation>Around November each year, the General Office of the State Council publishes its notice on the arrangements for some public holidays of the next year. Copy the full notice (from the title to the signature) from the Chinese government website (gov.cn) or elsewhere, paste it below, then click “Read”.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/notice_dialog.py" line="68"/>
        <source>国务院办公厅关于2027年部分节假日安排的通知
……
一、元旦：……</source>
        <translation>Notice of the General Office of the State Council on the arrangements for some public holidays in 2027
…
1. New Year&apos;s Day: …</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/notice_dialog.py" line="74"/>
        <source>读取(&amp;R)</source>
        <translation>&amp;Read</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/notice_dialog.py" line="77"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/notice_dialog.py" line="91"/>
        <source>返回修改(&amp;B)</source>
        <translation>&amp;Back to editing</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/notice_dialog.py" line="93"/>
        <source>确认保存(&amp;S)</source>
        <translation>Confirm and &amp;save</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/notice_dialog.py" line="120"/>
        <source>读到 {year} 年：放假 {holidays} 天，调休上班 {worked} 天，如下图。请与通知核对；保存后这一年即录入日历，通知覆盖的日期以通知为准。</source>
        <translation>Read for {year}: {holidays} days off and {worked} make-up working days, as shown below. Check them against the notice; once saved, the year is entered in the calendar, and the notice decides the dates it covers.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/notice_dialog.py" line="124"/>
        <source>另含上一年的：{days}。</source>
        <translation> Also includes days of the year before: {days}.</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../ui/operations.py" line="210"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OperatorChooser</name>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="31"/>
        <source>谁在回访？</source>
        <translation>Who is calling?</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="33"/>
        <source>选择您的姓名，或输入新的姓名后按回车。本机会记住您的选择。</source>
        <translation>Choose your name, or type a new one and press Enter. This seat remembers it.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="39"/>
        <source>回访员姓名</source>
        <translation>Operator&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="41"/>
        <source>开始回访 (Enter)</source>
        <translation>Start (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="66"/>
        <source>请输入姓名。</source>
        <translation>Enter a name.</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="135"/>
        <source>投诉人意见 {number}</source>
        <translation>Complainant&apos;s opinion {number}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="135"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="137"/>
        <source>满意(&amp;1)</source>
        <translation>Satisfied (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="138"/>
        <source>不满意(&amp;2)</source>
        <translation>Dissatisfied (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="148"/>
        <source>投诉人的原话；不满意时必填</source>
        <translation>The complainant&apos;s own words; required if dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="151"/>
        <source>对答复是否满意：</source>
        <translation>Satisfied with the answer:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="152"/>
        <source>投诉人意见(&amp;W)：</source>
        <translation>Complainant&apos;s &amp;words:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="159"/>
        <source>请选择投诉人是否满意。</source>
        <translation>Choose whether the complainant is satisfied.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="163"/>
        <source>投诉人不满意：请记录投诉人的意见。</source>
        <translation>The complainant is dissatisfied: record their opinion.</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="185"/>
        <source>签发投诉督办表 {number}（第 {sequence} 次督办）</source>
        <translation>Issue complaint supervision form {number} (supervision order no. {sequence})</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="188"/>
        <source>签发</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="198"/>
        <source>督办意见：要求承办网点做什么、怎样回复（必填）</source>
        <translation>Supervision opinion: what the handling outlet must do and how it must reply (required)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="200"/>
        <source>承办网点(&amp;U)：</source>
        <translation>Handling o&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="201"/>
        <source>回复期限(&amp;D)：</source>
        <translation>Reply &amp;due:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="202"/>
        <source>签发人(&amp;I)：</source>
        <translation>&amp;Issued by:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="203"/>
        <source>督办意见(&amp;O)：</source>
        <translation>Supervision &amp;opinion:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="210"/>
        <source>请填写督办意见。</source>
        <translation>Fill in the supervision opinion.</translation>
    </message>
</context>
<context>
    <name>OutcomeStrip</name>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="71"/>
        <source>通话未完成：按结果的字母键（Esc 取消）</source>
        <translation>Call not completed: press the outcome&apos;s letter (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="80"/>
        <location filename="../../ui/desk/outcome_strip.py" line="247"/>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="85"/>
        <source>如 m1030、明天 10:30、12-08 10:30</source>
        <translation>e.g. m1030, 明天 10:30, 12-08 10:30</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="88"/>
        <source>可写：10:30、明天 10:30、后天、周五 15:00、下周一上午、12-08 10:30、2026-12-08 10:30、202612081030。
快捷写法：j 今天、m 明天、h 后天、z1…z7 本周一…日、x1…x7 下周一…日，如 m1030 = 明天 10:30。</source>
        <translation>Type e.g. 10:30, 明天 10:30 (tomorrow), 后天, 周五 15:00, 下周一上午, 12-08 10:30, 2026-12-08 10:30, 202612081030.
Short forms: j today, m tomorrow, h the day after, z1…z7 Monday…Sunday this week, x1…x7 next week; m1030 = tomorrow 10:30.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="98"/>
        <source>由我本人回访</source>
        <translation>Call back myself</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="99"/>
        <source>勾选后，预约的电话只派给同一回访员</source>
        <translation>When ticked, only this operator gets the appointment</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="103"/>
        <source>预约时间：</source>
        <translation>Appointment:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="116"/>
        <source>记录并下一件 (Enter)</source>
        <translation>Record and next (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="119"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="151"/>
        <source>需要填写备注</source>
        <translation>Needs a note</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="222"/>
        <source>电话报告：{reason} → {outcome}。按 Enter 确认，或按其他结果的字母键。</source>
        <translation>The phone reports: {reason} → {outcome}. Press Enter to confirm, or another outcome&apos;s letter.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="247"/>
        <source>备注（必填）：</source>
        <translation>Note (required):</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="249"/>
        <source>例如：对方说明的原因</source>
        <translation>e.g. the reason the respondent gave</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="249"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="255"/>
        <source>请先按字母键选择通话结果。</source>
        <translation>Press the letter of an outcome first.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="260"/>
        <source>“{outcome}”需要填写备注。</source>
        <translation>“{outcome}” needs a note.</translation>
    </message>
</context>
<context>
    <name>OutcomesDialog</name>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="47"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="48"/>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="49"/>
        <source>快捷键</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="50"/>
        <source>结束</source>
        <translation>Ends case</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="51"/>
        <source>已接通</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="52"/>
        <source>须备注</source>
        <translation>Needs note</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="53"/>
        <source>换号</source>
        <translation>Next number</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="54"/>
        <source>重拨间隔（分钟）</source>
        <translation>Retry after (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="55"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="58"/>
        <source>回访工作台上选择此结果的按键：一个字母或数字</source>
        <translation>The key that chooses this outcome at the Call desk: one letter or digit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="59"/>
        <source>不再拨打此业务件</source>
        <translation>No more calls to this case</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="60"/>
        <source>联系上了被回访人</source>
        <translation>The respondent was reached</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="61"/>
        <source>记录此结果时必须填写备注</source>
        <translation>A note is required when this outcome is recorded</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="62"/>
        <source>改拨此业务件的下一个号码；已是最后一个号码时结束</source>
        <translation>Call the case&apos;s next number instead; at the last number, the case ends</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="65"/>
        <source>多少分钟后再拨（0 到 10080）；空：下一个半天</source>
        <translation>Minutes until the next call (0 to 10080); empty: the next half-day</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="86"/>
        <source>回访结果</source>
        <translation>Call outcomes</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="91"/>
        <source>回访员在回访工作台按快捷键记录未成功的通话。结果不能删除，只能停用，以前的拨打记录仍显示其名称。“已回访”以回访单保存：它始终在用、结束、已接通。</source>
        <translation>Operators record unsuccessful calls at the Call desk with a shortcut key. Outcomes cannot be deleted, only deactivated; earlier call records still show their names. “Revisited” is saved with Form A: it is always active, ends the case and counts as reached.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="98"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="120"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="121"/>
        <source>保存所有修改（Ctrl+S）</source>
        <translation>Save all changes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="123"/>
        <source>撤销修改(&amp;R)</source>
        <translation>&amp;Revert changes</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="125"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="130"/>
        <source>仅管理员可以修改回访结果。</source>
        <translation>Only administrators can change call outcomes.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="208"/>
        <source>“{label}”：重拨间隔须为 0 到 {most} 的整数分钟</source>
        <translation>“{label}”: the retry interval must be a whole number of minutes from 0 to {most}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="245"/>
        <source>已修改 {n} 项结果，尚未保存。</source>
        <translation>{n} outcomes changed, not saved yet.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/outcomes_dialog.py" line="287"/>
        <source>回访结果已保存。</source>
        <translation>Call outcomes saved.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="38"/>
        <source>回访工作台</source>
        <translation>Call desk</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="43"/>
        <source>督办看板</source>
        <translation>Supervision board</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="48"/>
        <source>案件查询</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="53"/>
        <source>导入数据</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="58"/>
        <source>统计报表</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="63"/>
        <source>企业回访</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="68"/>
        <source>扫描归档</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="73"/>
        <source>社会监督</source>
        <translation>Social supervision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="78"/>
        <source>录音质检</source>
        <translation>Call QC</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/admin/password_dialog.py" line="27"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialog.py" line="36"/>
        <source>至少 {length} 个字符，{classes} 类字符</source>
        <translation>at least {length} characters of {classes} kinds</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialog.py" line="40"/>
        <source>新密码要求：{policy}。</source>
        <translation>The new password: {policy}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialog.py" line="44"/>
        <source>当前密码：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialog.py" line="45"/>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialog.py" line="47"/>
        <source>再次输入：</source>
        <translation>Enter again:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialog.py" line="65"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords do not match.</translation>
    </message>
</context>
<context>
    <name>PdfPrintDialog</name>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="131"/>
        <source>共 {pages} 页</source>
        <translation>{pages} pages</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="132"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="133"/>
        <source>选择打印机并打印（Ctrl+P）</source>
        <translation>Choose a printer and print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="136"/>
        <source>另存为 PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="137"/>
        <source>保存为 PDF 文件（Ctrl+S）</source>
        <translation>Save as a PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="141"/>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="145"/>
        <source>放大（Ctrl+=）</source>
        <translation>Zoom in (Ctrl+=)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="148"/>
        <source>整页</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="149"/>
        <source>整页显示（Ctrl+0）</source>
        <translation>Fit the page (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="151"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="194"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="203"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="203"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="213"/>
        <source>没有保存 {path}：{reason}</source>
        <translation>{path} not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="118"/>
        <source>人员与角色</source>
        <translation>People and roles</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="131"/>
        <source>也显示经办人（不使用本软件的人员）</source>
        <translation>Also show handling staff (people who do not use this software)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="144"/>
        <source>例如 zhangsan；空：不登录</source>
        <translation>e.g. zhangsan; empty: no login</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="149"/>
        <source>在用（停用后不能登录，也不出现在名单中）</source>
        <translation>Active (once deactivated, cannot log in and is not listed)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="151"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="152"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="153"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="154"/>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="155"/>
        <source>再次输入：</source>
        <translation>Enter again:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="159"/>
        <source>回访员：电话回访，只看到所领取业务件的完整号码。
组长：二次回访、投诉、廉洁纪律反映。
管理员：导入、日历、结果表、服务用语、人员、设置、数据保留、审计日志。
审计员：查看和导出审计日志、人员考核。</source>
        <translation>Operator: phone revisits; sees full numbers only of the cases taken.
Team lead: second-round callbacks, complaints, integrity reports.
Administrator: import, calendar, result tables, service phrases, people, settings, data retention, audit log.
Auditor: view and export the audit log, staff assessment.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="169"/>
        <source>新增人员(&amp;N)</source>
        <translation>&amp;New person</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="171"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="172"/>
        <source>保存此人的信息（Ctrl+S）</source>
        <translation>Save this person (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="179"/>
        <source>人员信息</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="223"/>
        <source>至少 {length} 个字符，{classes} 类字符；空：不修改</source>
        <translation>at least {length} characters of {classes} kinds; empty: unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="263"/>
        <source>人员信息：{name}</source>
        <translation>Person: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="276"/>
        <source>新增人员</source>
        <translation>New person</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="297"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="334"/>
        <source>已保存。已有人设置了密码：从下次启动起，所有人都需要用户名和密码登录。</source>
        <translation>Saved. Someone now has a password: from the next start, everyone must log in with a user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="338"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="55"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="56"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="57"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="58"/>
        <source>受理单位</source>
        <translation>Accepting unit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="59"/>
        <source>登录</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="60"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="82"/>
        <source>不登录</source>
        <translation>No login</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="84"/>
        <source>未设密码</source>
        <translation>No password</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="85"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="85"/>
        <source>可登录</source>
        <translation>Can log in</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="86"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_dialog.py" line="86"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>PhrasesEditor</name>
    <message>
        <location filename="../../ui/desk/phrases_panel.py" line="96"/>
        <source>编辑服务用语</source>
        <translation>Edit service phrases</translation>
    </message>
    <message>
        <location filename="../../ui/desk/phrases_panel.py" line="105"/>
        <source>每行一句。空行不保存。</source>
        <translation>One phrase per line; empty lines are dropped.</translation>
    </message>
</context>
<context>
    <name>PhrasesPanel</name>
    <message>
        <location filename="../../ui/desk/phrases_panel.py" line="46"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/phrases_panel.py" line="60"/>
        <source>（未设置）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/phrases_panel.py" line="61"/>
        <source>禁止使用</source>
        <translation>never use</translation>
    </message>
    <message>
        <location filename="../../ui/desk/phrases_panel.py" line="81"/>
        <source>问候</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <location filename="../../ui/desk/phrases_panel.py" line="82"/>
        <source>结束语</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../ui/desk/phrases_panel.py" line="83"/>
        <source>致歉</source>
        <translation>Apology</translation>
    </message>
    <message>
        <location filename="../../ui/desk/phrases_panel.py" line="84"/>
        <source>服务忌语</source>
        <translation>Never say</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="344"/>
        <source>整改 {case_no}</source>
        <translation>Rectification {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="344"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="345"/>
        <source>将采取的整改措施（必填）</source>
        <translation>The rectification measures to be taken (required)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="348"/>
        <source>负责整改的人员或科室（必填）</source>
        <translation>The person or section responsible (required)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="358"/>
        <source>整改措施(&amp;G)：</source>
        <translation>&amp;Measures:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="359"/>
        <source>责任人(&amp;W)：</source>
        <translation>&amp;Owner:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="360"/>
        <source>完成日期(&amp;D)：</source>
        <translation>&amp;Done by:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="362"/>
        <source>整改期限：{day}（完成日期不能晚于此日）</source>
        <translation>Rectification deadline: {day} (the done-by date cannot be later)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="364"/>
        <source>整改期限所在年份的工作日历尚未录入：请填写完成日期。</source>
        <translation>The working-day calendar lacks the year of the deadline: fill in the done-by date.</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="381"/>
        <source>请填写整改措施。</source>
        <translation>Fill in the measures.</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="384"/>
        <source>请填写整改责任人。</source>
        <translation>Fill in the owner.</translation>
    </message>
</context>
<context>
    <name>PraiseModel</name>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="171"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="172"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="173"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="174"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="175"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="176"/>
        <location filename="../../ui/feedback/assessment_models.py" line="188"/>
        <source>典型</source>
        <translation>Exemplary</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="179"/>
        <source>表扬</source>
        <translation>Commendation</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="180"/>
        <source>批评</source>
        <translation>Criticism</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="183"/>
        <source>电话回访</source>
        <translation>Phone revisit</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="184"/>
        <source>意见箱（簿）</source>
        <translation>Suggestion box / book</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="185"/>
        <source>投诉建议</source>
        <translation>Complaint / suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="186"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/importing/preview_model.py" line="66"/>
        <source>导入为“{field}”</source>
        <translation>Imported as “{field}”</translation>
    </message>
    <message>
        <location filename="../../ui/importing/preview_model.py" line="66"/>
        <source>不导入</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="77"/>
        <source>导入方案</source>
        <translation>Import profiles</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="82"/>
        <source>导入方案说明一个好差评平台的导出格式：表头、等级是文字还是代码及代码方向、渠道代码、系统默认评价的标记、审核状态和差评标签。随软件提供的方案只能查看或复制。</source>
        <translation>An import profile describes the export format of a rating platform: its headers, whether levels are words or codes (and the direction of the codes), channel codes, how default ratings are marked, review states and bad review labels. Profiles shipped with the software can only be viewed or copied.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="90"/>
        <source>方案(&amp;L)：</source>
        <translation>Profi&amp;les:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="99"/>
        <source>文字（非常满意、满意、基本满意……）</source>
        <translation>Words (非常满意, 满意, 基本满意…)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="100"/>
        <source>代码：1=非常满意…5=非常不满意（GB/T 39046）</source>
        <translation>Codes: 1=very satisfied … 5=very dissatisfied (GB/T 39046)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="101"/>
        <source>代码：1=非常不满意…5=非常满意（如浙江）</source>
        <translation>Codes: 1=very dissatisfied … 5=very satisfied (e.g. Zhejiang)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="103"/>
        <source>每行一个：代码=渠道，如 7=系统默认评价；空：渠道为文字</source>
        <translation>One per line: code=channel, e.g. 7=系统默认评价; empty: channels are written as words</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="106"/>
        <source>如 7，或 系统默认评价</source>
        <translation>e.g. 7, or 系统默认评价</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="107"/>
        <source>平台不标记时按等级判定(&amp;V)</source>
        <translation>If unmarked, judge by le&amp;vel</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="114"/>
        <source> 天</source>
        <translation> days after completion</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="118"/>
        <source>、无文字、办结后至少</source>
        <translation>, no text, at least</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="124"/>
        <source>每行一个：代码=标签，如 01=办事效率低</source>
        <translation>One per line: code=label, e.g. 01=办事效率低</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="126"/>
        <source>每行一个：字段=平台的表头，如 总体情况=satisfaction</source>
        <translation>One per line: field=the platform&apos;s header, e.g. 总体情况=satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="132"/>
        <source>名称(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="133"/>
        <source>说明(&amp;T)：</source>
        <translation>Descrip&amp;tion:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="134"/>
        <source>评价等级(&amp;R)：</source>
        <translation>&amp;Rating levels:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="135"/>
        <source>渠道代码表(&amp;C)：</source>
        <translation>&amp;Channel codes:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="136"/>
        <source>默认评价的渠道(&amp;F)：</source>
        <translation>De&amp;fault rating channels:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="137"/>
        <source>审核通过(&amp;P)：</source>
        <translation>Review &amp;passed:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="138"/>
        <source>待审核(&amp;W)：</source>
        <translation>A&amp;waiting review:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="139"/>
        <source>审核不通过(&amp;J)：</source>
        <translation>Review re&amp;jected:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="140"/>
        <source>差评标签(&amp;B)：</source>
        <translation>&amp;Bad review labels:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="141"/>
        <source>表头别名(&amp;H)：</source>
        <translation>&amp;Header aliases:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="147"/>
        <source>默认评价的等级：</source>
        <translation>Default rating level:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="160"/>
        <source>新建(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="161"/>
        <source>新建一个导入方案（Ctrl+N）</source>
        <translation>New import profile (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="163"/>
        <source>复制(&amp;O)</source>
        <translation>C&amp;opy</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="164"/>
        <source>以显示的方案为底新建（Ctrl+D）</source>
        <translation>New profile based on the one shown (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="166"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="167"/>
        <source>保存这个导入方案（Ctrl+S）</source>
        <translation>Save this import profile (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="169"/>
        <source>删除(&amp;X)…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="170"/>
        <source>删除这个导入方案（在列表中按 Delete）</source>
        <translation>Delete this import profile (Delete in the list)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="172"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="176"/>
        <source>仅管理员可以添加或修改导入方案。</source>
        <translation>Only administrators can add or change import profiles.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="243"/>
        <source>（内置）</source>
        <translation> (built-in)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="265"/>
        <source>随软件提供的方案不能修改；按 Ctrl+D 复制后再改。</source>
        <translation>Profiles shipped with the software cannot be changed; press Ctrl+D to copy one, then change the copy.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="282"/>
        <source>文件中的代码表：{pairs}</source>
        <translation>Code table from the file: {pairs}</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="420"/>
        <source>导入方案“{name}”已保存。</source>
        <translation>Import profile “{name}” saved.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="430"/>
        <source>删除导入方案</source>
        <translation>Delete import profile</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="431"/>
        <source>删除导入方案“{name}”吗？用它导入的评价不受影响。</source>
        <translation>Delete the import profile “{name}”? Evaluations imported with it are not affected.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="435"/>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/importing/profile_dialog.py" line="464"/>
        <source>导入方案“{name}”已删除。</source>
        <translation>Import profile “{name}” deleted.</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="22"/>
        <source>质检抽样与评分</source>
        <translation>Sampling and scoring</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="23"/>
        <source>我的质检结果</source>
        <translation>My QC results</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="24"/>
        <source>质检评分表</source>
        <translation>QC scorecard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="25"/>
        <source>通话录音</source>
        <translation>Recordings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="30"/>
        <source>请选择您的姓名：质检按您的角色办理。</source>
        <translation>Choose your name: quality inspection follows your role.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="32"/>
        <source>可抽取通话、收听录音并评分，修改质检评分表，归档未匹配的录音。</source>
        <translation>You can draw calls, listen to recordings and score them, change the QC scorecard and file unmatched recordings.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="33"/>
        <source>可查看本人的质检结果和导入录音；抽样评分须由组长或管理员办理。</source>
        <translation>You can see your own QC results and import recordings; sampling and scoring are for team leads and administrators.</translation>
    </message>
</context>
<context>
    <name>QuarterBar</name>
    <message>
        <location filename="../../ui/feedback/quarter_bar.py" line="43"/>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/quarter_bar.py" line="49"/>
        <source>季度(&amp;Q)：</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/quarter_bar.py" line="52"/>
        <source>选择要显示的受理单位</source>
        <translation>Choose the accepting units to show</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/quarter_bar.py" line="53"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/quarter_bar.py" line="54"/>
        <source>重新计算（F5）</source>
        <translation>Compute again (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/quarter_bar.py" line="60"/>
        <source>导出 Excel(&amp;E)…</source>
        <translation>&amp;Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/quarter_bar.py" line="61"/>
        <source>导出当前显示的单位（Ctrl+E）</source>
        <translation>Export the units shown (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/quarter_bar.py" line="80"/>
        <source>{year}年{quarter}</source>
        <translation>{quarter} {year}</translation>
    </message>
</context>
<context>
    <name>QuarterlyTableModel</name>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="36"/>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="37"/>
        <source>受理单位</source>
        <translation>Accepting unit</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="38"/>
        <source>办结业务量</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="39"/>
        <source>有效回访量</source>
        <translation>Revisited</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="40"/>
        <source>网上</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="41"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="42"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="43"/>
        <source>覆盖率 %</source>
        <translation>Coverage %</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="44"/>
        <source>达标</source>
        <translation>On target</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="45"/>
        <source>得分合计</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="46"/>
        <source>平均分</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="47"/>
        <source>未填报</source>
        <translation>Unreported</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="48"/>
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="51"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="52"/>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="53"/>
        <source>待补报</source>
        <translation>Supplement due</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="54"/>
        <source>统计中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="149"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="149"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="162"/>
        <source>有效回访 {revisited} / 办结 {cases}，目标 {target:g}%</source>
        <translation>{revisited} revisited of {cases} cases, target {target:g}%</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/quarterly_model.py" line="167"/>
        <source>，还差 {missing} 件</source>
        <translation>, {missing} more needed</translation>
    </message>
</context>
<context>
    <name>RankingDialog</name>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="594"/>
        <source>网点考核排名通报</source>
        <translation>Outlet assessment ranking</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="600"/>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="605"/>
        <source>考核期截止自(&amp;S)：</source>
        <translation>Period&amp;s ending from:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="606"/>
        <source>至(&amp;E)：</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="607"/>
        <source>类别(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="617"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="617"/>
        <source>网点</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="617"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="617"/>
        <source>考核期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="618"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="618"/>
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="621"/>
        <source>导出 Excel (Ctrl+E)</source>
        <translation>Export Excel (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="623"/>
        <source>打印 PDF (Ctrl+P)</source>
        <translation>Print PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="625"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="666"/>
        <source>共 {count} 个网点。</source>
        <translation>{count} outlets.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="668"/>
        <source>所用计分表合计不是 100 分，等次仅供参考。</source>
        <translation>The score sheet used does not add up to 100 points: the grades are only indicative.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="682"/>
        <source>导出考核排名</source>
        <translation>Export assessment ranking</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="683"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel file (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="696"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="163"/>
        <source>请填写内容。</source>
        <translation>Fill in the text.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/step_dialogs.py" line="252"/>
        <source>请填写原因。</source>
        <translation>Fill in the reason.</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <location filename="../../ui/recordings/player.py" line="77"/>
        <source>未选择通话</source>
        <translation>No call selected</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="81"/>
        <source>录音(&amp;R)</source>
        <translation>&amp;Recording</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="83"/>
        <location filename="../../ui/recordings/player.py" line="314"/>
        <source>播放 (空格)</source>
        <translation>Play (Space)</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="86"/>
        <source>← 5 秒</source>
        <translation>← 5 s</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="89"/>
        <source>5 秒 →</source>
        <translation>5 s →</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="98"/>
        <source>播放位置</source>
        <translation>Playback position</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="105"/>
        <source>速度(&amp;V)</source>
        <translation>S&amp;peed</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="143"/>
        <source>正在读取录音…</source>
        <translation>Reading the recording…</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="177"/>
        <source>此通话有 {n} 个录音</source>
        <translation>This call has {n} recordings</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="179"/>
        <source>此通话有录音，按空格播放</source>
        <translation>This call has a recording: press Space to play it</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="183"/>
        <source>此通话没有录音</source>
        <translation>This call has no recording</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="314"/>
        <source>暂停 (空格)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/player.py" line="317"/>
        <source>无法播放此录音：{reason}</source>
        <translation>Cannot play this recording: {reason}</translation>
    </message>
</context>
<context>
    <name>RecordingsTab</name>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="100"/>
        <source>立即导入(&amp;I) (Ctrl+I)</source>
        <translation>&amp;Import now (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="103"/>
        <source>每分钟自动导入(&amp;W)</source>
        <translation>Import &amp;every minute</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="112"/>
        <source>录音时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="113"/>
        <source>时长</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="114"/>
        <location filename="../../ui/recordings/tray_tab.py" line="130"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="115"/>
        <location filename="../../ui/recordings/tray_tab.py" line="131"/>
        <source>回访员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="116"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="121"/>
        <source>待匹配录音(&amp;T)</source>
        <translation>Unma&amp;tched recordings</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="128"/>
        <source>拨打时间</source>
        <translation>Dialled at</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="129"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="132"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="136"/>
        <source>附近的通话(&amp;C)</source>
        <translation>&amp;Nearby calls</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="138"/>
        <source>归档到所选通话 (Ctrl+Enter)</source>
        <translation>File to the selected call (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="141"/>
        <source>丢弃 (Delete)</source>
        <translation>Discard (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="224"/>
        <source>录音文件夹：{folder}</source>
        <translation>Recordings folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="226"/>
        <source>本机未设置录音文件夹（设置 → 本机 → 录音文件夹）</source>
        <translation>No recordings folder is set on this computer (Settings → This computer → Recordings folder)</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="258"/>
        <source>正在导入录音…</source>
        <translation>Importing recordings…</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="287"/>
        <source>待匹配录音仅组长、管理员可处理。</source>
        <translation>Only team leads and administrators can handle unmatched recordings.</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="317"/>
        <source>待匹配 {n} 个录音</source>
        <translation>{n} unmatched recordings</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="373"/>
        <source>（已有录音）</source>
        <translation> (has a recording)</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="393"/>
        <source>已归档到 {case_no}</source>
        <translation>Filed to {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="402"/>
        <source>丢弃录音</source>
        <translation>Discard recording</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="403"/>
        <source>丢弃此录音？它仍被保存，但不再等待归档。</source>
        <translation>Discard this recording? It is still kept, but no longer waits to be filed.</translation>
    </message>
    <message>
        <location filename="../../ui/recordings/tray_tab.py" line="414"/>
        <source>已丢弃</source>
        <translation>Discarded</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="552"/>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="555"/>
        <source>已打印或抄写，妥善保管(&amp;D)</source>
        <translation>&amp;Done: printed or copied out, and kept safe</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyView</name>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="485"/>
        <source>这是 {name} 的恢复密钥，只显示这一次，本机不保存它。请打印或抄写下来，连同本机指纹锁进保险柜，不要和备份放在一起。数据库和本机密钥丢失时，用它恢复备份；数据库文件加密后，忘记全部管理员密码时，用它打开数据库（main.py db recover）。</source>
        <translation>This is the recovery key of {name}, shown only this once and not kept here. Print it or write it down and lock it away with this installation&apos;s fingerprint, apart from the backups. When the database and its keys are lost, it restores a backup; once the database file is encrypted and every administrator&apos;s password is lost, it opens the database (main.py db recover).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="500"/>
        <location filename="../../ui/admin/keys_dialog.py" line="524"/>
        <source>本机指纹：{fingerprint}</source>
        <translation>This installation&apos;s fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="501"/>
        <location filename="../../ui/admin/keys_dialog.py" line="525"/>
        <source>恢复密钥指纹：{fingerprint}</source>
        <translation>Recovery key fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="507"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="522"/>
        <source>回访台恢复密钥</source>
        <translation>RevisitDesk recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="523"/>
        <source>站点：{name}（{id}）</source>
        <translation>Site: {name} ({id})</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="528"/>
        <source>恢复备份：backup restore 备份文件 --to 新数据库文件 --recovery-key，或在“从备份恢复到新数据库”中填写恢复密钥。</source>
        <translation>To restore a backup: backup restore FILE --to NEW_DATABASE_FILE --recovery-key, or type the recovery key in &quot;Restore a backup into a new database&quot;.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="449"/>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="452"/>
        <source>设置已保存。电脑损坏、数据库和本机密钥丢失时，只有恢复密钥能打开备份。请打印或抄写下来，再输入它的最后一组，确认已妥善记下。</source>
        <translation>The settings are saved. If the computer breaks and the database and its keys are lost, only the recovery key opens the backups. Print it or write it down, then type its last group to confirm it is safely taken down.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="459"/>
        <source>恢复密钥的最后一组(&amp;L)：</source>
        <translation>&amp;Last group of the recovery key:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="478"/>
        <source>设置已保存，数据库文件已加密。忘记全部管理员密码时，或电脑损坏、数据库和本机密钥丢失时，只有恢复密钥能打开数据库和备份。请打印或抄写下来，再输入它的最后一组，确认已妥善记下。</source>
        <translation>The settings are saved and the database file is encrypted. If every administrator&apos;s password is forgotten, or the computer breaks and the database and its keys are lost, only the recovery key opens the database and the backups. Print it or write it down, then type its last group to confirm it is safely taken down.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="484"/>
        <source>数据库文件未能加密：{why} 可稍后在“管理 → 加密数据库文件”中再试。</source>
        <translation>The database file could not be encrypted: {why} Try again later in Manage → Encrypt the database file.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="508"/>
        <source>这不是恢复密钥的最后一组：请对照屏幕上的恢复密钥再输入。</source>
        <translation>That is not the last group of the recovery key: compare it with the key on the screen and type it again.</translation>
    </message>
</context>
<context>
    <name>RecurringModel</name>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="134"/>
        <source>网点</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="135"/>
        <source>不满意原因</source>
        <translation>Reason for dissatisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="136"/>
        <source>本季度次数</source>
        <translation>Times this quarter</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="137"/>
        <source>反复出现</source>
        <translation>Recurring</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="138"/>
        <source>已有措施</source>
        <translation>Action in place</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="151"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_tab.py" line="152"/>
        <source>尚无（需制定）</source>
        <translation>None (needed)</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="73"/>
        <source>登记投诉/建议（投诉登记表 H.1）</source>
        <translation>Register complaint / suggestion (complaint registration form H.1)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="73"/>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="92"/>
        <source>手机或固定电话</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="96"/>
        <source>可不填；填写后回车查找</source>
        <translation>Optional; press Enter to look it up</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="99"/>
        <source>查找(&amp;L)</source>
        <translation>&amp;Look up</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="106"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="111"/>
        <source>投诉人反映的问题和诉求（必填）</source>
        <translation>The problem and request the complainant raised (required)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="120"/>
        <source>类型(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="121"/>
        <source>方式(&amp;W)：</source>
        <translation>Channel (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="122"/>
        <source>分类(&amp;G)：</source>
        <translation>Cate&amp;gory:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="133"/>
        <source>投诉时间(&amp;T)：</source>
        <translation>&amp;Time of complaint:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="134"/>
        <source>投诉人(&amp;N)：</source>
        <translation>Complai&amp;nant:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="135"/>
        <source>联系电话(&amp;P)：</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="136"/>
        <source>地址(&amp;A)：</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="137"/>
        <source>关联业务编号(&amp;B)：</source>
        <translation>Related case no. (&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="141"/>
        <source>被投诉网点(&amp;U)：</source>
        <translation>O&amp;utlet complained about:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="142"/>
        <source>被投诉人员(&amp;S)：</source>
        <translation>&amp;Staff complained about:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="143"/>
        <source>投诉内容(&amp;C)：</source>
        <translation>&amp;Complaint:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="144"/>
        <source>受理人(&amp;R)：</source>
        <translation>&amp;Received by:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="147"/>
        <source>首次联系和答复期限按工作日历自投诉日期起算（默认 2 个和 15 个工作日）。Ctrl+Enter 登记，Esc 取消。</source>
        <translation>First contact and answer deadlines count in working days from the complaint date (by default 2 and 15 working days). Ctrl+Enter registers, Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="205"/>
        <source>找不到业务编号 {case_no}。</source>
        <translation>Case no. {case_no} not found.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="214"/>
        <source>{type} · 受理单位 {unit} · 经办人 {handler} · 申请人 {applicant}</source>
        <translation>{type} · Accepting unit {unit} · Handling staff {handler} · Applicant {applicant}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="215"/>
        <source>（未知类型）</source>
        <translation>(unknown type)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="217"/>
        <location filename="../../ui/complaints/register_dialog.py" line="218"/>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="235"/>
        <source>（未指明）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/register_dialog.py" line="262"/>
        <source>请填写投诉内容。</source>
        <translation>Fill in the complaint.</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <location filename="../../ui/importing/rejected_rows_model.py" line="21"/>
        <source>行号</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../ui/importing/rejected_rows_model.py" line="22"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/importing/rejected_rows_model.py" line="23"/>
        <source>原始内容</source>
        <translation>Original row</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="94"/>
        <source>解决 {case_no}</source>
        <translation>Resolve {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="94"/>
        <source>解决</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="96"/>
        <source>向被回访人所作的解释、已采取的措施（必填）</source>
        <translation>What was explained to the respondent and what was done (required)</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="98"/>
        <source>处理说明(&amp;E)：</source>
        <translation>&amp;Explanation:</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="103"/>
        <source>二次回访电话已录入被回访人的评价：{answers}</source>
        <translation>The second-round call already recorded the respondent&apos;s evaluation: {answers}</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="109"/>
        <source>被回访人的二次回访评价（回访单，记为第二轮，不计分）：</source>
        <translation>The respondent&apos;s second-round evaluation (Form A, recorded as round two, not scored):</translation>
    </message>
    <message>
        <location filename="../../ui/board/step_dialogs.py" line="131"/>
        <source>请填写处理说明。</source>
        <translation>Fill in the explanation.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="39"/>
        <source>从备份恢复到新数据库</source>
        <translation>Restore a backup to a new database</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="42"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="45"/>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="46"/>
        <source>制作时间：</source>
        <translation>Made:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="47"/>
        <source>来源：</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="49"/>
        <source>版本：</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="51"/>
        <source>回访台 {app}，数据库结构 {revision}</source>
        <translation>RevisitDesk {app}, database schema {revision}</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="56"/>
        <source>内容：</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="58"/>
        <source>恢复到</source>
        <translation>Restore to</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="65"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="68"/>
        <source>一个还不存在的 SQLite 数据库文件；附件将放在它旁边的文件夹中。</source>
        <translation>An SQLite database file that does not exist yet; attachments go into a folder next to it.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="72"/>
        <source>一个新建的空 PostgreSQL 数据库的地址。请先在服务器上新建它，例如：createdb -O 用户名 新库名。</source>
        <translation>The address of a new, empty PostgreSQL database. Create it on the server first, e.g.: createdb -O username new_db.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="78"/>
        <source>密钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="83"/>
        <source>备份由制作它的安装签名并加密，在本机制作的备份直接恢复。数据库和本机密钥丢失后，在新的安装上恢复时请填写当时打印的恢复密钥。</source>
        <translation>A backup is signed and encrypted by the installation that made it; backups made on this computer restore directly. If the database and this computer&apos;s key have been lost, enter the recovery key printed back then to restore on a new installation.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="90"/>
        <source>恢复密钥(&amp;K)：</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="92"/>
        <source>这是旧版本回访台制作的未签名备份，我确认它的来源，仍然恢复(&amp;U)</source>
        <translation>This is an &amp;unsigned backup made by an older RevisitDesk; I confirm where it came from, restore it anyway</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="98"/>
        <source>恢复只写入新的数据库，正在使用的数据库不会被改动。要使用恢复的数据库，请用 --db 指定它来启动回访台。</source>
        <translation>Restoring writes only to the new database; the database in use is not changed. To use the restored database, start RevisitDesk with --db pointing to it.</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="108"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="109"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="124"/>
        <source>业务件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="125"/>
        <source>评价</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="126"/>
        <source>拨打记录</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="127"/>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="129"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="152"/>
        <source>新数据库文件</source>
        <translation>New database file</translation>
    </message>
    <message>
        <location filename="../../ui/backup/restore_dialog.py" line="155"/>
        <source>SQLite 数据库 (*.sqlite3 *.db)</source>
        <translation>SQLite databases (*.sqlite3 *.db)</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="31"/>
        <source>业务件的申请人和座落</source>
        <translation>Applicant and location of cases</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="32"/>
        <source>业务件的联系电话</source>
        <translation>Phone numbers of cases</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="33"/>
        <source>评价中的评价人、建议等文字</source>
        <translation>Evaluators and free text in evaluations</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="34"/>
        <source>拨打记录的号码和备注</source>
        <translation>Numbers and notes of call records</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="35"/>
        <source>二次回访中被回访人的反映</source>
        <translation>What respondents reported in second-round callbacks</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="36"/>
        <source>差评的核实情况与反馈内容</source>
        <translation>Bad reviews&apos; verification findings and feedback</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="37"/>
        <source>二次回访联系记录的内容</source>
        <translation>Contents of second-round contact records</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="38"/>
        <source>企业回访反馈单的联系人和建议</source>
        <translation>Contacts and suggestions on Form B</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="39"/>
        <source>已办结投诉的投诉人、联系方式和地址</source>
        <translation>Complainant, contact details and address of closed complaints</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="40"/>
        <source>意见条的留言人和联系方式</source>
        <translation>Writers and contact details of suggestion slips</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="41"/>
        <source>通话录音（录音文件本身）</source>
        <translation>Call recordings (the audio files themselves)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="42"/>
        <source>以上记录的审计日志中的个人信息</source>
        <translation>Personal data in the audit log of the records above</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="61"/>
        <source>数据保留</source>
        <translation>Data retention</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="66"/>
        <source>业务件办结超过保存年限后，清除其中的个人信息（姓名、电话、地址、评价和通话中的文字）。业务件、单位、日期、评价等级、渠道和结果都保留，各项统计报表不受影响。</source>
        <translation>Once a case has been completed for longer than the retention period, its personal data (names, phone numbers, addresses, text from evaluations and calls) is purged. Cases, units, dates, rating levels, channels and outcomes are kept, and no statistics report is affected.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="74"/>
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="76"/>
        <source>保存年限</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="83"/>
        <source>个人信息保存年限：</source>
        <translation>Keep personal data for:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="85"/>
        <source>清除范围：</source>
        <translation>To purge:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="94"/>
        <source>清除(&amp;P)…</source>
        <translation>&amp;Purge…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="96"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="137"/>
        <source>{cutoff} 之前办结的业务件、办结的投诉</source>
        <translation>Cases completed and complaints closed before {cutoff}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="143"/>
        <source>{n} 条</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="165"/>
        <source>保存年限已改为 {years} 年。</source>
        <translation>Retention period changed to {years} years.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="173"/>
        <source>清除个人信息</source>
        <translation>Purge personal data</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="175"/>
        <source>将清除 {n} 条记录中的个人信息（{cutoff} 之前办结的业务件）。
此操作不能撤销；建议先做一次备份。确定清除吗？</source>
        <translation>Personal data will be purged from {n} records (cases completed before {cutoff}).
This cannot be undone; make a backup first. Purge now?</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="206"/>
        <source>已清除 {n} 条记录中的个人信息。</source>
        <translation>Personal data purged from {n} records.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dialog.py" line="237"/>
        <source>先点“保存年限”，看到新的清除范围后再清除</source>
        <translation>Save the years first, then purge with the cut-off shown</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="41"/>
        <source>受理单位</source>
        <translation>Accepting unit</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="42"/>
        <source>扫码</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="43"/>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="44"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="45"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="46"/>
        <source>其中默认</source>
        <translation>Of which default</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="47"/>
        <source>差评</source>
        <translation>Bad reviews</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="48"/>
        <source>实名差评</source>
        <translation>Named</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="49"/>
        <source>已回访</source>
        <translation>Revisited</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="50"/>
        <source>实名回访率</source>
        <translation>Revisit rate</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="51"/>
        <source>成立</source>
        <translation>Standing</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="52"/>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="53"/>
        <source>整改率</source>
        <translation>Rectification rate</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="54"/>
        <source>申诉</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="55"/>
        <source>申诉成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="56"/>
        <source>恶意差评</source>
        <translation>Malicious</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="59"/>
        <source>计入回访的首次评价：扫码评价</source>
        <translation>First evaluations counted as revisits: by QR code</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="60"/>
        <source>计入回访的首次评价：好差评平台</source>
        <translation>First evaluations counted as revisits: on the rating platform</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="61"/>
        <source>计入回访的首次评价：电话回访</source>
        <translation>First evaluations counted as revisits: by phone revisit</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="62"/>
        <source>计入回访的首次评价：企业回访</source>
        <translation>First evaluations counted as revisits: by enterprise visit</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="63"/>
        <source>上述评价中平台代为作出的系统默认评价（已计入其渠道）</source>
        <translation>Of the evaluations above, default ratings the platform recorded for the citizen (already counted in their channel)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="66"/>
        <source>首次评价总体情况为不满意</source>
        <translation>First evaluations rated dissatisfied overall</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="67"/>
        <source>平台未标记为匿名的差评</source>
        <translation>Bad reviews the platform did not mark as anonymous (named)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="68"/>
        <source>实名差评中有联系记录或已录入二次回访评价的</source>
        <translation>Named bad reviews with a contact record or a second-round evaluation entered</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="71"/>
        <source>实名差评回访率＝已回访÷实名差评</source>
        <translation>Revisit rate of named bad reviews = Revisited ÷ Named</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="72"/>
        <source>核实属实、未申诉或申诉不成立的差评</source>
        <translation>Bad reviews that stand: verified as true, not appealed, or appeal rejected</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="73"/>
        <source>成立差评中已整改完成的</source>
        <translation>Standing bad reviews whose rectification is done</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="74"/>
        <source>差评整改率＝已整改÷成立</source>
        <translation>Rectification rate of bad reviews = Rectified ÷ Standing</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="75"/>
        <source>提出申诉复核的差评</source>
        <translation>Bad reviews appealed</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="76"/>
        <source>申诉复核成立（差评不成立）的</source>
        <translation>Appeals upheld (bad review set aside)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/review_model.py" line="77"/>
        <source>经申诉复核认定为恶意评价的差评</source>
        <translation>Bad reviews upheld as malicious on appeal</translation>
    </message>
</context>
<context>
    <name>ScanViewer</name>
    <message>
        <location filename="../../ui/scanning/viewer.py" line="48"/>
        <source>上一页（PgUp）</source>
        <translation>Previous page (PgUp)</translation>
    </message>
    <message>
        <location filename="../../ui/scanning/viewer.py" line="49"/>
        <source>下一页（PgDn）</source>
        <translation>Next page (PgDn)</translation>
    </message>
    <message>
        <location filename="../../ui/scanning/viewer.py" line="50"/>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/scanning/viewer.py" line="51"/>
        <source>放大（Ctrl+=）</source>
        <translation>Zoom in (Ctrl+=)</translation>
    </message>
    <message>
        <location filename="../../ui/scanning/viewer.py" line="52"/>
        <source>适合</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../ui/scanning/viewer.py" line="52"/>
        <source>整页显示（Ctrl+0）</source>
        <translation>Fit the page (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/scanning/viewer.py" line="53"/>
        <source>向右旋转 90°（Ctrl+R）</source>
        <translation>Rotate 90° clockwise (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>ScanningPage</name>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="137"/>
        <source>添加扫描文件(&amp;O)…</source>
        <translation>Add scan files (&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="138"/>
        <source>选择 PDF、PNG、JPEG 或 TIFF 扫描文件（Ctrl+O）</source>
        <translation>Choose PDF, PNG, JPEG or TIFF scans (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="140"/>
        <source>从扫描仪扫描</source>
        <translation>Scan from scanner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="142"/>
        <source>正在查找扫描仪…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="146"/>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="147"/>
        <source>监视文件夹：</source>
        <translation>Watched folder:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="149"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="151"/>
        <source>监视</source>
        <translation>Watch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="153"/>
        <source>扫描仪存入此文件夹的文件自动添加；处理后移到 done/ 或 refused/ 子文件夹</source>
        <translation>Files the scanner puts in this folder are added by themselves, then moved to its done/ or refused/ subfolder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="166"/>
        <source>把扫描文件拖到这里即可添加。带二维码的反馈单自动归档到业务件。</source>
        <translation>Drop scanned files here to add them. Forms with their QR code are filed to their cases by themselves.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="182"/>
        <source>本次添加</source>
        <translation>Added this session</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="195"/>
        <source>业务编号、企业名称或申请人</source>
        <translation>Case no., enterprise or applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="199"/>
        <source>查找业务件(&amp;D)：</source>
        <translation>Fin&amp;d case:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="206"/>
        <source>归档到此业务件</source>
        <translation>File to this case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="207"/>
        <source>把当前页归档到选中的业务件（Ctrl+Enter）</source>
        <translation>File the page on screen to the chosen case (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="210"/>
        <source>丢弃此页</source>
        <translation>Discard this page</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="212"/>
        <source>空白页或无关的页：移出待匹配区（文件仍保留）（Ctrl+Delete）</source>
        <translation>A blank or stray page: take it out of the tray (the file is kept) (Ctrl+Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="218"/>
        <source>匹配业务件</source>
        <translation>Match to a case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="269"/>
        <source>选择扫描文件</source>
        <translation>Choose scan files</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="271"/>
        <source>扫描文件 ({patterns})</source>
        <translation>Scans ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="309"/>
        <source>无法读取文件：{reason}</source>
        <translation>Cannot read the file: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="314"/>
        <source>正在添加 {count} 个文件…</source>
        <translation>Adding {count} file(s)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="329"/>
        <location filename="../../ui/pages/scanning_page.py" line="472"/>
        <source>{file} 未添加：{reason}</source>
        <translation>{file} not added: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="365"/>
        <source>扫描放在扫描仪上的全部页（Ctrl+Shift+S）</source>
        <translation>Scan every page in the scanner (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="368"/>
        <source>没有可用的扫描仪：未安装扫描仪支持（python-sane）或未连接扫描仪。可以拖放文件、选择文件或使用监视文件夹。</source>
        <translation>No scanner available: scanner support (python-sane) is not installed or no scanner is connected. Drop files, choose them or use the watched folder.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="386"/>
        <source>正在扫描…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="405"/>
        <source>选择扫描仪存放文件的文件夹</source>
        <translation>Choose the folder the scanner saves into</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="432"/>
        <source>监视文件夹不存在：{folder}</source>
        <translation>The watched folder does not exist: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="505"/>
        <source>待匹配 ({count})</source>
        <translation>Unmatched ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="509"/>
        <source>{file} 第 {page}/{pages} 页</source>
        <translation>{file} page {page}/{pages}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="510"/>
        <source>扫描件</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="513"/>
        <source>添加于 {at}</source>
        <translation>Added {at}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="515"/>
        <source>读到的二维码：{text}</source>
        <translation>QR code read: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="544"/>
        <source>待匹配区是空的。</source>
        <translation>The tray is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="547"/>
        <source>未能从这一页识别业务件。请查找并选择它所属的业务件。</source>
        <translation>No case was recognised on this page. Find and choose the case it belongs to.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="549"/>
        <source>这一页的二维码不是有效的回访单编码：{text}</source>
        <translation>The QR code on this page is not a valid form code: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="552"/>
        <source>第 {row}/{count} 页</source>
        <translation>Page {row}/{count}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="614"/>
        <source>已归档到业务件 {case_no}。</source>
        <translation>Filed to case {case_no}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="625"/>
        <source>已丢弃这一页（文件仍保留）。</source>
        <translation>Page discarded (the file is kept).</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../../ui/statistics/charts.py" line="94"/>
        <source>得分合计排名</source>
        <translation>Ranking by score</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/charts.py" line="94"/>
        <source>得分合计</source>
        <translation>Score</translation>
    </message>
</context>
<context>
    <name>ScorecardTab</name>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="56"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="57"/>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="58"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="59"/>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="60"/>
        <source>关键项</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="61"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="62"/>
        <source>顺序</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="70"/>
        <source>评分标准(&amp;L)（★ 关键项不满分即开立纠正措施）：</source>
        <translation>C&amp;riteria (★ critical: less than full points opens a corrective action):</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="72"/>
        <source>新增标准(&amp;N)</source>
        <translation>&amp;New criterion</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="74"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="76"/>
        <source>撤销修改(&amp;U)</source>
        <translation>&amp;Undo changes</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="212"/>
        <source>第 {0} 行：分值和顺序须为整数</source>
        <translation>Row {0}: points and order must be whole numbers</translation>
    </message>
    <message>
        <location filename="../../ui/quality/scorecard_tab.py" line="245"/>
        <source>评分表已保存。</source>
        <translation>Scorecard saved.</translation>
    </message>
</context>
<context>
    <name>SeatUser</name>
    <message>
        <location filename="../../ui/seat_user.py" line="36"/>
        <source>当前用户(&amp;Y)：</source>
        <translation>&amp;Current user:</translation>
    </message>
    <message>
        <location filename="../../ui/seat_user.py" line="56"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/seat_user.py" line="73"/>
        <source>已登录</source>
        <translation>Logged in</translation>
    </message>
</context>
<context>
    <name>SendCasesDialog</name>
    <message>
        <location filename="../../ui/sync/send_cases_dialog.py" line="36"/>
        <source>发送待回访业务件</source>
        <translation>Send cases to revisit</translation>
    </message>
    <message>
        <location filename="../../ui/sync/send_cases_dialog.py" line="42"/>
        <source>选择要交给网点回访的受理单位：它们回访队列中未完成的业务件（连同电话和回访记录）写入一个同步文件，由网点导入到它的回访队列。</source>
        <translation>Choose the accepting units whose revisits an outlet will do: the unfinished cases in their revisit queue (with phone numbers and call records) are written to a sync file, which the outlet imports into its revisit queue.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/send_cases_dialog.py" line="49"/>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/send_cases_dialog.py" line="54"/>
        <source>导出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../ui/sync/send_cases_dialog.py" line="61"/>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/send_cases_dialog.py" line="90"/>
        <source>{unit}（待回访 {n} 件）</source>
        <translation>{unit} ({n} to revisit)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/send_cases_dialog.py" line="106"/>
        <source>保存待回访业务件</source>
        <translation>Save cases to revisit</translation>
    </message>
    <message>
        <location filename="../../ui/sync/send_cases_dialog.py" line="109"/>
        <source>回访台同步文件 (*{suffix})</source>
        <translation>RevisitDesk sync files (*{suffix})</translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="135"/>
        <source>范围 {range}</source>
        <translation>Range {range}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="136"/>
        <source>默认 {default}</source>
        <translation>Default {default}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="137"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="170"/>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="317"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="326"/>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="334"/>
        <source>只有管理员可以更改设置；您可以查看各项设置及其依据。</source>
        <translation>Only administrators can change the settings; you can view each setting and what it is based on.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="336"/>
        <source>每项设置下方是它依据的规范条款。更改后点“保存”，先列出更改再保存。</source>
        <translation>Below each setting is the clause of the standard it is based on. After changing, click “Save”: the changes are listed before they are saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="343"/>
        <source>保存(&amp;S)…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="346"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="398"/>
        <source>以下设置只保存在这台计算机上（当前 Windows/Linux 用户），不在数据库中，其他席位不受影响。</source>
        <translation>The settings below are kept only on this computer (for the current Windows/Linux user), not in the database; other seats are not affected.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="408"/>
        <source>系统电话程序（tel: 链接）</source>
        <translation>System phone application (tel: link)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="409"/>
        <source>软电话命令</source>
        <translation>Softphone command</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="410"/>
        <source>baresip 软电话（由本程序控制）</source>
        <translation>baresip softphone (controlled by this program)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="415"/>
        <source>&lt;b&gt;电话(&amp;T)&lt;/b&gt;</source>
        <translation>&lt;b&gt;&amp;Telephone&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="419"/>
        <source>baresip：本程序通过 baresip 的 ctrl_tcp 拨号、跟踪振铃/接通/挂断并记入回访记录，未接通时自动建议结果（无人接听、占线、关机）。其他两种只交出号码。</source>
        <translation>baresip: this program dials through baresip&apos;s ctrl_tcp, follows ringing, answer and hang-up and records them with the call; when a call is not answered it suggests the outcome (no answer, busy, switched off). The other two only hand over the number.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="439"/>
        <source>baresip 地址(&amp;H)：</source>
        <translation>baresip &amp;host:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="440"/>
        <source>ctrl_tcp 端口(&amp;P)：</source>
        <translation>ctrl_tcp &amp;port:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="441"/>
        <source>SIP 地址模板(&amp;U)：</source>
        <translation>SIP &amp;URI template:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="448"/>
        <source>baresip 配置中 ctrl_tcp_listen 的地址和端口。SIP 地址模板：{number} 填入 E.164 号码（+8613812345678），{digits} 填入国内拨号（13812345678、053186123456），{extension} 填入分机号。空：用灰色的默认值。</source>
        <translation>Host and port of ctrl_tcp_listen in the baresip configuration. SIP URI template: {number} becomes the E.164 number (+8613812345678), {digits} the domestic digits (13812345678, 053186123456), {extension} the extension. Empty: the grey default is used.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="465"/>
        <source>&lt;b&gt;拨号命令(&amp;C)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dial &amp;command&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="469"/>
        <source>回访工作台拨号时运行的程序：{number} 处填入号码（如 +8653186123456），{extension} 处填入分机号；不经过 shell。空：交给系统的电话程序（tel: 链接）。服务 W 7.1.3.3 电话回访。</source>
        <translation>The program the Call desk runs to dial: {number} is replaced by the number (e.g. +8653186123456), {extension} by the extension; no shell is used. Empty: hand over to the system&apos;s phone application (tel: link). W 7.1.3.3 phone revisits.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="482"/>
        <source>例如 0531-86123456 或 13812345678</source>
        <translation>e.g. 0531-86123456 or 13812345678</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="484"/>
        <source>试拨(&amp;D)…</source>
        <translation>Test &amp;dial…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="487"/>
        <source>&lt;b&gt;试拨号码(&amp;N)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Test &amp;number&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="493"/>
        <source>用上面的拨号命令（尚未保存的也可以）拨打这个号码，看电话是否响起。</source>
        <translation>Dial this number with the dial command above (even one not saved yet) to see whether the phone rings.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="502"/>
        <source>例如 ~/.baresip/recordings</source>
        <translation>e.g. ~/.baresip/recordings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="505"/>
        <source>&lt;b&gt;录音文件夹(&amp;R)&lt;/b&gt;</source>
        <translation>&lt;b&gt;&amp;Recordings folder&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="509"/>
        <source>软电话（baresip 的 sndfile 模块，配置项 snd_path）或交换机存放通话录音的文件夹；在“录音质检”页导入，录音按通话编号、号码和时间归到回访记录。空：不导入。</source>
        <translation>Folder where the softphone (baresip&apos;s sndfile module, setting snd_path) or the exchange keeps call recordings; they are imported on the “Call QC” page and filed to the calls by call ID, number and time. Empty: no import.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="630"/>
        <source>选择“软电话命令”时须填写拨号命令。</source>
        <translation>“Softphone command” needs a dial command.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="667"/>
        <source>有 {n} 项设置的值不正确，请按红字修改。</source>
        <translation>{n} settings have incorrect values: correct them as the red text says.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="672"/>
        <source>已更改 {n} 项，尚未保存。</source>
        <translation>{n} changed, not saved yet.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="686"/>
        <source>拨号命令无法使用（{reason}）：引号要成对，花括号中只能是 number 或 extension。</source>
        <translation>The dial command cannot be used ({reason}): quotes must come in pairs, and braces may hold only number or extension.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="707"/>
        <source>电话（本机）</source>
        <translation>Telephone (this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="708"/>
        <source>baresip 地址（本机）</source>
        <translation>baresip host (this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="709"/>
        <source>ctrl_tcp 端口（本机）</source>
        <translation>ctrl_tcp port (this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="710"/>
        <source>SIP 地址模板（本机）</source>
        <translation>SIP URI template (this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="711"/>
        <source>录音文件夹（本机）</source>
        <translation>Recordings folder (this computer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="714"/>
        <location filename="../../ui/settings/settings_dialog.py" line="718"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="717"/>
        <source>拨号命令（本机）：{before} → {after}</source>
        <translation>Dial command (this computer): {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="759"/>
        <source>已保存 {n} 项更改。</source>
        <translation>{n} changes saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="794"/>
        <source>请输入一个有效的电话号码。</source>
        <translation>Enter a valid phone number.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="822"/>
        <source>无法拨号（{detail}）。请检查电话设置。</source>
        <translation>Could not dial ({detail}). Check the telephone settings.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="830"/>
        <source>已用“{how}”拨打 {number}。电话没有响起时，请检查电话设置。</source>
        <translation>Dialled {number} with “{how}”. If the phone does not ring, check the telephone settings.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="839"/>
        <source>振铃</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="840"/>
        <source>通话中</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="841"/>
        <source>已挂断</source>
        <translation>Hung up</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="843"/>
        <source>失败：{reason}</source>
        <translation>Failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="845"/>
        <source>试拨：{state}</source>
        <translation>Test dial: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="826"/>
        <source>系统的电话程序</source>
        <translation>System phone application</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="77"/>
        <source>回访台 — 首次设置</source>
        <translation>RevisitDesk — first-run set-up</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="80"/>
        <source>下一步(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="81"/>
        <source>&lt; 上一步(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="82"/>
        <source>保存设置(&amp;S) &gt;</source>
        <translation>&amp;Save settings &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="83"/>
        <source>完成设置(&amp;D)</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/setup_wizard.py" line="84"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SheetEditor</name>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="905"/>
        <source>此项目已不存在，请刷新</source>
        <translation>This item no longer exists; refresh</translation>
    </message>
</context>
<context>
    <name>SheetEditorDialog</name>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="724"/>
        <source>考核计分表</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="726"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="726"/>
        <source>评估项目</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="726"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="727"/>
        <source>标准分</source>
        <translation>Full points</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="727"/>
        <source>计算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="727"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="750"/>
        <source>序号(&amp;M)：</source>
        <translation>Nu&amp;mber:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="751"/>
        <source>评估项目(&amp;G)：</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="752"/>
        <source>项目名称(&amp;I)：</source>
        <translation>&amp;Item name:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="753"/>
        <source>考评内容(&amp;C)：</source>
        <translation>&amp;Content:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="754"/>
        <source>考评标准(&amp;T)：</source>
        <translation>Cri&amp;teria:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="755"/>
        <source>标准分数(&amp;P)：</source>
        <translation>Full &amp;points:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="756"/>
        <source>计算规则(&amp;R)：</source>
        <translation>Computation &amp;rule:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="763"/>
        <source>新项目 (Ctrl+N)</source>
        <translation>New item (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="764"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="765"/>
        <source>停用/启用 (Ctrl+D)</source>
        <translation>Deactivate / activate (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="766"/>
        <source>上移 (Ctrl+↑)</source>
        <translation>Move up (Ctrl+↑)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="767"/>
        <source>下移 (Ctrl+↓)</source>
        <translation>Move down (Ctrl+↓)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="768"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="815"/>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="816"/>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="916"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="816"/>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="916"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="829"/>
        <source>启用项目的标准分合计 {total} 分。</source>
        <translation>Full points of the active items: {total}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="863"/>
        <source>新项目：填好后按 Ctrl+S 保存。</source>
        <translation>New item: fill it in, then press Ctrl+S to save.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="884"/>
        <source>已新增第 {n} 项。</source>
        <translation>Item {n} added.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="892"/>
        <source>已保存第 {n} 项。</source>
        <translation>Item {n} saved.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="916"/>
        <source>第 {n} 项已{what}。</source>
        <translation>Item {n}: {what}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/assessment_dialogs.py" line="929"/>
        <source>已调整顺序。</source>
        <translation>Order changed.</translation>
    </message>
</context>
<context>
    <name>StaffFiguresModel</name>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="42"/>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="43"/>
        <source>经办人</source>
        <translation>Handling staff</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="44"/>
        <source>所属单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="45"/>
        <source>不满意工单</source>
        <translation>Dissatisfaction orders</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="46"/>
        <source>投诉工单</source>
        <translation>Complaint orders</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="47"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="48"/>
        <source>表扬</source>
        <translation>Commendations</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="49"/>
        <source>批评</source>
        <translation>Criticisms</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="75"/>
        <source>季度</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="76"/>
        <source>月度</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="77"/>
        <source>满意度调查（季度）</source>
        <translation>Satisfaction surveys (quarterly)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="81"/>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="82"/>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="83"/>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="84"/>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="119"/>
        <source>周期(&amp;P)：</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="125"/>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="133"/>
        <source>{month} 月</source>
        <translation>{month:02d}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="136"/>
        <location filename="../../ui/pages/statistics_page.py" line="303"/>
        <source>季度(&amp;Q)：</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="139"/>
        <source>选择要显示的受理单位</source>
        <translation>Choose the accepting units to show</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="140"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="141"/>
        <source>重新计算（F5）</source>
        <translation>Compute again (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="147"/>
        <source>导出 Excel(&amp;E)…</source>
        <translation>&amp;Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="148"/>
        <source>导出 PDF(&amp;D)…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="232"/>
        <source>图表(&amp;T)</source>
        <translation>Char&amp;ts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="233"/>
        <source>差评与渠道(&amp;B)</source>
        <translation>&amp;Bad reviews and channels</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="303"/>
        <source>月份(&amp;N)：</source>
        <translation>Mo&amp;nth:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="317"/>
        <source>{year}年{quarter}</source>
        <translation>{quarter} {year}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="320"/>
        <source>{year}年{month}月</source>
        <translation>{year}-{month:02d}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="355"/>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="411"/>
        <source>未达标单位补报截止 {day}</source>
        <translation>Units below target report supplements by {day}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="415"/>
        <source>补报截止日未知：工作日历尚未录入 {year} 年</source>
        <translation>Supplement deadline unknown: the working-day calendar has no {year} yet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="419"/>
        <source>{period}（{start} 至 {end}）&#x3000;覆盖率目标 {target:g}%&#x3000;{deadline}&#x3000;{below} 个单位低于目标</source>
        <translation>{period} ({start} to {end})   Coverage target {target:g}%   {deadline}   Units below target: {below}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="430"/>
        <source>&#x3000;·&#x3000;双击单位（或按回车）查看其业务件</source>
        <translation>   ·   Double-click a unit (or press Enter) to see its cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="432"/>
        <source>&#x3000;·&#x3000;这个季度没有办结的业务件</source>
        <translation>   ·   No cases were completed in this quarter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="439"/>
        <source>所选单位本季度没有经申诉认定为恶意的差评。</source>
        <translation>The selected units have no bad review upheld as malicious on appeal this quarter.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="441"/>
        <source>本季度没有经申诉认定为恶意的差评。</source>
        <translation>No bad review was upheld as malicious on appeal this quarter.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="445"/>
        <source>照常计分</source>
        <translation>scored as usual</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="447"/>
        <source>不计入得分合计和平均分</source>
        <translation>left out of the score total and average</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="449"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="450"/>
        <source>{case_no}（{unit}，{decided_by}）</source>
        <translation>{case_no} ({unit}, {decided_by})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="456"/>
        <source>经申诉认定为恶意的差评 {count} 件（保留原评价，{scored}）：{listing}</source>
        <translation>Bad reviews upheld as malicious on appeal: {count} (original evaluations kept, {scored}): {listing}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="464"/>
        <source>{period}（{start} 至 {end}）电话回访分析</source>
        <translation>Phone revisit analysis, {period} ({start} to {end})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="477"/>
        <source>{period}（{start} 至 {end}）群众满意度调查分析：{outlets} 个网点，调查表 {count} 份&#x3000;·&#x3000;满意率＝满意÷作答，未作答的题不计</source>
        <translation>Satisfaction survey analysis, {period} ({start} to {end}): {outlets} outlets, {count} forms   ·   Satisfaction rate = satisfied ÷ answered; unanswered questions not counted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="520"/>
        <source>{period}电话回访分析</source>
        <translation>Phone revisit analysis {period}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="548"/>
        <source>{period}群众满意度调查分析</source>
        <translation>Satisfaction survey analysis {period}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="563"/>
        <source>{period}回访考核通报</source>
        <translation>Revisit assessment report {period}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="581"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="582"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="586"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="620"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="628"/>
        <source>没有写入权限，或文件正被其他程序（如 Excel）打开。</source>
        <translation>No permission to write, or the file is open in another program (such as Excel).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="630"/>
        <source>文件夹不存在。</source>
        <translation>The folder does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="634"/>
        <source>没有导出 {path}：{reason}</source>
        <translation>Not exported to {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="646"/>
        <source>没有可显示的结果。按 F5 重新计算。</source>
        <translation>Nothing to show. Press F5 to compute again.</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/step_dialog.py" line="43"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SuggestionBoxTab</name>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="133"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="134"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="135"/>
        <source>来源(&amp;B)：</source>
        <translation>&amp;Box / book:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="155"/>
        <source>记录检查 (Ctrl+Enter)</source>
        <translation>Record check (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="157"/>
        <source>已检查，无意见 (Ctrl+0)</source>
        <translation>Checked, no slips (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="163"/>
        <source>检查人(&amp;W)：</source>
        <translation>&amp;Who checked:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="165"/>
        <source>检查时间(&amp;T)：</source>
        <translation>&amp;Time checked:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="166"/>
        <source>意见条数(&amp;N)：</source>
        <translation>&amp;Number of slips:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="167"/>
        <source>备注(&amp;O)：</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="171"/>
        <source>当天检查</source>
        <translation>The day&apos;s check</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="190"/>
        <source>保存这条意见 (Ctrl+Enter)</source>
        <translation>Save this slip (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="193"/>
        <source>类型(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="194"/>
        <source>内容(&amp;C)：</source>
        <translation>Cont&amp;ent:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="195"/>
        <source>涉及人员(&amp;P)：</source>
        <translation>&amp;Person named:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="196"/>
        <source>留言人(&amp;R)：</source>
        <translation>W&amp;riter:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="198"/>
        <source>联系方式(&amp;L)：</source>
        <translation>Contact detai&amp;ls:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="200"/>
        <source>录入意见</source>
        <translation>Enter a slip</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="212"/>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="220"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="213"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="214"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="215"/>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="220"/>
        <source>涉及人员</source>
        <translation>Person named</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="216"/>
        <source>去向</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="220"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="220"/>
        <source>批评内容</source>
        <translation>Criticism</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="222"/>
        <source>记录谈话 (Ctrl+T)</source>
        <translation>Record talk (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="226"/>
        <source>周三公告 (Ctrl+P)</source>
        <translation>Wednesday notice (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="241"/>
        <source>待谈话的批评：</source>
        <translation>Criticism awaiting a talk:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="251"/>
        <source>当天录入的意见：</source>
        <translation>Slips entered that day:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="369"/>
        <source>{wednesday} 的公告：{start} 至 {end} 收到的问题</source>
        <translation>Notice of {wednesday}: problems received {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="381"/>
        <source>本人</source>
        <translation>Myself</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="382"/>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="476"/>
        <source>（未指名）</source>
        <translation>(not named)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="399"/>
        <source>{source}：未检查</source>
        <translation>{source}: not checked</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="401"/>
        <source>{source}：{time} {who} 检查，{count} 条</source>
        <translation>{source}: checked {time} by {who}, {count} slips</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="408"/>
        <source>（已录入 {recorded} 条，待录入 {left} 条）</source>
        <translation> ({recorded} entered, {left} still to enter)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="441"/>
        <source>建议 {number}（{status}）</source>
        <translation>Suggestion {number} ({status})</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="446"/>
        <source>已记为表扬</source>
        <translation>Recorded as a commendation</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="446"/>
        <source>表扬（未指名）</source>
        <translation>Praise (no one named)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="447"/>
        <source>已谈话</source>
        <translation>Talk held</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="447"/>
        <source>待谈话</source>
        <translation>Talk pending</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="457"/>
        <source>{year} 年 {month} 月：已检查 {checked} 天</source>
        <translation>{year}-{month:02d}: checked on {checked} days</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="461"/>
        <source>；漏查的工作日：{days} 日</source>
        <translation>; working days missed: {days}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="461"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="464"/>
        <source>；没有漏查的工作日</source>
        <translation>; no working day missed</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="488"/>
        <source>请先登录。</source>
        <translation>Log in first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="491"/>
        <source>您的角色不能记录意见箱检查和意见。</source>
        <translation>Your role cannot record suggestion box checks and slips.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="533"/>
        <source>已更新 {day} {source}的检查：{count} 条意见。</source>
        <translation>Check of {day} updated ({source}): {count} slips.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="535"/>
        <source>已记录 {day} {source}的检查：{count} 条意见。</source>
        <translation>Check of {day} recorded ({source}): {count} slips.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="557"/>
        <source>请先记录当天{source}的检查（Ctrl+Enter）。</source>
        <translation>{source}: record the day&apos;s check first (Ctrl+Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="584"/>
        <source>已登记为建议 {number}，请在“投诉”页跟踪处理。</source>
        <translation>Registered as suggestion {number}: follow it up on the “Complaints” tab.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="588"/>
        <source>已记为表扬。</source>
        <translation>Recorded as a commendation.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="590"/>
        <source>已记录批评，待负责人谈话。</source>
        <translation>Criticism recorded; the head is to talk with the person.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="592"/>
        <source>已记录。</source>
        <translation>Recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="594"/>
        <source> 检查的意见条数已改为 {count} 条。</source>
        <translation> The check&apos;s number of slips is now {count}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="615"/>
        <source>只有负责人（组长、管理员）可以记录谈话。</source>
        <translation>Only the head (team lead or administrator) can record the talk.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="619"/>
        <source>没有待谈话的批评。</source>
        <translation>No criticism awaits a talk.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/suggestion_box_tab.py" line="639"/>
        <source>已记录谈话。</source>
        <translation>Talk recorded.</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="58"/>
        <source>数量</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="62"/>
        <source>数据行</source>
        <translation>Data rows</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="63"/>
        <source>新增</source>
        <translation>Inserted</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="64"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="65"/>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="66"/>
        <source>文件内重复行</source>
        <translation>Repeated lines</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="67"/>
        <source>被拒绝</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="72"/>
        <source>其中</source>
        <translation>Of which</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="84"/>
        <source>返回修改(&amp;B)</source>
        <translation>&amp;Back to the columns</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="85"/>
        <source>回到预览和列对应，修改后再导入</source>
        <translation>Return to the preview and the columns, change them and import again</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="100"/>
        <source>导出被拒绝的行(&amp;E)…</source>
        <translation>&amp;Export rejected rows…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="127"/>
        <source>已导入 {file}，其中 {count} 行被拒绝，没有导入。</source>
        <translation>Imported {file}; {count} rows were rejected and not imported.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="133"/>
        <source>已导入 {file}。</source>
        <translation>Imported {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="154"/>
        <source>未知受理单位“{name}”（{rows} 行）：{outcome}</source>
        <translation>Unknown accepting unit “{name}” ({rows} rows): {outcome}</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="163"/>
        <source>被拒绝的行（{count}）</source>
        <translation>Rejected rows ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="165"/>
        <source>没有被拒绝的行。</source>
        <translation>No row was rejected.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="171"/>
        <source>{outcome}（导入方案：{profile}）</source>
        <translation>{outcome} (import profile: {profile})</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="180"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="181"/>
        <source>_被拒绝的行</source>
        <translation>_rejected_rows</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="184"/>
        <location filename="../../ui/importing/summary_view.py" line="211"/>
        <source>导出被拒绝的行</source>
        <translation>Export rejected rows</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="186"/>
        <source>CSV 文件，UTF-8 (*.csv)</source>
        <translation>CSV file, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="212"/>
        <source>无法写入文件 {path}：{reason}</source>
        <translation>Cannot write the file {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <location filename="../../ui/pages/supervision_page.py" line="22"/>
        <source>满意度调查</source>
        <translation>Satisfaction surveys</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervision_page.py" line="23"/>
        <source>意见箱（簿）</source>
        <translation>Suggestion box / book</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervision_page.py" line="24"/>
        <source>网点考核</source>
        <translation>Outlet assessment</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervision_page.py" line="25"/>
        <source>表扬</source>
        <translation>Commendations</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervision_page.py" line="30"/>
        <source>请选择您的姓名：录入和考核按您的角色办理。</source>
        <translation>Choose your name: entering and assessing follow your role.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervision_page.py" line="32"/>
        <source>可录入调查表、意见条和表扬，并考核网点、评选先进。</source>
        <translation>You can enter surveys, slips and commendations, assess outlets and choose model staff.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervision_page.py" line="34"/>
        <source>可录入调查表、意见箱检查、意见条和表扬；网点考核须由组长办理。</source>
        <translation>You can enter surveys, box checks, slips and commendations; outlets are assessed by team leads.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervision_page.py" line="35"/>
        <source>可查看；录入和考核须由回访员、组长或管理员办理。</source>
        <translation>You can view; entering and assessing are done by operators, team leads or administrators.</translation>
    </message>
</context>
<context>
    <name>SurveyView</name>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="28"/>
        <source>服务环境</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="29"/>
        <source>服务态度</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="30"/>
        <source>办事效率</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="31"/>
        <source>咨询答复</source>
        <translation>Answers to questions</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="32"/>
        <source>上班纪律</source>
        <translation>Work discipline</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="33"/>
        <source>便民设施</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="34"/>
        <source>总体印象</source>
        <translation>Overall impression</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="37"/>
        <source>25岁以下</source>
        <translation>Under 25</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="38"/>
        <source>25岁-35岁</source>
        <translation>25–35</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="39"/>
        <source>36岁-50岁</source>
        <translation>36–50</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="40"/>
        <source>51岁以上</source>
        <translation>51 and over</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="43"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="44"/>
        <source>政府部门</source>
        <translation>Government offices</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="45"/>
        <source>电视报刊</source>
        <translation>TV and press</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="46"/>
        <source>网络</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="47"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="86"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="87"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="88"/>
        <source>一般</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="89"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="90"/>
        <source>作答</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="91"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="92"/>
        <source>一般占比</source>
        <translation>Average share</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="93"/>
        <source>不满意占比</source>
        <translation>Dissatisfied share</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="99"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="99"/>
        <source>需要改善的方面</source>
        <translation>What to improve</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="118"/>
        <source>全部网点</source>
        <translation>All outlets</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="129"/>
        <source>网点</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="130"/>
        <source>调查表数</source>
        <translation>Forms</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="132"/>
        <source>总体满意率</source>
        <translation>Overall satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="133"/>
        <source>{year}年Q{quarter}</source>
        <translation>{year} Q{quarter}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="168"/>
        <source>本季度没有调查表。</source>
        <translation>No survey forms this quarter.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="174"/>
        <source>{name}：调查表 {count} 份，总体满意率 {rate}</source>
        <translation>{name}: {count} forms, overall satisfaction {rate}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="196"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="205"/>
        <source>年龄：{ages}，未填 {age_blank}
了解渠道（可多选）：{channels}，未填 {channel_blank}</source>
        <translation>Age: {ages}; blank {age_blank}
Channels (several allowed): {channels}; blank {channel_blank}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/survey_view.py" line="215"/>
        <source>（填写“无”等，无意见）</source>
        <translation>(“none” or the like: no wish)</translation>
    </message>
</context>
<context>
    <name>SurveysTab</name>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="68"/>
        <source>25岁以下</source>
        <translation>Under 25</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="69"/>
        <source>25岁-35岁</source>
        <translation>25–35</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="70"/>
        <source>36岁-50岁</source>
        <translation>36–50</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="71"/>
        <source>51岁以上</source>
        <translation>51 and over</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="74"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="75"/>
        <source>一般</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="76"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="79"/>
        <source>服务环境</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="80"/>
        <source>服务态度</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="81"/>
        <source>办事效率</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="82"/>
        <source>咨询答复</source>
        <translation>Answers to questions</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="83"/>
        <source>上班纪律</source>
        <translation>Work discipline</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="84"/>
        <source>便民设施</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="85"/>
        <source>总体印象</source>
        <translation>Overall impression</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="88"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="89"/>
        <source>政府部门</source>
        <translation>Government offices</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="90"/>
        <source>电视报刊</source>
        <translation>TV and press</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="91"/>
        <source>网络</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="92"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="216"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="217"/>
        <source>调查日期(&amp;D)：</source>
        <translation>Survey &amp;date:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="225"/>
        <source>打印空白调查表(&amp;P)…</source>
        <translation>&amp;Print blank forms…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="226"/>
        <source>导入调查结果(&amp;I)…</source>
        <translation>&amp;Import results…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="235"/>
        <source>1 年龄</source>
        <translation>1 Age</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="250"/>
        <source>9 了解渠道</source>
        <translation>9 Channels</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="255"/>
        <source>需要改善的方面（没有可不填）</source>
        <translation>What needs improving (leave empty if nothing)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="259"/>
        <source>10 需要改善(&amp;W)：</source>
        <translation>10 &amp;What to improve:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="261"/>
        <source>编号(&amp;N)：</source>
        <translation>Sheet &amp;no.:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="269"/>
        <source>保存本表 (Ctrl+Enter)</source>
        <translation>Save form (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="271"/>
        <source>清空(&amp;L)</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="293"/>
        <source>删除所选(&amp;X)</source>
        <translation>D&amp;elete selected</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="296"/>
        <source>当日已录入(&amp;T)：</source>
        <translation>Entered &amp;that day:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="304"/>
        <source>编号</source>
        <translation>Sheet no.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="305"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="307"/>
        <source>渠道</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="308"/>
        <source>需要改善的方面</source>
        <translation>What to improve</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="415"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="422"/>
        <source>共 {count} 份</source>
        <translation>{count} forms</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="485"/>
        <source>已保存，当日第 {count} 份。请录入下一份。</source>
        <translation>Saved: form {count} of the day. Enter the next one.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="514"/>
        <source>删除调查表</source>
        <translation>Delete survey form</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="515"/>
        <source>删除所选的这份调查表吗？删除会记入审计日志。</source>
        <translation>Delete the selected survey form? The deletion goes into the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="519"/>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="542"/>
        <source>已删除。</source>
        <translation>Deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="552"/>
        <source>保存空白调查表</source>
        <translation>Save blank survey form</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="554"/>
        <source>群众满意度调查表.pdf</source>
        <translation>Satisfaction survey form.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="555"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="580"/>
        <source>空白调查表已保存到 {path}</source>
        <translation>Blank survey form saved to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="587"/>
        <source>导入调查结果</source>
        <translation>Import survey results</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="589"/>
        <source>表格文件 (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="606"/>
        <source>正在导入 {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="625"/>
        <source>已导入 {file}：{rows} 份，新增 {added} 份，已导入过的 {unchanged} 份未重复录入。</source>
        <translation>Imported {file}: {rows} forms, {added} new; {unchanged} imported before were not entered again.</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/surveys_tab.py" line="638"/>
        <source>文件没有导入：有错误的行如下，请改正后重新导入。</source>
        <translation>The file was not imported: the rows below have errors. Correct them and import again.</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../../ui/sync/actions.py" line="47"/>
        <source>导出同步文件(&amp;E)…</source>
        <translation>&amp;Export sync file…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="53"/>
        <source>导出全部记录（补缺）(&amp;A)…</source>
        <translation>Export &amp;all records (fill gaps)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="59"/>
        <source>导入同步文件(&amp;I)…</source>
        <translation>&amp;Import sync file…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="65"/>
        <source>发送待回访业务件(&amp;S)…</source>
        <translation>&amp;Send cases to revisit…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="71"/>
        <source>同步冲突(&amp;C)…</source>
        <translation>Sync &amp;conflicts…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="74"/>
        <source>仅限组长和管理员</source>
        <translation>Team leads and administrators only</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="77"/>
        <source>密钥交换(&amp;K)…</source>
        <translation>&amp;Key exchange…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="80"/>
        <source>仅限管理员</source>
        <translation>Administrators only</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="116"/>
        <source>发给哪个站点</source>
        <translation>Recipient site</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="117"/>
        <source>同步文件加密发给（只有它能打开）：</source>
        <translation>Encrypt the sync file for (only it can open it):</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="133"/>
        <source>回访台同步文件 (*{suffix});;所有文件 (*)</source>
        <translation>RevisitDesk sync files (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="160"/>
        <source>导出同步文件</source>
        <translation>Export sync file</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="177"/>
        <source>正在导出同步文件…</source>
        <translation>Exporting the sync file…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="182"/>
        <source>导入同步文件</source>
        <translation>Import sync file</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="207"/>
        <source>正在导入同步文件…</source>
        <translation>Importing the sync file…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="244"/>
        <source>正在导出待回访业务件…</source>
        <translation>Exporting cases to revisit…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="263"/>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="264"/>
        <source>只有组长或管理员可以处理同步冲突。请以组长身份使用本机后再打开。</source>
        <translation>Only a team lead or an administrator can resolve sync conflicts. Use this computer as a team lead, then open it again.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="277"/>
        <source>密钥交换</source>
        <translation>Key exchange</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="278"/>
        <source>只有管理员可以交换密钥和制作恢复密钥。</source>
        <translation>Only an administrator can exchange keys and make recovery keys.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="289"/>
        <source>同步文件已导出</source>
        <translation>Sync file exported</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="294"/>
        <source>同步文件已导入</source>
        <translation>Sync file imported</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="297"/>
        <location filename="../../ui/sync/actions.py" line="301"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync/actions.py" line="301"/>
        <source>已取消，没有写入任何数据。</source>
        <translation>Cancelled; no data was written.</translation>
    </message>
</context>
<context>
    <name>TalkDialog</name>
    <message>
        <location filename="../../ui/supervision/talk_dialog.py" line="24"/>
        <source>记录谈话</source>
        <translation>Record talk</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/talk_dialog.py" line="27"/>
        <source>批评：{text}
涉及人员：{name}</source>
        <translation>Criticism: {text}
Person named: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/talk_dialog.py" line="28"/>
        <source>未指名</source>
        <translation>not named</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/talk_dialog.py" line="34"/>
        <source>谈话情况(&amp;T)：</source>
        <translation>&amp;Talk notes:</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/talk_dialog.py" line="42"/>
        <source>保存 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/talk_dialog.py" line="43"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="210"/>
        <source>记录联系</source>
        <translation>Record contact</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="211"/>
        <source>解决</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="212"/>
        <source>未解决关闭</source>
        <translation>Close unresolved</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="213"/>
        <location filename="../../ui/board/task_dialog.py" line="541"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="214"/>
        <source>分派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="245"/>
        <source>核实</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="246"/>
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="247"/>
        <source>复核结论</source>
        <translation>Decide</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="248"/>
        <source>整改计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="249"/>
        <location filename="../../ui/board/task_dialog.py" line="697"/>
        <source>整改完成</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="250"/>
        <source>反馈评价人</source>
        <translation>Feed back</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="251"/>
        <location filename="../../ui/board/task_dialog.py" line="744"/>
        <source>结案</source>
        <translation>Close review</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="293"/>
        <source>二次回访</source>
        <translation>Second round</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="294"/>
        <source>状态：{status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="295"/>
        <source>原因：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="298"/>
        <source>负责人：{owner}</source>
        <translation>Owner: {owner}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="300"/>
        <source>办结期限：{day}</source>
        <translation>Due: {day}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="303"/>
        <source>反映：{words}</source>
        <translation>Reported: {words}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="305"/>
        <source>结论：{text}</source>
        <translation>Conclusion: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="317"/>
        <source>差评处理：{stage}</source>
        <translation>Bad review: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="319"/>
        <source>下一步：{next}</source>
        <translation>Next: {next}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="324"/>
        <source>属实</source>
        <translation>true</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="324"/>
        <source>不属实</source>
        <translation>untrue</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="325"/>
        <source>合理</source>
        <translation>reasonable</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="325"/>
        <source>不合理</source>
        <translation>unreasonable</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="326"/>
        <source>恶意评价</source>
        <translation>malicious</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="326"/>
        <source>非恶意</source>
        <translation>not malicious</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="329"/>
        <source>核实：{findings}；{found}（{who}）</source>
        <translation>Verified: {findings}; {found} ({who})</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="333"/>
        <source>；恶意理由：{reason}</source>
        <translation>; why malicious: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="338"/>
        <source>申诉：{reasons}（证据 {count} 份）</source>
        <translation>Appeal: {reasons} (evidence files: {count})</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="342"/>
        <source>复核期限</source>
        <translation>Decision due</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="346"/>
        <source>申诉成立，差评不成立</source>
        <translation>Appeal upheld, bad review set aside</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="348"/>
        <source>申诉不成立，差评成立</source>
        <translation>Appeal rejected, bad review stands</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="352"/>
        <source>复核：{verdict}（{decider}：{name}）{opinion}</source>
        <translation>Decision: {verdict} ({decider}: {name}) {opinion}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="361"/>
        <source>整改：</source>
        <translation>Rectification: </translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="363"/>
        <source>{measures}（责任人：{owner}）</source>
        <translation>{measures} (owner: {owner})</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="367"/>
        <source>尚未制定整改措施</source>
        <translation>no measures planned yet</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="368"/>
        <source>完成期限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="371"/>
        <location filename="../../ui/board/task_dialog.py" line="722"/>
        <source>整改结果：{result}</source>
        <translation>Rectification result: {result}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="377"/>
        <source>反馈（{means}）：{text}</source>
        <translation>Feedback ({means}): {text}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="386"/>
        <source>日历未录入</source>
        <translation>unknown (no calendar)</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="409"/>
        <location filename="../../ui/board/task_dialog.py" line="423"/>
        <source>请先在看板上方选择当前用户</source>
        <translation>Choose the current user at the top of the board first</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="411"/>
        <location filename="../../ui/board/task_dialog.py" line="427"/>
        <source>仅限组长、管理员</source>
        <translation>Team leads and administrators only</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="429"/>
        <source>您的角色不能办理此步骤</source>
        <translation>Your role cannot take this step</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="433"/>
        <source>当前不是这一步；下一步：{next}</source>
        <translation>Not this step now; next: {next}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="443"/>
        <source>请先在看板上方选择当前用户。</source>
        <translation>Choose the current user at the top of the board first.</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="518"/>
        <source>未解决关闭 {case_no}</source>
        <translation>Close unresolved {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="519"/>
        <source>未能解决的原因（经组长审批后关闭，原因记入业务件历史）：</source>
        <translation>Why it could not be resolved (closed with the team lead&apos;s approval; the reason goes into the case history):</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="520"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="539"/>
        <source>重新打开 {case_no}</source>
        <translation>Reopen {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="540"/>
        <source>重新打开的原因（如被回访人仍不满意）：</source>
        <translation>Why it is reopened (e.g. the respondent is still dissatisfied):</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="646"/>
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="647"/>
        <source>申诉理由：{reasons}
证据：{files}
提出：{who}</source>
        <translation>Reasons: {reasons}
Evidence: {files}
Filed by: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="651"/>
        <source>您提出了此申诉：请由另一位组长复核，或登记市局的复核结论。</source>
        <translation>You filed this appeal: another team lead must decide it, or record the city bureau&apos;s decision.</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="693"/>
        <source>整改完成 {case_no}</source>
        <translation>Rectification done {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="694"/>
        <source>整改结果：实际采取的措施和效果（必填）。整改措施：{measures}</source>
        <translation>Rectification result: the measures actually taken and their effect (required). Planned measures: {measures}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="718"/>
        <source>申诉成立，差评不成立：{opinion}</source>
        <translation>Appeal upheld, bad review set aside: {opinion}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="740"/>
        <source>差评结案 {case_no}</source>
        <translation>Close bad review {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/task_dialog.py" line="741"/>
        <source>处理结果已反馈评价人：{text}
确认结案？结案后此差评离开督办看板。</source>
        <translation>The result was fed back to the citizen: {text}
Close the review? Once closed, this bad review leaves the supervision board.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/desk/today_view.py" line="33"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today_view.py" line="33"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today_view.py" line="33"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today_view.py" line="33"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today_view.py" line="55"/>
        <source>今天已拨 {calls} 通 · 预约 {appointments} 个</source>
        <translation>Today: {calls} calls · {appointments} appointments</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today_view.py" line="75"/>
        <source>预约回访：{at}</source>
        <translation>Appointment: {at}</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="422"/>
        <source>信任对方的密钥文件</source>
        <translation>Trust another site&apos;s key file</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="425"/>
        <source>请给对方打电话，请对方读出他那里“密钥交换”中显示的本机指纹，与下面的指纹逐组核对。只有完全一致才信任：不一致说明这个文件不是对方的，或被调换过。</source>
        <translation>Phone the other site and ask them to read out the “This computer” fingerprint shown in their “Key exchange”; check it against the fingerprint below, group by group. Trust it only if they match exactly: a difference means this file is not theirs, or has been swapped.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="436"/>
        <source>密钥文件中的站点：</source>
        <translation>Site in the key file:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="436"/>
        <source>（无名称）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="437"/>
        <source>站点编号：</source>
        <translation>Site no.:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="438"/>
        <source>指纹：</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="439"/>
        <source>本机称它为(&amp;N)：</source>
        <translation>&amp;Name on this computer:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="440"/>
        <source>已在电话里核对，指纹完全一致(&amp;Y)</source>
        <translation>Checked b&amp;y phone: the fingerprints match exactly</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="442"/>
        <source>对方换了密钥（如重新安装）：替换原来信任的密钥(&amp;P)</source>
        <translation>The other site has a new key (e.g. reinstalled): re&amp;place the key trusted before</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="448"/>
        <source>信任(&amp;T)</source>
        <translation>&amp;Trust</translation>
    </message>
    <message>
        <location filename="../../ui/admin/keys_dialog.py" line="449"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UnitCasesDialog</name>
    <message>
        <location filename="../../ui/statistics/unit_cases_dialog.py" line="43"/>
        <source>{unit} · {period}办结的业务件</source>
        <translation>{unit} · cases completed in {period}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_dialog.py" line="53"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_dialog.py" line="56"/>
        <source>按业务编号、申请人或事项类型筛选</source>
        <translation>Filter by case no., applicant or type</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_dialog.py" line="62"/>
        <source>筛选(&amp;S)：</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_dialog.py" line="114"/>
        <source>共 {cases} 件，有效回访 {revisited} 件（网上 {online}，电话 {phone}，企业 {enterprise}），未填报 {unreported} 件，得分合计 {score}。</source>
        <translation>{cases} cases, {revisited} revisited (online {online}, phone {phone}, enterprise {enterprise}), {unreported} unreported, score {score}.</translation>
    </message>
</context>
<context>
    <name>UnitCasesModel</name>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="33"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="34"/>
        <source>办理事项类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="35"/>
        <source>办结日期</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="36"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="37"/>
        <location filename="../../ui/statistics/unit_cases_model.py" line="47"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="38"/>
        <source>首次评价渠道</source>
        <translation>First evaluation</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="39"/>
        <source>评价时间</source>
        <translation>Evaluated at</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="40"/>
        <source>总体情况</source>
        <translation>Overall</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="41"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="44"/>
        <source>扫码</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="45"/>
        <source>好差评平台</source>
        <translation>Rating platform</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="46"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="50"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="51"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="52"/>
        <source>一般</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="53"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="55"/>
        <source>未填报</source>
        <translation>Unreported</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_cases_model.py" line="97"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>UnitChoicePanel</name>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="28"/>
        <source>拒绝这些行</source>
        <translation>Reject these rows</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="29"/>
        <source>新建单位</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="30"/>
        <source>映射到 {unit}</source>
        <translation>Map to {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="56"/>
        <source>为避免错写的单位名称在季度排名中成为新的单位，请为每个名称选择：映射到已有单位（以后的文件也按此对应）、新建单位，或拒绝这些行（在导入结果中列出）。</source>
        <translation>So that a misspelt unit name does not become a new unit in the quarterly ranking, choose for each name: map it to an existing unit (later files follow the same mapping), create a new unit, or reject its rows (they are listed in the import result).</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="71"/>
        <source>返回(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="72"/>
        <source>回到预览和列对应，不导入</source>
        <translation>Return to the preview and the columns without importing</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="74"/>
        <source>按所选导入(&amp;I)</source>
        <translation>&amp;Import as chosen</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="75"/>
        <source>按每个名称的选择导入这个文件（Ctrl+Enter）</source>
        <translation>Import this file with the choice made for each name (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="100"/>
        <source>文件中有 {names} 个受理单位不是已有的单位（共 {rows} 行）。</source>
        <translation>{names} accepting units in the file are not existing units ({rows} rows in all).</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="105"/>
        <source>文件中的受理单位</source>
        <translation>Accepting unit in the file</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="105"/>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../ui/importing/unit_choice.py" line="105"/>
        <source>处理</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>UnitFeedbackTab</name>
    <message>
        <location filename="../../ui/feedback/unit_feedback_tab.py" line="80"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/unit_feedback_tab.py" line="112"/>
        <source>{period}（{start} 至 {end}）&#x3000;{units} 个单位，共 {entries} 条：评价建议 {suggestions}，投诉 {complaints}，意见建议 {registered}，不满意回访 {dissatisfied}；尚在办理 {pending} 条</source>
        <translation>{period} ({start} to {end})   {units} units, {entries} entries: evaluation suggestions {suggestions}, complaints {complaints}, registered suggestions {registered}, dissatisfied revisits {dissatisfied}; still open {pending}</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/unit_feedback_tab.py" line="128"/>
        <source>&#x3000;·&#x3000;选择单位查看其清单</source>
        <translation>   ·   Choose a unit to see its list</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/unit_feedback_tab.py" line="173"/>
        <source>没有可显示的单位。</source>
        <translation>No unit to show.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/unit_feedback_tab.py" line="179"/>
        <source>{unit}：{count} 条，尚在办理 {pending} 条</source>
        <translation>{unit}: {count} entries, {pending} still open</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/unit_feedback_tab.py" line="185"/>
        <source>{unit}：本季度没有建议、投诉或不满意回访</source>
        <translation>{unit}: no suggestions, complaints or dissatisfied revisits this quarter</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/unit_feedback_tab.py" line="199"/>
        <source>{period}{scope}回访建议与投诉反馈</source>
        <translation>Revisit suggestions and complaints feedback {period}, {scope}</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/unit_feedback_tab.py" line="201"/>
        <source>全市</source>
        <translation>citywide</translation>
    </message>
</context>
<context>
    <name>UnitFilter</name>
    <message>
        <location filename="../../ui/statistics/unit_filter.py" line="68"/>
        <source>显示全部单位(&amp;A)</source>
        <translation>Show &amp;all units</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_filter.py" line="96"/>
        <source>单位：全部 ▾</source>
        <translation>Units: all ▾</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/unit_filter.py" line="99"/>
        <source>单位：{shown} / {total} ▾</source>
        <translation>Units: {shown} / {total} ▾</translation>
    </message>
</context>
<context>
    <name>UnitSummaryModel</name>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="40"/>
        <source>受理单位（登记大厅）</source>
        <translation>Accepting unit (registration hall)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="41"/>
        <source>所属区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="42"/>
        <source>评价建议</source>
        <translation>Evaluation suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="43"/>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="44"/>
        <source>意见建议</source>
        <translation>Registered suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="45"/>
        <source>不满意回访</source>
        <translation>Dissatisfied revisits</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="46"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/feedback_models.py" line="47"/>
        <source>尚在办理</source>
        <translation>Still open</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="101"/>
        <source>受理单位</source>
        <translation>Accepting units</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="121"/>
        <source>例如 历下区</source>
        <translation>e.g. Lixia District</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="124"/>
        <source>例如 0531；空：不设</source>
        <translation>e.g. 0531; empty: none</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="128"/>
        <source>在用（停用后不再出现在选择列表中）</source>
        <translation>Active (once deactivated, no longer offered in choice lists)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="130"/>
        <source>名称(&amp;A)：</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="131"/>
        <source>所属区县(&amp;D)：</source>
        <translation>&amp;District:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="132"/>
        <source>默认区号(&amp;C)：</source>
        <translation>Default area &amp;code:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="137"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="138"/>
        <source>保存此单位（Ctrl+S）</source>
        <translation>Save this unit (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="140"/>
        <source>合并到(&amp;M)…</source>
        <translation>&amp;Merge into…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="142"/>
        <source>把误建的这个单位的业务件等全部移到正确的单位，然后删除它</source>
        <translation>Move the cases and everything else of this unit, created by mistake, to the right unit, then delete it</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="151"/>
        <source>默认区号用于导入时没有写区号的固定电话（如 86123456）。
导入时把单位名称写错而多出的单位，用“合并到…”并入正确的单位：它的业务件、人员、二次回访、投诉等全部移过去，季度报表随之改变。</source>
        <translation>The default area code is used on import for landline numbers written without one (such as 86123456).
A unit that appeared because its name was misspelt in an import: merge it into the right unit with “Merge into…”. Its cases, people, second-round callbacks, complaints and so on all move over, and the quarterly reports change with them.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="158"/>
        <location filename="../../ui/admin/units_dialog.py" line="225"/>
        <source>单位信息</source>
        <translation>Unit details</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="166"/>
        <source>仅管理员可以修改受理单位。</source>
        <translation>Only administrators can change accepting units.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="225"/>
        <source>单位信息：{name}</source>
        <translation>Unit details: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="244"/>
        <source>未设：没有区号的本地号码视为无效</source>
        <translation>Not set: local numbers without an area code count as invalid</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="247"/>
        <source>不是有效的长途区号（例如 010、021、0531）</source>
        <translation>Not a valid area code (e.g. 010, 021, 0531)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="250"/>
        <source>区号 {code}</source>
        <translation>Area code {code}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="295"/>
        <source>已保存“{name}”。</source>
        <translation>Saved “{name}”.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="309"/>
        <source>没有可以合并进去的其他在用单位。</source>
        <translation>There is no other active unit to merge into.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="350"/>
        <source>已把“{source}”合并到“{target}”，移动了 {cases} 件业务件。</source>
        <translation>Merged “{source}” into “{target}”; {cases} cases moved.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="354"/>
        <source>它已发往其他站点，因此保留为停用的空单位。</source>
        <translation> It had already gone to other sites, so it is kept as an empty inactive unit.</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="57"/>
        <source>受理单位</source>
        <translation>Accepting unit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="58"/>
        <source>所属区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="59"/>
        <source>默认区号</source>
        <translation>Default area code</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="60"/>
        <source>业务件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="61"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="85"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/admin/units_dialog.py" line="85"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="159"/>
        <source>验证纠正和预防措施 {number}</source>
        <translation>Verify corrective and preventive action {number}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="159"/>
        <source>验证</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="161"/>
        <source>有效(&amp;1)</source>
        <translation>Effective (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="162"/>
        <source>无效，需继续整改(&amp;2)</source>
        <translation>Not effective, more correction needed (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="171"/>
        <source>现场观察、询问、查阅实施记录所见（必填）</source>
        <translation>What on-site observation, questions and implementation records showed (required)</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="176"/>
        <source>验证结论：</source>
        <translation>Conclusion:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="177"/>
        <source>验证情况(&amp;V)：</source>
        <translation>&amp;Verification findings:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="178"/>
        <source>验证人(&amp;B)：</source>
        <translation>Verified &amp;by:</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="179"/>
        <source>验证无效的措施回到整改，完成后再次验证。</source>
        <translation>An action found not effective goes back to correction and is verified again afterwards.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="188"/>
        <source>请选择措施是否有效。</source>
        <translation>Choose whether the action is effective.</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/capa_dialog.py" line="191"/>
        <source>请填写验证情况。</source>
        <translation>Fill in the verification findings.</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="77"/>
        <source>核实差评 {case_no}</source>
        <translation>Verify bad review {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="77"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="79"/>
        <source>是否属实</source>
        <translation>Is it true?</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="79"/>
        <source>属实</source>
        <translation>True</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="79"/>
        <source>不属实</source>
        <translation>Untrue</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="81"/>
        <source>是否合理</source>
        <translation>Is it reasonable?</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="81"/>
        <source>合理</source>
        <translation>Reasonable</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="81"/>
        <source>不合理</source>
        <translation>Unreasonable</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="84"/>
        <source>是否恶意评价</source>
        <translation>Is it malicious?</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="86"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="87"/>
        <source>是，恶意评价</source>
        <translation>Yes, malicious</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="91"/>
        <source>核实经过和结论（必填）</source>
        <translation>How it was verified, and the conclusion (required)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="92"/>
        <source>核实情况(&amp;V)：</source>
        <translation>&amp;Verification findings:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="95"/>
        <source>认定为恶意评价的理由和依据（必填）</source>
        <translation>Why the review is deemed malicious, and the grounds (required)</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="97"/>
        <source>恶意理由(&amp;W)：</source>
        <translation>&amp;Why malicious:</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="101"/>
        <source>属实且非恶意的差评进入整改；不属实或恶意的，可由单位提出申诉复核。数字键回答，答完自动跳到下一项。</source>
        <translation>A bad review that is true and not malicious goes to rectification; an untrue or malicious one may be appealed by the unit. Answer with the number keys; the focus moves on by itself.</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="135"/>
        <source>还没有回答：{item}</source>
        <translation>Not answered yet: {item}</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="139"/>
        <source>请填写核实情况。</source>
        <translation>Fill in the verification findings.</translation>
    </message>
    <message>
        <location filename="../../ui/board/bad_review_dialogs.py" line="143"/>
        <source>请写明认定为恶意评价的理由。</source>
        <translation>Give the reason the review is deemed malicious.</translation>
    </message>
</context>
<context>
    <name>WorkOrdersDialog</name>
    <message>
        <location filename="../../ui/feedback/work_orders_dialog.py" line="54"/>
        <source>{name} · {period}的不满意及投诉工单</source>
        <translation>{name} · dissatisfaction and complaint work orders in {period}</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/work_orders_dialog.py" line="66"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/work_orders_dialog.py" line="114"/>
        <source>表扬 {praised} 次（其中典型 {exemplary} 次），意见箱（簿）批评 {criticised} 次</source>
        <translation>{praised} commendations ({exemplary} exemplary), {criticised} criticisms from the suggestion box / book</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/work_orders_dialog.py" line="124"/>
        <source>{unit}&#x3000;不满意工单 {dissatisfied} 件，投诉工单 {complaints} 件，涉及业务件 {cases} 件，尚在办理 {pending} 件。</source>
        <translation>{unit}   {dissatisfied} dissatisfaction orders, {complaints} complaint orders, {cases} cases involved, {pending} still open.</translation>
    </message>
</context>
<context>
    <name>WorkOrdersModel</name>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="99"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="100"/>
        <source>办理事项类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="101"/>
        <source>办结日期</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="102"/>
        <source>工单</source>
        <translation>Work order</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="103"/>
        <source>工单日期</source>
        <translation>Order date</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="104"/>
        <source>投诉编号</source>
        <translation>Complaint no.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="105"/>
        <source>原因/分类</source>
        <translation>Reason / category</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="106"/>
        <source>计入原因</source>
        <translation>Counted as</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="107"/>
        <source>办理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="110"/>
        <source>不满意工单</source>
        <translation>Dissatisfaction order</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="111"/>
        <source>投诉工单</source>
        <translation>Complaint order</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="114"/>
        <source>经办</source>
        <translation>Handled the case</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="115"/>
        <source>被投诉人员</source>
        <translation>Named in complaint</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="117"/>
        <source>（无业务件）</source>
        <translation>(no case)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/assessment_models.py" line="118"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>YearGrid</name>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="115"/>
        <source>工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="116"/>
        <source>周末休息</source>
        <translation>Weekend</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="117"/>
        <source>节假日（休息）</source>
        <translation>Public holiday (day off)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="118"/>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="121"/>
        <source>{date} 星期{weekday}</source>
        <translation>{date} ({weekday})</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="127"/>
        <source>备注：{note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="129"/>
        <source>本地录入</source>
        <translation>Entered locally</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="133"/>
        <source>一,二,三,四,五,六,日</source>
        <translation>Mo,Tu,We,Th,Fr,Sa,Su</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/year_grid.py" line="182"/>
        <source>{month}月</source>
        <translation>Month {month}</translation>
    </message>
</context>
</TS>
