<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ShiftReport</name>
    <message>
        <location filename="../../ui/report_chart.py" line="31"/>
        <source>Calls per hour</source>
        <translation>每小时来电</translation>
    </message>
</context>
</TS>
