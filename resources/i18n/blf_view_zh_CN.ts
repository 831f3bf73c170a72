<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LampField</name>
    <message>
        <location filename="../../ui/blf_view.py" line="65"/>
        <source>Extension or name…</source>
        <translation>分机号或名称…</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="86"/>
        <source>&amp;Floor</source>
        <translation>楼层(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="90"/>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="117"/>
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="119"/>
        <source>%1F</source>
        <translation>%1楼</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="120"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="132"/>
        <source>%1 lamps</source>
        <translation>%1 个分机</translation>
    </message>
</context>
</TS>
