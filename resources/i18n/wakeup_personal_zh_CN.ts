<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PersonalWakeUpBand</name>
    <message>
        <location filename="../../ui/wakeup_personal.py" line="45"/>
        <source>Called in &amp;person (Ctrl+Shift+P)</source>
        <translation>已亲自致电(&amp;P)（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_personal.py" line="68"/>
        <source>VIP WAKE-UP: call room %1 %2 in person now (due %3). Unmarked at %4, the dialler calls.</source>
        <translation>VIP 叫醒：请现在亲自致电 %1 房 %2（时间 %3）。%4 仍未标记完成，系统将自动拨打。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_personal.py" line="74"/>
        <source> (%1 more)</source>
        <translation>（另有 %1 个）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_personal.py" line="81"/>
        <source>No personal wake-up is waiting.</source>
        <translation>没有等待人工处理的叫醒。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_personal.py" line="85"/>
        <source>Room %1: called in person.</source>
        <translation>%1 房：已亲自致电。</translation>
    </message>
</context>
</TS>
