<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoomsPage</name>
    <message>
        <location filename="../../ui/rooms_page.py" line="55"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="56"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="57"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="58"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="59"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="60"/>
        <location filename="../../ui/rooms_page.py" line="153"/>
        <source>DND</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="61"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="62"/>
        <source>Housekeeping</source>
        <translation>客房状态</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="78"/>
        <source>DND on/off (D)</source>
        <translation>免打扰 开/关 (D)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="87"/>
        <source>&amp;Floor</source>
        <translation>楼层(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="95"/>
        <source>Guest name</source>
        <translation>客人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="98"/>
        <source>Title</source>
        <translation>称谓</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="103"/>
        <source> nights</source>
        <translation> 晚</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="104"/>
        <source>Check &amp;in</source>
        <translation>入住(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="107"/>
        <source>Check &amp;out</source>
        <translation>退房(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="112"/>
        <source>New room</source>
        <translation>新房号</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="114"/>
        <source>&amp;Move</source>
        <translation>换房(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="119"/>
        <source>Whereabouts, e.g. at the pool</source>
        <translation>去向，例如：在泳池</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="123"/>
        <source>Set &amp;whereabouts</source>
        <translation>记录去向(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="126"/>
        <source>DND &amp;until</source>
        <translation>免打扰至(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="146"/>
        <source>(privacy)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="160"/>
        <source>vacant</source>
        <translation>空房</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="161"/>
        <source>occupied</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="162"/>
        <source>arriving</source>
        <translation>预抵</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="163"/>
        <source>out of order</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="178"/>
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="180"/>
        <source>%1F</source>
        <translation>%1楼</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="196"/>
        <location filename="../../ui/rooms_page.py" line="227"/>
        <location filename="../../ui/rooms_page.py" line="246"/>
        <location filename="../../ui/rooms_page.py" line="260"/>
        <location filename="../../ui/rooms_page.py" line="271"/>
        <location filename="../../ui/rooms_page.py" line="286"/>
        <source>Select a room first.</source>
        <translation>请先选择房间。</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="200"/>
        <location filename="../../ui/rooms_page.py" line="295"/>
        <source>DND on for %1</source>
        <translation>%1 已设免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="200"/>
        <source>DND off for %1</source>
        <translation>%1 已取消免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="209"/>
        <source>Check out</source>
        <translation>退房</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="241"/>
        <source>Checked in to %1</source>
        <translation>已入住 %1</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="250"/>
        <source>%1 message(s) for room %2 were not delivered. Check out anyway?</source>
        <translation>%2 房有 %1 条留言尚未转达。仍要退房吗？</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="255"/>
        <source>Checked out of %1</source>
        <translation>%1 已退房</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="266"/>
        <source>Moved to %1</source>
        <translation>已换到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="281"/>
        <source>Whereabouts noted for %1</source>
        <translation>已记录 %1 客人去向</translation>
    </message>
</context>
</TS>
