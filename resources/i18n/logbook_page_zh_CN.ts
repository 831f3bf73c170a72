<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LogbookPage</name>
    <message>
        <location filename="../../ui/logbook_page.py" line="36"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="37"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="38"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="39"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="40"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="41"/>
        <source>Follow-up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="49"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="60"/>
        <source>Room (optional)</source>
        <translation>房号（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="62"/>
        <source>Follow-up needed</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="66"/>
        <source>What happened, what was done, what the next shift must know</source>
        <translation>发生了什么、如何处理、下一班需要知道什么</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="68"/>
        <source>&amp;Write entry (Ctrl+Enter)</source>
        <translation>写入记录 (Ctrl+Enter)(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="95"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="96"/>
        <source>Guest request</source>
        <translation>客人需求</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="97"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="98"/>
        <source>Engineering</source>
        <translation>工程</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="99"/>
        <source>Security</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="100"/>
        <source>Wake-up</source>
        <translation>叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="101"/>
        <source>PBX / lines</source>
        <translation>交换机/线路</translation>
    </message>
    <message>
        <location filename="../../ui/logbook_page.py" line="117"/>
        <source>Written.</source>
        <translation>已写入。</translation>
    </message>
</context>
</TS>
