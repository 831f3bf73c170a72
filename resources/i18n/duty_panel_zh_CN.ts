<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DutyPanel</name>
    <message>
        <location filename="../../ui/duty_panel.py" line="96"/>
        <source>Timed duty due at %1: %2</source>
        <translation>定时事项 %1 到时：%2</translation>
    </message>
    <message>
        <location filename="../../ui/duty_panel.py" line="101"/>
        <source>Done ✓</source>
        <translation>已完成 ✓</translation>
    </message>
</context>
</TS>
