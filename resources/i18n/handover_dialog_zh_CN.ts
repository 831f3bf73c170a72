<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HandOverDialog</name>
    <message>
        <location filename="../../ui/handover_dialog.py" line="55"/>
        <source>Hand over the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="58"/>
        <source>What the next shift must know that is not in the lists</source>
        <translation>下一班需要知道、但清单里没有的事</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="63"/>
        <source>&amp;Compose the handover</source>
        <translation>生成交接单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="70"/>
        <source>Shift %1</source>
        <translation>班次 %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="90"/>
        <source>Handed over: %1 items for the next shift to acknowledge.</source>
        <translation>已交班：%1 项等待下一班确认。</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <location filename="../../ui/handover_dialog.py" line="33"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="34"/>
        <source>Wake-up due</source>
        <translation>叫醒待办</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="35"/>
        <source>Wake-up NOT ANSWERED</source>
        <translation>叫醒无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="36"/>
        <source>Follow-up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="37"/>
        <source>Message waiting</source>
        <translation>有留言待转达</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="38"/>
        <source>DND</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="39"/>
        <source>VIP arriving</source>
        <translation>贵宾预抵</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="40"/>
        <source>Timed duty</source>
        <translation>定时事项</translation>
    </message>
</context>
<context>
    <name>TakeOverDialog</name>
    <message>
        <location filename="../../ui/handover_dialog.py" line="106"/>
        <source>Take over the shift</source>
        <translation>接班</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="111"/>
        <source>&amp;Acknowledge the ticked items</source>
        <translation>确认已勾选的事项(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="119"/>
        <source>Handover from %1, written by %2 at %3</source>
        <translation>%1 的交接，由 %2 于 %3 填写</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="147"/>
        <source>%1 items still to acknowledge</source>
        <translation>还有 %1 项待确认</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="149"/>
        <source>Everything acknowledged.</source>
        <translation>全部已确认。</translation>
    </message>
</context>
</TS>
