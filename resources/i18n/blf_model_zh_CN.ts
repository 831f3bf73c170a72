<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BlfModel</name>
    <message>
        <location filename="../../ui/blf_model.py" line="44"/>
        <source>Extension %1</source>
        <translation>分机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/blf_model.py" line="47"/>
        <source>Room %1</source>
        <translation>房间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/blf_model.py" line="50"/>
        <source>Guest: %1</source>
        <translation>住客：%1</translation>
    </message>
    <message>
        <location filename="../../ui/blf_model.py" line="52"/>
        <source>Guest: (not shown)</source>
        <translation>住客：（不显示）</translation>
    </message>
    <message>
        <location filename="../../ui/blf_model.py" line="58"/>
        <source>message waiting</source>
        <translation>有留言</translation>
    </message>
    <message>
        <location filename="../../ui/blf_model.py" line="64"/>
        <source>DND is kept by this console only: a call that does not pass it still rings</source>
        <translation>免打扰仅由本台执行：不经总机的来电仍会响铃</translation>
    </message>
</context>
</TS>
