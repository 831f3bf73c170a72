<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoomsPage</name>
    <message>
        <location filename="../../ui/rooms_page.py" line="27"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="28"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="29"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="30"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="31"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="32"/>
        <location filename="../../ui/rooms_page.py" line="79"/>
        <source>DND</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="33"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="34"/>
        <source>Housekeeping</source>
        <translation>客房状态</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="50"/>
        <source>DND on/off (D)</source>
        <translation>免打扰 开/关 (D)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="59"/>
        <source>&amp;Floor</source>
        <translation>楼层(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="72"/>
        <source>(privacy)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="86"/>
        <source>vacant</source>
        <translation>空房</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="87"/>
        <source>occupied</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="88"/>
        <source>arriving</source>
        <translation>预抵</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="89"/>
        <source>out of order</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="104"/>
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="106"/>
        <source>%1F</source>
        <translation>%1楼</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="122"/>
        <source>Select a room first.</source>
        <translation>请先选择房间。</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="126"/>
        <source>DND on for %1</source>
        <translation>%1 已设免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="126"/>
        <source>DND off for %1</source>
        <translation>%1 已取消免打扰</translation>
    </message>
</context>
</TS>
