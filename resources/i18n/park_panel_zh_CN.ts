<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ParkPanel</name>
    <message>
        <location filename="../../ui/park_panel.py" line="53"/>
        <source>Caller</source>
        <translation>来电方</translation>
    </message>
    <message>
        <location filename="../../ui/park_panel.py" line="53"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/park_panel.py" line="53"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/park_panel.py" line="67"/>
        <source>Pick up
%1</source>
        <translation>接回
%1</translation>
    </message>
    <message>
        <location filename="../../ui/park_panel.py" line="71"/>
        <source>Pick up a parked call</source>
        <translation>接回驻留的来电</translation>
    </message>
    <message>
        <location filename="../../ui/park_panel.py" line="96"/>
        <source>Parked and waiting: %1</source>
        <translation>驻留与等候：%1</translation>
    </message>
    <message>
        <location filename="../../ui/park_panel.py" line="134"/>
        <source>parked at %1, %2</source>
        <translation>驻留于 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/park_panel.py" line="136"/>
        <source>waiting for %1, %2</source>
        <translation>等候 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/park_panel.py" line="141"/>
        <source>parked at %1</source>
        <translation>驻留于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/park_panel.py" line="143"/>
        <source>waiting for %1</source>
        <translation>等候 %1</translation>
    </message>
</context>
</TS>
