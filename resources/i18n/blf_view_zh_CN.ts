<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LampField</name>
    <message>
        <location filename="../../ui/blf_view.py" line="92"/>
        <source>Extension or name…</source>
        <translation>分机号或名称…</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="118"/>
        <source>&amp;Floor</source>
        <translation>楼层(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="122"/>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="149"/>
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="151"/>
        <source>%1F</source>
        <translation>%1楼</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="152"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../ui/blf_view.py" line="164"/>
        <source>%1 lamps</source>
        <translation>%1 个分机</translation>
    </message>
</context>
</TS>
