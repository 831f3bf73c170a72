<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallerPanel</name>
    <message>
        <location filename="../../ui/caller_panel.py" line="24"/>
        <location filename="../../ui/caller_panel.py" line="54"/>
        <source>No call</source>
        <translation>无通话</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="60"/>
        <source>Outside line %1</source>
        <translation>外线 %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="65"/>
        <source>Room %1 (no guest in house)</source>
        <translation>%1 房（无在住客人）</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="75"/>
        <source>Do not give out the room or confirm the guest is in house.</source>
        <translation>不得透露房号，也不得确认客人是否在店。</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="83"/>
        <source>VIP level %1</source>
        <translation>贵宾等级 %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="87"/>
        <source>Language: %1</source>
        <translation>语言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="91"/>
        <source>With: %1</source>
        <translation>同行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="97"/>
        <source>Wake-up booked for %1</source>
        <translation>已预订 %1 叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="99"/>
        <source>Whereabouts: %1</source>
        <translation>去向：%1</translation>
    </message>
</context>
</TS>
