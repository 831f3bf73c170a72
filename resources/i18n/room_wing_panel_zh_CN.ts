<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoomWingPanel</name>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="32"/>
        <source>Rooms, e.g. 1201..1219 1230</source>
        <translation>房间，例如 1201..1219 1230</translation>
    </message>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="35"/>
        <source>Wing, e.g. East wing (empty: none)</source>
        <translation>翼楼名称，例如 East wing（留空：无）</translation>
    </message>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="38"/>
        <source>Set w&amp;ing</source>
        <translation>设置翼楼(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="45"/>
        <source>Wing of rooms</source>
        <translation>房间所在翼楼</translation>
    </message>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="64"/>
        <source>Wing set for %1 rooms.</source>
        <translation>已为 %1 间房设置翼楼。</translation>
    </message>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="70"/>
        <source>Type the rooms, e.g. 1201..1219.</source>
        <translation>请输入房间，例如 1201..1219。</translation>
    </message>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="71"/>
        <source>Too many rooms at once.</source>
        <translation>一次的房间太多。</translation>
    </message>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="72"/>
        <source>%1 is not a range of rooms: type e.g. 1201..1219.</source>
        <translation>%1 不是房间范围：请输入例如 1201..1219。</translation>
    </message>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="73"/>
        <source>There is no room %1 in this hotel: nothing was changed.</source>
        <translation>本酒店没有 %1 号房：未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/room_wing_panel.py" line="74"/>
        <source>%1 is not a room number.</source>
        <translation>%1 不是房号。</translation>
    </message>
</context>
</TS>
