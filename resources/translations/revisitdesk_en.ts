<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CallDeskPage</name>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="82"/>
        <source>首次回访</source>
        <translation>First revisit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="83"/>
        <source>二次回访</source>
        <translation>Second round</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="149"/>
        <source>换人…</source>
        <translation>Switch…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="150"/>
        <source>换一位回访员在本机工作</source>
        <translation>Let another operator work at this seat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="153"/>
        <source>下一件 (F2)</source>
        <translation>Next case (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="156"/>
        <source>放回队列 (Shift+F2)</source>
        <translation>Put back (Shift+F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="157"/>
        <source>不记录通话，把这件放回队列给别人</source>
        <translation>Give the case back to the queue without recording a call</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="160"/>
        <source>刷新队列</source>
        <translation>Refresh queue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="162"/>
        <source>按覆盖率目标重新抽取到期业务件（管理用，通常每天一次）</source>
        <translation>Draw due cases into the queue for the coverage targets (administrative, usually once a day)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="216"/>
        <source>当前回访件</source>
        <translation>Current case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="222"/>
        <source>通话未完成 (F4)</source>
        <translation>Call not completed (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="223"/>
        <source>无人接听、占线、预约等：按 F4，再按结果的字母键</source>
        <translation>No answer, busy, appointment…: press F4, then the outcome&apos;s letter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="248"/>
        <source>网上及电话回访单（附件 A）</source>
        <translation>Online and phone revisit form (Form A)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="258"/>
        <source>服务用语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="259"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="260"/>
        <source>覆盖率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="322"/>
        <source>回访员：未选择</source>
        <translation>Operator: not chosen</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="327"/>
        <source>回访员：{name}</source>
        <translation>Operator: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="332"/>
        <location filename="../../ui/pages/call_desk_page.py" line="333"/>
        <location filename="../../ui/pages/call_desk_page.py" line="435"/>
        <source>按 F2 取下一件。</source>
        <translation>Press F2 for the next case.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="339"/>
        <source>请先保存、记录通话结果或放回队列 (Shift+F2)，再换人。</source>
        <translation>Save, record the call or put the case back (Shift+F2) before switching.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="359"/>
        <source>当前件还没有结果：保存回访单 (Ctrl+Enter)、记录未接通 (F4) 或放回队列 (Shift+F2)。</source>
        <translation>The current case has no result yet: save Form A (Ctrl+Enter), record the call (F4) or put it back (Shift+F2).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="369"/>
        <source>正在取下一件…</source>
        <translation>Taking the next case…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="377"/>
        <source>现在没有到期的回访件。

稍后再按 F2 取件；队列需要补充时，点“刷新队列”。</source>
        <translation>No case is due now.

Press F2 again later; when the queue needs more cases, click “Refresh queue”.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="379"/>
        <source>现在没有到期的回访件。</source>
        <translation>No case is due now.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="402"/>
        <source>预约 {at}</source>
        <translation>appointment {at}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="413"/>
        <source>已恢复上次未保存的回访单：{case_no}</source>
        <translation>Restored the unsaved form of {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="417"/>
        <source>继续回访：{case_no}</source>
        <translation>Continuing with {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="419"/>
        <source>已取件：{case_no}</source>
        <translation>Took {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="436"/>
        <source>已放回队列：{case_no}</source>
        <translation>Put back: {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="465"/>
        <source>队列已刷新：新抽取 {added} 件，移出已评价 {dropped} 件。</source>
        <translation>Queue refreshed: {added} cases drawn, {dropped} already evaluated removed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="473"/>
        <source>正在刷新队列…</source>
        <translation>Refreshing the queue…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="484"/>
        <source>这个号码无效，无法拨打：{number}</source>
        <translation>This number is not valid and cannot be dialled: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="492"/>
        <source>无法拨号（{detail}）。请手动拨打，计时已开始。</source>
        <translation>Could not dial ({detail}). Dial by hand; the timer has started.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="496"/>
        <source>正在拨打 {number}…</source>
        <translation>Dialling {number}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="541"/>
        <source>已保存 {case_no}，已转二次回访，已上报组长。</source>
        <translation>Saved {case_no}; a second round is opened and the team lead is told.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="543"/>
        <source>已保存 {case_no}，已转二次回访。</source>
        <translation>Saved {case_no}; a second round is opened.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="545"/>
        <source>已保存 {case_no}，已上报组长。</source>
        <translation>Saved {case_no}; reported to the team lead.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="547"/>
        <source>已保存 {case_no}。</source>
        <translation>Saved {case_no}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="576"/>
        <source>通话未完成：记录结果</source>
        <translation>Call not completed: record the outcome</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="622"/>
        <source>已记录 {case_no}：{outcome}，此件结束。</source>
        <translation>Recorded {case_no}: {outcome}; the case is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="624"/>
        <source>已记录 {case_no}：{outcome}，{at} 再拨。</source>
        <translation>Recorded {case_no}: {outcome}; next call {at}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/call_desk_page.py" line="658"/>
        <source>无法保存草稿，请尽快保存回访单。</source>
        <translation>Could not keep a draft: save the form soon.</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="67"/>
        <source>业务编号：</source>
        <translation>Case no.:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="68"/>
        <source>办理事项类型：</source>
        <translation>Business type:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="69"/>
        <source>受理单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="70"/>
        <source>办结日期：</source>
        <translation>Completed on:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="71"/>
        <source>申请人：</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="72"/>
        <source>座落：</source>
        <translation>Location:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="81"/>
        <source>拨号 (Ctrl+D)</source>
        <translation>Dial (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="85"/>
        <source>下一个号码 (Ctrl+→)</source>
        <translation>Next number (Ctrl+→)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="89"/>
        <source>通话时长，从拨号开始计时</source>
        <translation>Call time, counted from dialling</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="90"/>
        <source>通话时长</source>
        <translation>Call time</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="94"/>
        <source>这个件没有可拨打的号码。</source>
        <translation>This case has no number to dial.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="153"/>
        <source>（无效号码）</source>
        <translation> (not a valid number)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="168"/>
        <source>第 {n}/{count} 个号码</source>
        <translation>number {n} of {count}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="184"/>
        <source>回访记录</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="185"/>
        <source>以往评价</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="187"/>
        <source>还没有拨打过。</source>
        <translation>No call yet.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="190"/>
        <source>没有评价。</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="210"/>
        <source>{at} {channel} 第 {round} 轮：总体 {overall} · 效率 {efficiency} · 态度 {attitude} · 材料 {materials}</source>
        <translation>{at} {channel}, round {round}: overall {overall} · efficiency {efficiency} · attitude {attitude} · materials {materials}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/case_panel.py" line="222"/>
        <source>；建议：{text}</source>
        <translation>; suggestion: {text}</translation>
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
    <name>DatabaseStatus</name>
    <message>
        <location filename="../../ui/database_status.py" line="35"/>
        <source>数据库：{url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location filename="../../ui/database_status.py" line="47"/>
        <source>业务件 {cases} 件 · 评价 {evaluations} 条</source>
        <translation>{cases} cases · {evaluations} evaluations</translation>
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
    <name>EnterprisePage</name>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="119"/>
        <location filename="../../ui/pages/enterprise_page.py" line="260"/>
        <source>全部网点</source>
        <translation>All outlets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="121"/>
        <source>网点(&amp;U)：</source>
        <translation>O&amp;utlet:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="124"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="128"/>
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="131"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="163"/>
        <source>录入答卷</source>
        <translation>Enter answers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="164"/>
        <source>标记已收回</source>
        <translation>Mark returned</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="165"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="166"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="167"/>
        <source>打印选中</source>
        <translation>Print selected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="170"/>
        <source>打印本网点全部待办</source>
        <translation>Print outlet&apos;s due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="175"/>
        <location filename="../../ui/pages/enterprise_page.py" line="525"/>
        <source>打印评价二维码条</source>
        <translation>QR slips</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="176"/>
        <location filename="../../ui/pages/enterprise_page.py" line="533"/>
        <source>打印空白回访单</source>
        <translation>Blank Form A</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="179"/>
        <source>{action}（{keys}）</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="185"/>
        <source>把所选网点全部待打印、已打印未收回的反馈单打印在一起（Ctrl+Shift+P）</source>
        <translation>Print every form of the chosen outlet still to print or printed and not yet returned, in one document (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="188"/>
        <source>已核对扫描件上的企业公章或经办人签字，与录入内容一致（F7）</source>
        <translation>The enterprise seal or the agent&apos;s signature on the scan was checked and matches the answers entered (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="277"/>
        <source>共 {count} 份</source>
        <translation>{count} forms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="295"/>
        <source>请先在列表中选择反馈单。</source>
        <translation>Select forms in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="309"/>
        <source>已标记收回 {count} 份。</source>
        <translation>{count} forms marked returned.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="320"/>
        <source>核验反馈单</source>
        <translation>Verify form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="322"/>
        <source>{case_no}：已核对扫描件上的企业公章或经办人签字，录入内容与纸质反馈单一致。
核验人：</source>
        <translation>{case_no}: the enterprise seal or the agent&apos;s signature on the scan was checked, and the answers entered match the paper form.
Verified by:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="335"/>
        <source>已核验 {case_no}。</source>
        <translation>{case_no} verified.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="347"/>
        <source>归档反馈单</source>
        <translation>Archive form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="348"/>
        <source>{case_no}：纸质反馈单的存放位置（如 档案柜A-2026-11）：</source>
        <translation>{case_no}: where the paper form is kept (e.g. Cabinet A-2026-11):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="363"/>
        <source>已归档 {case_no}。</source>
        <translation>{case_no} archived.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="387"/>
        <source>{case_no} 已{status}，不能再修改答卷。</source>
        <translation>{case_no} is {status}: its answers can no longer change.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="442"/>
        <source>已保存 {case_no} 的答卷。</source>
        <translation>Answers of {case_no} saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="444"/>
        <source>已保存 {case_no} 的答卷，不满意已转二次回访。</source>
        <translation>Answers of {case_no} saved; the dissatisfaction went to a second-round callback.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="469"/>
        <source>已核验或已归档的反馈单不能重新打印：{cases}</source>
        <translation>Verified or archived forms cannot be printed again: {cases}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="477"/>
        <source>企业回访反馈单-{case_no}</source>
        <translation>Form B-{case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="479"/>
        <source>企业回访反馈单-{count}份</source>
        <translation>Form B-{count} forms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="487"/>
        <source>打印企业回访反馈单</source>
        <translation>Print Form B</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="494"/>
        <source>请先在“网点”中选择要打印的网点。</source>
        <translation>Choose the outlet to print for under &quot;Outlet&quot; first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="507"/>
        <source>打印 {unit} 全部待办反馈单</source>
        <translation>Print all forms due at {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="508"/>
        <source>企业回访反馈单-{unit}</source>
        <translation>Form B-{unit}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="509"/>
        <source>{unit} 没有待打印的反馈单。</source>
        <translation>{unit} has no forms due for printing.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="526"/>
        <source>评价二维码条-{count}件</source>
        <translation>Evaluation slips-{count} cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="533"/>
        <source>份数：</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="544"/>
        <source>打印空白回访单（附件 A）</source>
        <translation>Blank Form A</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="545"/>
        <source>空白回访单-{copies}份</source>
        <translation>Blank Form A-{copies} copies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="576"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="595"/>
        <source>已输出到 {where}。</source>
        <translation>Sent to {where}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="604"/>
        <source>已打印 {count} 份反馈单，输出到 {where}。</source>
        <translation>{count} forms printed, sent to {where}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprise_page.py" line="644"/>
        <source>无法写入文件：{reason}</source>
        <translation>Cannot write the file: {reason}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/error_dialog.py" line="14"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="15"/>
        <source>操作没有完成：发生了意外的错误。没有保存任何改动。</source>
        <translation>The operation did not complete: an unexpected error occurred. No changes were saved.</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="17"/>
        <source>可以再试一次。如果问题再次出现，请把下面的详细信息发给系统管理员。</source>
        <translation>You can try again. If the problem comes back, send the details below to your system administrator.</translation>
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
        <location filename="../../ui/statistics/monthly_view.py" line="140"/>
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
        <location filename="../../ui/statistics/monthly_view.py" line="141"/>
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
        <location filename="../../ui/statistics/monthly_view.py" line="274"/>
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
        <location filename="../../ui/statistics/monthly_view.py" line="142"/>
        <source>其中电话回访</source>
        <translation>Of which by phone</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="146"/>
        <source>不满意原因</source>
        <translation>Reason for dissatisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="149"/>
        <source>条数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="169"/>
        <source>服务对象原话</source>
        <translation>Respondent&apos;s words</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="153"/>
        <source>评价时间</source>
        <translation>Evaluated at</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="156"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="157"/>
        <location filename="../../ui/statistics/monthly_view.py" line="315"/>
        <source>受理单位</source>
        <translation>Accepting unit</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="159"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="162"/>
        <location filename="../../ui/statistics/monthly_view.py" line="319"/>
        <source>回访员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="164"/>
        <source>不满意项目</source>
        <translation>Dissatisfied items</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="173"/>
        <source>二次回访原因</source>
        <translation>Callback reason</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="175"/>
        <source>二次回访状态</source>
        <translation>Callback status</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="182"/>
        <source>二次回访记录</source>
        <translation>Callback notes</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="267"/>
        <source>业务件数</source>
        <translation>Cases</translation>
    </message>
</context>
<context>
    <name>FormA</name>
    <message>
        <location filename="../../ui/desk/form_a.py" line="38"/>
        <source>总体情况</source>
        <translation>Overall</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="39"/>
        <source>办事效率</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="40"/>
        <source>服务态度</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="41"/>
        <source>提交材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="45"/>
        <source>办事效率慢</source>
        <translation>Slow handling</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="46"/>
        <source>服务态度差</source>
        <translation>Poor attitude</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="47"/>
        <source>材料要求多/反复提交</source>
        <translation>Too many documents</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="48"/>
        <source>收费问题</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="49"/>
        <source>流程/系统问题</source>
        <translation>Procedure / system</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="50"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="207"/>
        <source>违反廉洁纪律</source>
        <translation>Integrity breach</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="209"/>
        <source>没有</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="210"/>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="214"/>
        <source>有无违反廉洁纪律：1 或 N 没有，2 或 Y 有</source>
        <translation>Were integrity rules broken? 1 or N: no, 2 or Y: yes</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="218"/>
        <source>原因类别</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="230"/>
        <source>不满意：请选原因类别并记录具体问题（必填）</source>
        <translation>Dissatisfied: choose the reason and write down the problem (required)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="228"/>
        <source>被回访人反映的具体问题（必填）</source>
        <translation>What the respondent is dissatisfied with (required)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="237"/>
        <source>本件将立即标记并上报组长，仅处理人员可见。请记录具体情况。</source>
        <translation>The case is flagged to the team lead at once and shown only to those who handle it. Record the details.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="242"/>
        <source>违反廉洁纪律的具体情况（必填）</source>
        <translation>Details of the integrity breach (required)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="244"/>
        <source>廉洁纪律情况（必填）</source>
        <translation>Integrity breach (required)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="248"/>
        <source>有无建议（可不填，回车继续）</source>
        <translation>Any suggestion (optional; Enter moves on)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="249"/>
        <source>建议：</source>
        <translation>Suggestion:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="259"/>
        <source>保存并下一件 (Ctrl+Enter)</source>
        <translation>Save and next (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="264"/>
        <source>数字键回答，答完自动跳到下一项；↑↓ 换行，退格清除。</source>
        <translation>Answer with the digit keys; the focus moves on by itself. ↑↓ change rows, Backspace clears.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="391"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/desk/form_a.py" line="392"/>
        <source>还没有回答：{items}</source>
        <translation>Not answered yet: {items}</translation>
    </message>
</context>
<context>
    <name>FormBAnswersDialog</name>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="48"/>
        <source>录入企业回访反馈单：{case_no}</source>
        <translation>Enter Form B: {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="51"/>
        <source>非常熟悉</source>
        <translation>Very familiar</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="52"/>
        <source>一般</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="53"/>
        <source>不了解</source>
        <translation>Unfamiliar</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="66"/>
        <source>元，如 1,234.50</source>
        <translation>yuan, e.g. 1,234.50</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="74"/>
        <source>是否了解政策</source>
        <translation>Policy knowledge</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="81"/>
        <source>对服务是否满意</source>
        <translation>Satisfied with the service</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="96"/>
        <source>企业名称(&amp;N)：</source>
        <translation>Enterprise &amp;name:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="97"/>
        <source>办理登记类型(&amp;T)：</source>
        <translation>Registration &amp;type:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="98"/>
        <source>办理登记所用环节：</source>
        <translation>Steps of the registration:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="99"/>
        <source>所用时间（天）：</source>
        <translation>Time taken (days):</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="102"/>
        <source>登记费</source>
        <translation>Registration fee</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="103"/>
        <source>契税</source>
        <translation>Deed tax</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="104"/>
        <source>印花税</source>
        <translation>Stamp duty</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="112"/>
        <source>所缴纳费用（元）：</source>
        <translation>Fees paid (yuan):</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="114"/>
        <source>是否了解针对企业的
不动产登记政策：</source>
        <translation>Knows the registration
policy for enterprises:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="115"/>
        <source>对服务是否满意：</source>
        <translation>Satisfied with the service:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="116"/>
        <source>意见建议(&amp;S)：</source>
        <translation>&amp;Suggestions:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="117"/>
        <source>企业联系人(&amp;E)：</source>
        <translation>&amp;Enterprise contact:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="118"/>
        <source>回访联系人(&amp;R)：</source>
        <translation>&amp;Revisit contact:</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="121"/>
        <source>按纸质反馈单逐项录入：回车到下一项，数字键选择答案，Ctrl+Enter 保存。</source>
        <translation>Type in the paper form field by field: Enter moves on, number keys choose answers, Ctrl+Enter saves.</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="129"/>
        <source>保存 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="133"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="185"/>
        <source>合计：金额有误</source>
        <translation>Total: an amount is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="190"/>
        <source>合计：{total} 元</source>
        <translation>Total: {total} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/answers_dialog.py" line="196"/>
        <source>请选择“对服务是否满意”。</source>
        <translation>Choose whether the enterprise is satisfied with the service.</translation>
    </message>
</context>
<context>
    <name>FormBModel</name>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="33"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="34"/>
        <source>企业名称</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="35"/>
        <source>登记类型</source>
        <translation>Registration type</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="36"/>
        <source>办结日期</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="37"/>
        <source>负责网点</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="38"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="39"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="40"/>
        <source>打印时间</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="41"/>
        <source>核验人</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="42"/>
        <source>存档位置</source>
        <translation>Archive location</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="110"/>
        <source>受理单位 {unit}</source>
        <translation>Accepting unit {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="113"/>
        <source>全程网办：由企业所在区县的登记机构回访</source>
        <translation>Fully online: revisited by the agency of the enterprise&apos;s district</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="115"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="116"/>
        <source>交回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="117"/>
        <source>扫描</source>
        <translation>Scanned</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="118"/>
        <source>录入</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="119"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/form_b_model.py" line="120"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/pages/import_page.py" line="50"/>
        <source>业务件导出</source>
        <translation>Case export</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="51"/>
        <source>好差评评价导出</source>
        <translation>Evaluation export (好差评)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="52"/>
        <source>电话回访台账</source>
        <translation>Phone revisit ledger</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="74"/>
        <source>类型(&amp;T)：</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="78"/>
        <source>文件路径，按回车读取</source>
        <translation>Path of the file; press Enter to read it</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="80"/>
        <source>文件(&amp;F)：</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="82"/>
        <source>选择文件(&amp;O)…</source>
        <translation>&amp;Open file…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="129"/>
        <source>选择要导入的文件，或把文件拖到这里。
支持 CSV、Excel（.xlsx、.xls）和 ODS 表格。</source>
        <translation>Choose a file to import, or drop one here.
CSV, Excel (.xlsx, .xls) and ODS spreadsheets are supported.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="156"/>
        <source>列对应</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="169"/>
        <source>严格模式（有错误行则整个文件不导入）</source>
        <translation>Strict mode (import nothing if any row is wrong)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="173"/>
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="176"/>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="177"/>
        <source>导入这个文件（Ctrl+Enter）</source>
        <translation>Import this file (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="201"/>
        <source>选择要导入的文件</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="203"/>
        <source>表格文件 ({patterns})</source>
        <translation>Spreadsheets ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="236"/>
        <source>正在读取 {file}…</source>
        <translation>Reading {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="256"/>
        <source>工作表“{sheet}”，第 {line} 行是表头</source>
        <translation>Sheet “{sheet}”, header on line {line}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="260"/>
        <source>第 {line} 行是表头</source>
        <translation>Header on line {line}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="262"/>
        <source>{where}；下面是前 {shown} 行，共 {rows} 行数据。</source>
        <translation>{where}; below are the first {shown} of {rows} data rows.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="268"/>
        <source>已使用上次为这种表头保存的列对应。带 * 的字段必须有对应的列。</source>
        <translation>Using the columns saved last time for this header. Fields marked * need a column.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="270"/>
        <source>已按表头自动识别，也可以手动选择。带 * 的字段必须有对应的列。</source>
        <translation>Recognised from the header; you can also choose by hand. Fields marked * need a column.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_page.py" line="277"/>
        <source>没有读取文件。请检查后重新选择。</source>
        <translation>The file was not read. Check it and choose it again.</translation>
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
        <location filename="../../ui/statistics/ledger_model.py" line="116"/>
        <source>业务编号 {case_no}&#x3000;受理单位 {unit}&#x3000;回访员 {operator}</source>
        <translation>Case no. {case_no} · Accepting unit {unit} · Operator {operator}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>回访台 RevisitDesk</source>
        <translation>RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>关于回访台(&amp;A)</source>
        <translation>&amp;About RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>请等当前操作完成后再切换语言。</source>
        <translation>Wait until the current operation has finished, then switch the language.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>关于回访台</source>
        <translation>About RevisitDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>&lt;h3&gt;回访台 RevisitDesk&lt;/h3&gt;&lt;p&gt;不动产登记业务办结后的回访、不满意跟进和季度考核。&lt;/p&gt;&lt;p&gt;数据库：{url}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RevisitDesk (回访台)&lt;/h3&gt;&lt;p&gt;Revisits after completed real-estate registration cases, follow-up of dissatisfaction, and quarterly scoring.&lt;/p&gt;&lt;p&gt;Database: {url}&lt;/p&gt;</translation>
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
    <name>MonthlyView</name>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="284"/>
        <source>未成功的原因（按当月最后一次拨打的结果）</source>
        <translation>Why revisits failed (outcome of the month&apos;s last call)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="285"/>
        <source>当月全部拨打的结果</source>
        <translation>Outcomes of all calls of the month</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="289"/>
        <source>回访率(&amp;1)</source>
        <translation>Revisit rate (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="301"/>
        <source>满意率 = （非常满意 + 满意）÷ 作答的评价；只计首轮评价。</source>
        <translation>Satisfied % = (very satisfied + satisfied) ÷ answered evaluations; first-round evaluations only.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="311"/>
        <source>满意度(&amp;2)</source>
        <translation>Satisfaction (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="317"/>
        <source>按受理单位(&amp;3)</source>
        <translation>By unit (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="321"/>
        <source>按回访员(&amp;4)</source>
        <translation>By operator (&amp;4)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="338"/>
        <source>按项目</source>
        <translation>By item</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="339"/>
        <source>按原因（已建二次回访的）</source>
        <translation>By reason (with a second-round callback)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="343"/>
        <source>不满意的评价与服务对象原话</source>
        <translation>Dissatisfied evaluations and the respondents&apos; words</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="345"/>
        <source>不满意(&amp;5)</source>
        <translation>Dissatisfaction (&amp;5)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="358"/>
        <source>电话号码在此隐去中间几位。导出 Excel 得到完整的回访记录单（“回访记录单”工作表，全部受理单位，含完整电话号码）。</source>
        <translation>Phone numbers are partly hidden here. Export Excel for the complete ledger (the sheet “回访记录单”: all accepting units, full phone numbers).</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="369"/>
        <source>回访记录单(&amp;6)</source>
        <translation>Call ledger (&amp;6)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="379"/>
        <source>本月拨打 {calls} 次，涉及 {attempted} 件业务件；回访成功 {completed} 件，回访率 {rate}；未成功 {failed} 件。</source>
        <translation>{calls} calls this month to {attempted} cases; {completed} cases revisited, revisit rate {rate}; {failed} not revisited.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="395"/>
        <source>电话回访（首轮）：{count} 条评价</source>
        <translation>Phone revisits (first round): {count} evaluations</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="401"/>
        <source>全部渠道（首轮）：{count} 条评价</source>
        <translation>All channels (first round): {count} evaluations</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="409"/>
        <source>本月首轮评价中不满意 {count} 条（其中电话回访 {phone} 条），已建二次回访 {callbacks} 条。</source>
        <translation>{count} dissatisfied first-round evaluations this month ({phone} by phone); {callbacks} with a second-round callback.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/monthly_view.py" line="426"/>
        <source>服务对象电话回访记录单（附录 F 表 F.1）：{count} 条拨打记录。</source>
        <translation>Phone revisit ledger (Appendix F, Table F.1): {count} calls.</translation>
    </message>
</context>
<context>
    <name>OperatorChooser</name>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="30"/>
        <source>谁在回访？</source>
        <translation>Who is calling?</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="32"/>
        <source>选择您的姓名，或输入新的姓名后按回车。本机会记住您的选择。</source>
        <translation>Choose your name, or type a new one and press Enter. This seat remembers it.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="38"/>
        <source>回访员姓名</source>
        <translation>Operator&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="40"/>
        <source>开始回访 (Enter)</source>
        <translation>Start (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_chooser.py" line="65"/>
        <source>请输入姓名。</source>
        <translation>Enter a name.</translation>
    </message>
</context>
<context>
    <name>OutcomeStrip</name>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="63"/>
        <source>通话未完成：按结果的字母键（Esc 取消）</source>
        <translation>Call not completed: press the outcome&apos;s letter (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="71"/>
        <location filename="../../ui/desk/outcome_strip.py" line="200"/>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="79"/>
        <source>由我本人回访</source>
        <translation>Call back myself</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="80"/>
        <source>勾选后，预约的电话只派给同一回访员</source>
        <translation>When ticked, only this operator gets the appointment</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="84"/>
        <source>预约时间：</source>
        <translation>Appointment:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="96"/>
        <source>记录并下一件 (Enter)</source>
        <translation>Record and next (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="99"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="131"/>
        <source>需要填写备注</source>
        <translation>Needs a note</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="200"/>
        <source>备注（必填）：</source>
        <translation>Note (required):</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="202"/>
        <source>例如：对方说明的原因</source>
        <translation>e.g. the reason the respondent gave</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="202"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="208"/>
        <source>请先按字母键选择通话结果。</source>
        <translation>Press the letter of an outcome first.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/outcome_strip.py" line="213"/>
        <source>“{outcome}”需要填写备注。</source>
        <translation>“{outcome}” needs a note.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="36"/>
        <source>回访工作台</source>
        <translation>Call desk</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="41"/>
        <source>导入数据</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="46"/>
        <source>统计报表</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="51"/>
        <source>企业回访</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="56"/>
        <source>扫描归档</source>
        <translation>Scans</translation>
    </message>
</context>
<context>
    <name>PdfPrintDialog</name>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="130"/>
        <source>共 {pages} 页</source>
        <translation>{pages} pages</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="131"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="132"/>
        <source>选择打印机并打印（Ctrl+P）</source>
        <translation>Choose a printer and print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="135"/>
        <source>另存为 PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="136"/>
        <source>保存为 PDF 文件（Ctrl+S）</source>
        <translation>Save as a PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="140"/>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="144"/>
        <source>放大（Ctrl+=）</source>
        <translation>Zoom in (Ctrl+=)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="147"/>
        <source>整页</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="148"/>
        <source>整页显示（Ctrl+0）</source>
        <translation>Fit the page (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="150"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="193"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="204"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="206"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise/pdf_printing.py" line="217"/>
        <source>没有保存 {path}：{reason}</source>
        <translation>{path} not saved: {reason}</translation>
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
    <name>RejectedRowsModel</name>
    <message>
        <location filename="../../ui/importing/rejected_rows_model.py" line="23"/>
        <source>行号</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../ui/importing/rejected_rows_model.py" line="24"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/importing/rejected_rows_model.py" line="25"/>
        <source>原始内容</source>
        <translation>Original row</translation>
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
        <location filename="../../ui/pages/scanning_page.py" line="178"/>
        <source>添加扫描文件(&amp;O)…</source>
        <translation>Add scan files (&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="179"/>
        <source>选择 PDF、PNG、JPEG 或 TIFF 扫描文件（Ctrl+O）</source>
        <translation>Choose PDF, PNG, JPEG or TIFF scans (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="181"/>
        <source>从扫描仪扫描</source>
        <translation>Scan from scanner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="183"/>
        <source>正在查找扫描仪…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="187"/>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="188"/>
        <source>监视文件夹：</source>
        <translation>Watched folder:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="190"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="192"/>
        <source>监视</source>
        <translation>Watch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="194"/>
        <source>扫描仪存入此文件夹的文件自动添加；处理后移到 done/ 或 refused/ 子文件夹</source>
        <translation>Files the scanner puts in this folder are added by themselves, then moved to its done/ or refused/ subfolder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="207"/>
        <source>把扫描文件拖到这里即可添加。带二维码的反馈单自动归档到业务件。</source>
        <translation>Drop scanned files here to add them. Forms with their QR code are filed to their cases by themselves.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="223"/>
        <source>本次添加</source>
        <translation>Added this session</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="236"/>
        <source>业务编号、企业名称或申请人</source>
        <translation>Case no., enterprise or applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="240"/>
        <source>查找业务件(&amp;F)：</source>
        <translation>&amp;Find case:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="247"/>
        <source>归档到此业务件</source>
        <translation>File to this case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="248"/>
        <source>把当前页归档到选中的业务件（Ctrl+Enter）</source>
        <translation>File the page on screen to the chosen case (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="251"/>
        <source>丢弃此页</source>
        <translation>Discard this page</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="253"/>
        <source>空白页或无关的页：移出待匹配区（文件仍保留）（Ctrl+Delete）</source>
        <translation>A blank or stray page: take it out of the tray (the file is kept) (Ctrl+Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="259"/>
        <source>匹配业务件</source>
        <translation>Match to a case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="314"/>
        <source>选择扫描文件</source>
        <translation>Choose scan files</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="316"/>
        <source>扫描文件 ({patterns})</source>
        <translation>Scans ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="351"/>
        <source>无法读取文件：{reason}</source>
        <translation>Cannot read the file: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="355"/>
        <source>正在添加 {count} 个文件…</source>
        <translation>Adding {count} file(s)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="366"/>
        <location filename="../../ui/pages/scanning_page.py" line="489"/>
        <source>{file} 未添加：{reason}</source>
        <translation>{file} not added: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="389"/>
        <source>扫描放在扫描仪上的全部页（Ctrl+Shift+S）</source>
        <translation>Scan every page in the scanner (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="392"/>
        <source>没有可用的扫描仪：未安装扫描仪支持（python-sane）或未连接扫描仪。可以拖放文件、选择文件或使用监视文件夹。</source>
        <translation>No scanner available: scanner support (python-sane) is not installed or no scanner is connected. Drop files, choose them or use the watched folder.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="410"/>
        <source>正在扫描…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="427"/>
        <source>选择扫描仪存放文件的文件夹</source>
        <translation>Choose the folder the scanner saves into</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="455"/>
        <source>监视文件夹不存在：{folder}</source>
        <translation>The watched folder does not exist: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="516"/>
        <source>待匹配 ({count})</source>
        <translation>Unmatched ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="520"/>
        <source>{file} 第 {page}/{pages} 页</source>
        <translation>{file} page {page}/{pages}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="521"/>
        <source>扫描件</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="524"/>
        <source>添加于 {at}</source>
        <translation>Added {at}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="526"/>
        <source>读到的二维码：{text}</source>
        <translation>QR code read: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="555"/>
        <source>待匹配区是空的。</source>
        <translation>The tray is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="558"/>
        <source>未能从这一页识别业务件。请查找并选择它所属的业务件。</source>
        <translation>No case was recognised on this page. Find and choose the case it belongs to.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="560"/>
        <source>这一页的二维码不是有效的回访单编码：{text}</source>
        <translation>The QR code on this page is not a valid form code: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="563"/>
        <source>第 {row}/{count} 页</source>
        <translation>Page {row}/{count}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="613"/>
        <source>已归档到业务件 {case_no}。</source>
        <translation>Filed to case {case_no}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scanning_page.py" line="624"/>
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
    <name>StatisticsPage</name>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="59"/>
        <source>季度</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="60"/>
        <source>月度</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="63"/>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="64"/>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="65"/>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="66"/>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="104"/>
        <source>周期(&amp;P)：</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="110"/>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="118"/>
        <source>{month} 月</source>
        <translation>{month:02d}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="121"/>
        <location filename="../../ui/pages/statistics_page.py" line="254"/>
        <source>季度(&amp;Q)：</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="124"/>
        <source>选择要显示的受理单位</source>
        <translation>Choose the accepting units to show</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="125"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="126"/>
        <source>重新计算（F5）</source>
        <translation>Compute again (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="132"/>
        <source>导出 Excel(&amp;E)…</source>
        <translation>&amp;Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="133"/>
        <source>导出 PDF(&amp;D)…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="254"/>
        <source>月份(&amp;M)：</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="268"/>
        <source>{year}年{quarter}</source>
        <translation>{quarter} {year}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="271"/>
        <source>{year}年{month}月</source>
        <translation>{year}-{month:02d}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="302"/>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="342"/>
        <source>未达标单位补报截止 {day}</source>
        <translation>Units below target report supplements by {day}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="346"/>
        <source>补报截止日未知：工作日历尚未录入 {year} 年</source>
        <translation>Supplement deadline unknown: the working-day calendar has no {year} yet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="350"/>
        <source>{period}（{start} 至 {end}）&#x3000;覆盖率目标 {target:g}%&#x3000;{deadline}&#x3000;{below} 个单位低于目标</source>
        <translation>{period} ({start} to {end})   Coverage target {target:g}%   {deadline}   Units below target: {below}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="361"/>
        <source>&#x3000;·&#x3000;双击单位（或按回车）查看其业务件</source>
        <translation>   ·   Double-click a unit (or press Enter) to see its cases</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="363"/>
        <source>&#x3000;·&#x3000;这个季度没有办结的业务件</source>
        <translation>   ·   No cases were completed in this quarter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="369"/>
        <source>{period}（{start} 至 {end}）电话回访分析</source>
        <translation>Phone revisit analysis, {period} ({start} to {end})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="408"/>
        <source>{period}电话回访分析</source>
        <translation>Phone revisit analysis {period}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="421"/>
        <source>{period}回访考核通报</source>
        <translation>Revisit assessment report {period}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="431"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="432"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="435"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="455"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="463"/>
        <source>没有写入权限，或文件正被其他程序（如 Excel）打开。</source>
        <translation>No permission to write, or the file is open in another program (such as Excel).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="465"/>
        <source>文件夹不存在。</source>
        <translation>The folder does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="469"/>
        <source>没有导出 {path}：{reason}</source>
        <translation>Not exported to {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_page.py" line="498"/>
        <source>没有可显示的结果。按 F5 重新计算。</source>
        <translation>Nothing to show. Press F5 to compute again.</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="57"/>
        <source>数量</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="61"/>
        <source>数据行</source>
        <translation>Data rows</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="62"/>
        <source>新增</source>
        <translation>Inserted</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="63"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="64"/>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="65"/>
        <source>文件内重复行</source>
        <translation>Repeated lines</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="66"/>
        <source>被拒绝</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="71"/>
        <source>其中</source>
        <translation>Of which</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="78"/>
        <source>返回修改(&amp;B)</source>
        <translation>&amp;Back to the columns</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="79"/>
        <source>回到预览和列对应，修改后再导入</source>
        <translation>Return to the preview and the columns, change them and import again</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="94"/>
        <source>导出被拒绝的行(&amp;E)…</source>
        <translation>&amp;Export rejected rows…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="120"/>
        <source>已导入 {file}，其中 {count} 行被拒绝，没有导入。</source>
        <translation>Imported {file}; {count} rows were rejected and not imported.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="126"/>
        <source>已导入 {file}。</source>
        <translation>Imported {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="147"/>
        <source>被拒绝的行（{count}）</source>
        <translation>Rejected rows ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="149"/>
        <source>没有被拒绝的行。</source>
        <translation>No row was rejected.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="158"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="159"/>
        <source>_被拒绝的行</source>
        <translation>_rejected_rows</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="162"/>
        <location filename="../../ui/importing/summary_view.py" line="189"/>
        <source>导出被拒绝的行</source>
        <translation>Export rejected rows</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="164"/>
        <source>CSV 文件，UTF-8 (*.csv)</source>
        <translation>CSV file, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/summary_view.py" line="190"/>
        <source>无法写入文件 {path}：{reason}</source>
        <translation>Cannot write the file {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/desk/today_view.py" line="34"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today_view.py" line="34"/>
        <source>业务编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today_view.py" line="34"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today_view.py" line="34"/>
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
        <location filename="../../ui/statistics/unit_cases_dialog.py" line="116"/>
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
        <location filename="../../ui/statistics/unit_cases_model.py" line="112"/>
        <source>是</source>
        <translation>Yes</translation>
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
</TS>
