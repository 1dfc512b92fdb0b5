<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
    <name>Pages</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="32"/>
        <source>导入数据</source>
        <translation>Import</translation>
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
</TS>
