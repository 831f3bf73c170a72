<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HandOverDialog</name>
    <message>
        <location filename="../../ui/handover_dialog.py" line="149"/>
        <source>Hand over the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="153"/>
        <source>What the next shift must know that is not in the lists</source>
        <translation>下一班需要知道、但清单里没有的事</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="159"/>
        <source>&amp;Compose the handover</source>
        <translation>生成交接单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="165"/>
        <source>Shift %1</source>
        <translation>班次 %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="190"/>
        <source>Handed over: %1 items for the next shift to acknowledge.</source>
        <translation>已交班：%1 项等待下一班确认。</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <location filename="../../ui/handover_dialog.py" line="34"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="35"/>
        <source>Wake-up due</source>
        <translation>叫醒待办</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="36"/>
        <source>Wake-up NOT ANSWERED</source>
        <translation>叫醒无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="37"/>
        <source>Follow-up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="38"/>
        <source>Message waiting</source>
        <translation>有留言待转达</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="39"/>
        <source>DND</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="40"/>
        <source>VIP arriving</source>
        <translation>贵宾预抵</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="41"/>
        <source>Timed duty</source>
        <translation>定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="42"/>
        <source>Emergency call</source>
        <translation>紧急呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="50"/>
        <source>early shift</source>
        <translation>早班</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="51"/>
        <source>mid shift</source>
        <translation>中班</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="52"/>
        <source>night shift</source>
        <translation>夜班</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="71"/>
        <source>%1 room %2 (%3, %4 attempts)</source>
        <translation>%1 房间 %2（%3，已拨 %4 次）</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="79"/>
        <source>room %1: from %2, taken %3</source>
        <translation>房间 %1：%2 的留言，%3 收到</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="87"/>
        <source>room %1 on DND until %2</source>
        <translation>房间 %1 免打扰至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="89"/>
        <source>room %1 on DND</source>
        <translation>房间 %1 免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="91"/>
        <source>VIP %1 %2, room %3, arrives %4</source>
        <translation>%1 级贵宾 %2，房间 %3，%4 抵店</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="96"/>
        <source>%1 %2 dialled %3, acknowledged by %4</source>
        <translation>%1 %2 拨打 %3，由 %4 确认</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="101"/>
        <source>room %1: %2</source>
        <translation>房间 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="103"/>
        <source>%1, due %2</source>
        <translation>%1，期限 %2</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="110"/>
        <source>booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="111"/>
        <source>dialling</source>
        <translation>正在拨打</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="112"/>
        <source>to be tried again</source>
        <translation>待重拨</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="113"/>
        <source>on the manual list</source>
        <translation>人工处理列表</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="114"/>
        <source>with the PBX</source>
        <translation>已交交换机</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="115"/>
        <source>escalated</source>
        <translation>已升级人工</translation>
    </message>
</context>
<context>
    <name>TakeOverDialog</name>
    <message>
        <location filename="../../ui/handover_dialog.py" line="215"/>
        <source>Take over the shift</source>
        <translation>接班</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="221"/>
        <source>I have read them: acknowledge &amp;all</source>
        <translation>我已阅读：全部确认(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="225"/>
        <source>Acknowledge the &amp;ticked items</source>
        <translation>确认勾选项(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="231"/>
        <source>Handover from %1, written by %2 at %3</source>
        <translation>%1 的交接，由 %2 于 %3 填写</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="265"/>
        <source>%1 items still to acknowledge</source>
        <translation>还有 %1 项待确认</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="267"/>
        <source>Everything acknowledged.</source>
        <translation>全部已确认。</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="278"/>
        <source>Tick the items you have read first.</source>
        <translation>请先勾选已阅读的项目。</translation>
    </message>
</context>
</TS>
