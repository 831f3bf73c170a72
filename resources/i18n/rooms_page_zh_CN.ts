<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoomsPage</name>
    <message>
        <location filename="../../ui/rooms_page.py" line="63"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="64"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="65"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="66"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="67"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="68"/>
        <location filename="../../ui/rooms_page.py" line="192"/>
        <source>DND</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="69"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="70"/>
        <source>Housekeeping</source>
        <translation>客房状态</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="91"/>
        <source>DND on/off (D)</source>
        <translation>免打扰 开/关 (D)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="101"/>
        <source>Find a room or guest (Ctrl+F)</source>
        <translation>查找房间或客人 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="112"/>
        <source>DND until, e.g. 0700 (U)</source>
        <translation>免打扰至，如 0700 (U)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="121"/>
        <source>&amp;Floor</source>
        <translation>楼层(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="131"/>
        <source>Guest name</source>
        <translation>客人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="134"/>
        <source>Title</source>
        <translation>称谓</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="139"/>
        <source> nights</source>
        <translation> 晚</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="140"/>
        <source>Check &amp;in</source>
        <translation>入住(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="143"/>
        <source>Check &amp;out</source>
        <translation>退房(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="148"/>
        <source>New room</source>
        <translation>新房号</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="150"/>
        <source>&amp;Move</source>
        <translation>换房(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="155"/>
        <source>Whereabouts, e.g. at the pool</source>
        <translation>去向，例如：在泳池</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="159"/>
        <source>Set &amp;whereabouts</source>
        <translation>记录去向(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="162"/>
        <source>DND &amp;until</source>
        <translation>免打扰至(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="173"/>
        <source>Check out &amp;anyway</source>
        <translation>仍然退房(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="190"/>
        <source>(privacy)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="192"/>
        <source>DND until %1</source>
        <translation>免打扰至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="206"/>
        <source>vacant</source>
        <translation>空房</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="207"/>
        <source>occupied</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="208"/>
        <source>arriving</source>
        <translation>预抵</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="209"/>
        <source>out of order</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="223"/>
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="225"/>
        <source>%1F</source>
        <translation>%1楼</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="255"/>
        <source>No room or guest matches “%1”.</source>
        <translation>没有与“%1”相符的房间或客人。</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="285"/>
        <source>Select a room first.</source>
        <translation>请先选择房间。</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="289"/>
        <source>DND on for %1</source>
        <translation>%1 已设免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="289"/>
        <source>DND off for %1</source>
        <translation>%1 已取消免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="304"/>
        <source>Note: a wake-up is booked for this room at %1 and will still ring.</source>
        <translation>注意：此房间已预订 %1 的叫醒，届时仍会振铃。</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="320"/>
        <source>DND on for %1 until %2</source>
        <translation>%1 已设免打扰至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="329"/>
        <source>Type the time DND ends, e.g. 0700 or 22:30.</source>
        <translation>请输入免打扰结束时间，例如 0700 或 22:30。</translation>
    </message>
</context>
</TS>
