<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LogbookPage</name>
    <message>
        <location filename="../../ui/logbook_page.py" line="52"/>
        <source>correction of #%1</source>
        <translation>更正 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="53"/>
        <source>resolves #%1</source>
        <translation>处理 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="54"/>
        <source>duty manager on #%1</source>
        <translation>值班经理批注 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="61"/>
        <source>resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="61"/>
        <source>OPEN</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="74"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="75"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="76"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="77"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="78"/>
        <location filename="../../ui/logbook_page.py" line="126"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="79"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="80"/>
        <source>Follow-up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="106"/>
        <source>For whom (department or person)</source>
        <translation>交给谁（部门或人员）</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="118"/>
        <source>Search the logbook</source>
        <translation>搜索交班日志</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="121"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="130"/>
        <source>Author</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="135"/>
        <source>from any day</source>
        <translation>不限开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="141"/>
        <source>to any day</source>
        <translation>不限结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="144"/>
        <source>Open follow-ups only</source>
        <translation>只看未处理的跟进</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="146"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="151"/>
        <source>Answer to the selected entry</source>
        <translation>对所选记录的回复</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="152"/>
        <source>&amp;Resolve</source>
        <translation>处理完毕(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="154"/>
        <source>C&amp;orrect</source>
        <translation>更正(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="156"/>
        <source>A&amp;nnotate</source>
        <translation>批注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="220"/>
        <source>Maintenance</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="224"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="252"/>
        <source>The logbook is for operators and duty managers: your role does not read it.</source>
        <translation>交班日志供话务员和值班经理使用：您的角色不能查看。</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="272"/>
        <location filename="../../ui/logbook_page.py" line="294"/>
        <source>Written as #%1.</source>
        <translation>已记录为 #%1。</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="290"/>
        <source>Select an entry first.</source>
        <translation>请先选择一条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="305"/>
        <source>Export the logbook</source>
        <translation>导出交班日志</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="311"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="316"/>
        <source>%1 entries exported.</source>
        <translation>已导出 %1 条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="92"/>
        <source>Room (optional)</source>
        <translation>房号（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="94"/>
        <source>Follow-up needed</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="98"/>
        <source>What happened, what was done, what the next shift must know</source>
        <translation>发生了什么、如何处理、下一班需要知道什么</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="110"/>
        <source>&amp;Write entry (Ctrl+Enter)</source>
        <translation>写入记录 (Ctrl+Enter)(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="218"/>
        <source>Guest request</source>
        <translation>客人需求</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="219"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="221"/>
        <source>Security</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="222"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="223"/>
        <source>Wake-up</source>
        <translation>叫醒</translation>
    </message>
</context>
</TS>
