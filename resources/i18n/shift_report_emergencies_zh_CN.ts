<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ShiftReport</name>
    <message>
        <location filename="../../ui/shift_report_emergencies.py" line="28"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report_emergencies.py" line="29"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report_emergencies.py" line="30"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report_emergencies.py" line="31"/>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report_emergencies.py" line="32"/>
        <source>Called out</source>
        <translation>外呼</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report_emergencies.py" line="40"/>
        <source>not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report_emergencies.py" line="42"/>
        <source> (from the call records)</source>
        <translation>（来自话单）</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report_emergencies.py" line="56"/>
        <source>Emergency calls</source>
        <translation>紧急呼叫</translation>
    </message>
</context>
</TS>
