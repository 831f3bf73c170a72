<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BusyOptions</name>
    <message>
        <location filename="../../ui/busy_options.py" line="61"/>
        <source>Caller&apos;s options</source>
        <translation>来电者选项</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="51"/>
        <source>%1 is busy.</source>
        <translation>%1 占线。</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="52"/>
        <source>%1 does not answer.</source>
        <translation>%1 无人接听。</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="53"/>
        <source>%1 is on do-not-disturb and will not be rung.</source>
        <translation>%1 已设免打扰，不会振铃。</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="54"/>
        <source>%1 cannot be reached.</source>
        <translation>无法接通 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="63"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="80"/>
        <source>&amp;Wait: camp on, recall to me if it stays busy</source>
        <translation>等待：排队等候，持续占线则回呼总机(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="81"/>
        <source>Leave a &amp;message</source>
        <translation>留言(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="85"/>
        <source>The caller&apos;s number cannot be dialled: type one</source>
        <translation>来电号码无法拨打：请输入回电号码</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="93"/>
        <source>Call-back number</source>
        <translation>回电号码</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="94"/>
        <source>Call back at</source>
        <translation>回电时间</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="95"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="99"/>
        <source>&amp;Call back: add a reminder</source>
        <translation>回电：添加提醒(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="100"/>
        <source>&amp;Other extension</source>
        <translation>其他分机(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="104"/>
        <source>Emergency: why the guest must be rung</source>
        <translation>紧急：必须振铃的原因</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="108"/>
        <source>&amp;Emergency override: ring despite DND (logged)</source>
        <translation>紧急强插：不顾免打扰振铃（记入日志）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/busy_options.py" line="132"/>
        <source>Write the reason first: it goes in the logbook</source>
        <translation>请先填写原因：将记入日志</translation>
    </message>
</context>
</TS>
