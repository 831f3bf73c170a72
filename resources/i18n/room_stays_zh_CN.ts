<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoomStays</name>
    <message>
        <location filename="../../ui/room_stays.py" line="84"/>
        <source>Select a room first.</source>
        <translation>请先选择房间。</translation>
    </message>
    <message>
        <location filename="../../ui/room_stays.py" line="104"/>
        <source>Checked in to %1</source>
        <translation>已入住 %1</translation>
    </message>
    <message>
        <location filename="../../ui/room_stays.py" line="112"/>
        <source>%1 message(s) for room %2 were not delivered. Check out anyway?</source>
        <translation>房间 %2 还有 %1 条留言未转达。仍要退房吗？</translation>
    </message>
    <message>
        <location filename="../../ui/room_stays.py" line="121"/>
        <source>Checked out of %1</source>
        <translation>已退房 %1</translation>
    </message>
    <message>
        <location filename="../../ui/room_stays.py" line="134"/>
        <source>Moved to %1</source>
        <translation>已换到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/room_stays.py" line="148"/>
        <source>Room %1: %2</source>
        <translation>%1 房间：%2</translation>
    </message>
    <message>
        <location filename="../../ui/room_stays.py" line="162"/>
        <source>Whereabouts noted for %1</source>
        <translation>已记录 %1 的去向</translation>
    </message>
</context>
</TS>
