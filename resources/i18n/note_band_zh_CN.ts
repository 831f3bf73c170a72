<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>NoteBand</name>
    <message>
        <location filename="../../ui/note_band.py" line="21"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>
