<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallerPanel</name>
    <message>
        <location filename="../../ui/caller_panel.py" line="44"/>
        <location filename="../../ui/caller_panel.py" line="130"/>
        <source>No call</source>
        <translation>无通话</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="62"/>
        <source>Note on this call (Ctrl+S saves)</source>
        <translation>本次通话备注（Ctrl+S 保存）</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="86"/>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="87"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="88"/>
        <source>Service request</source>
        <translation>服务需求</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="89"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="90"/>
        <source>Wake-up</source>
        <translation>叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="91"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="92"/>
        <source>Emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="111"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="119"/>
        <source>Guest data unavailable: the database cannot be reached.</source>
        <translation>客人资料暂不可用：无法连接数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="142"/>
        <source>Last call: %1. Ctrl+S still files its note.</source>
        <translation>上一通电话：%1。按 Ctrl+S 仍可保存其备注。</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="154"/>
        <source>Outside line %1</source>
        <translation>外线 %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="159"/>
        <source>Room %1 (no guest in house)</source>
        <translation>%1 房（无在住客人）</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="162"/>
        <source>Room %1</source>
        <translation>%1 房</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="170"/>
        <source>Do not give out the room or confirm the guest is in house.</source>
        <translation>不得透露房号，也不得确认客人是否在店。</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="172"/>
        <source>PRIVACY</source>
        <translation>保密</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="176"/>
        <source>Do not disturb is on</source>
        <translation>已设免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="179"/>
        <source>VIP level %1</source>
        <translation>贵宾等级 %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="184"/>
        <source>Language: %1</source>
        <translation>语言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="188"/>
        <source>With: %1</source>
        <translation>同行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="191"/>
        <source>%1 message(s) waiting</source>
        <translation>%1 条留言待转达</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="194"/>
        <source>Wake-up booked for %1</source>
        <translation>已预订 %1 叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/caller_panel.py" line="196"/>
        <source>Whereabouts: %1</source>
        <translation>去向：%1</translation>
    </message>
</context>
</TS>
