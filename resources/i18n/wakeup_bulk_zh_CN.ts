<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WakeUpBulkDialog</name>
    <message>
        <location filename="../../ui/wakeup_bulk.py" line="34"/>
        <source>Wake-up calls: list entry</source>
        <translation>叫醒服务：批量录入</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_bulk.py" line="39"/>
        <source>One call per line: room, time, note. For example:  1203 06:30 taxi at 7</source>
        <translation>每行一个叫醒：房号、时间、备注。例如：1203 06:30 7点出租车</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_bulk.py" line="45"/>
        <source>&amp;Book all</source>
        <translation>全部预订(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_bulk.py" line="70"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_bulk.py" line="76"/>
        <source>Booked %1 calls.</source>
        <translation>已预订 %1 个叫醒。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_bulk.py" line="82"/>
        <source>More calls than the lines can place in one minute at: %1</source>
        <translation>以下时间同一分钟的叫醒超过线路能力：%1</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_bulk.py" line="87"/>
        <source>Not booked, still in the box:</source>
        <translation>未预订，仍留在输入框中：</translation>
    </message>
</context>
</TS>
