<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LogbookPage</name>
    <message>
        <location filename="../../ui/logbook_page.py" line="50"/>
        <source>correction of #%1</source>
        <translation>更正 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="51"/>
        <source>resolves #%1</source>
        <translation>处理 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="52"/>
        <source>duty manager on #%1</source>
        <translation>值班经理批注 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="59"/>
        <source>resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="59"/>
        <source>OPEN</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="72"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="73"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="74"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="75"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="76"/>
        <location filename="../../ui/logbook_page.py" line="124"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="77"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="78"/>
        <source>Follow-up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="104"/>
        <source>For whom (department or person)</source>
        <translation>交给谁（部门或人员）</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="116"/>
        <source>Search the logbook</source>
        <translation>搜索交班日志</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="119"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="128"/>
        <source>Author</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="133"/>
        <source>from any day</source>
        <translation>不限开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="139"/>
        <source>to any day</source>
        <translation>不限结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="142"/>
        <source>Open follow-ups only</source>
        <translation>只看未处理的跟进</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="144"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="149"/>
        <source>Answer to the selected entry</source>
        <translation>对所选记录的回复</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="150"/>
        <source>&amp;Resolve</source>
        <translation>处理完毕(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="152"/>
        <source>C&amp;orrect</source>
        <translation>更正(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="154"/>
        <source>A&amp;nnotate</source>
        <translation>批注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="217"/>
        <source>Maintenance</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="221"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="264"/>
        <location filename="../../ui/logbook_page.py" line="286"/>
        <source>Written as #%1.</source>
        <translation>已记录为 #%1。</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="282"/>
        <source>Select an entry first.</source>
        <translation>请先选择一条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="297"/>
        <source>Export the logbook</source>
        <translation>导出交班日志</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="303"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="305"/>
        <source>%1 entries exported.</source>
        <translation>已导出 %1 条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="90"/>
        <source>Room (optional)</source>
        <translation>房号（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="92"/>
        <source>Follow-up needed</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="96"/>
        <source>What happened, what was done, what the next shift must know</source>
        <translation>发生了什么、如何处理、下一班需要知道什么</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="108"/>
        <source>&amp;Write entry (Ctrl+Enter)</source>
        <translation>写入记录 (Ctrl+Enter)(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="215"/>
        <source>Guest request</source>
        <translation>客人需求</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="216"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="218"/>
        <source>Security</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="219"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="220"/>
        <source>Wake-up</source>
        <translation>叫醒</translation>
    </message>
</context>
</TS>
