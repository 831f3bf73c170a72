<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoomTiles</name>
    <message>
        <location filename="../../ui/room_tiles.py" line="76"/>
        <source>DND</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/room_tiles.py" line="80"/>
        <source>(privacy)</source>
        <translation>（保密）</translation>
    </message>
</context>
</TS>
