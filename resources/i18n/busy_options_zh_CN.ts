<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BusyOptions</name>
    <message>
        <location filename="../../ui/busy_options.py" line="58"/>
        <source>Caller&apos;s options</source>
        <translation>来电者选项</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="48"/>
        <source>%1 is busy.</source>
        <translation>%1 占线。</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="49"/>
        <source>%1 does not answer.</source>
        <translation>%1 无人接听。</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="50"/>
        <source>%1 is on do-not-disturb and will not be rung.</source>
        <translation>%1 已设免打扰，不会振铃。</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="51"/>
        <source>%1 cannot be reached.</source>
        <translation>无法接通 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="60"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="77"/>
        <source>&amp;Wait: camp on, recall to me if it stays busy</source>
        <translation>等待：排队等候，持续占线则回呼总机(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="78"/>
        <source>Leave a &amp;message</source>
        <translation>留言(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="88"/>
        <source>Call-back number</source>
        <translation>回电号码</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="89"/>
        <source>Call back at</source>
        <translation>回电时间</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="90"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="94"/>
        <source>&amp;Call back: add a reminder</source>
        <translation>回电：添加提醒(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="95"/>
        <source>&amp;Other extension</source>
        <translation>其他分机(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="99"/>
        <source>Emergency: why the guest must be rung</source>
        <translation>紧急：必须振铃的原因</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="103"/>
        <source>&amp;Emergency override: ring despite DND (logged)</source>
        <translation>紧急强插：不顾免打扰振铃（记入日志）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="127"/>
        <source>Write the reason first: it goes in the logbook</source>
        <translation>请先填写原因：将记入日志</translation>
    </message>
</context>
</TS>
