<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoomsPage</name>
    <message>
        <location filename="../../ui/rooms_page.py" line="64"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="65"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="66"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="67"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="68"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="69"/>
        <location filename="../../ui/rooms_page.py" line="205"/>
        <source>DND</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="70"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="71"/>
        <source>Housekeeping</source>
        <translation>客房状态</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="92"/>
        <source>DND on/off (D)</source>
        <translation>免打扰 开/关 (D)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="102"/>
        <source>Find a room or guest (Ctrl+F)</source>
        <translation>查找房间或客人 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="113"/>
        <source>DND until, e.g. 0700 (U)</source>
        <translation>免打扰至，如 0700 (U)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="122"/>
        <source>&amp;Floor</source>
        <translation>楼层(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="132"/>
        <source>Guest name</source>
        <translation>客人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="135"/>
        <source>Title</source>
        <translation>称谓</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="140"/>
        <source> nights</source>
        <translation> 晚</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="141"/>
        <source>Check &amp;in</source>
        <translation>入住(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="144"/>
        <source>Check &amp;out</source>
        <translation>退房(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="149"/>
        <source>New room</source>
        <translation>新房号</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="151"/>
        <source>&amp;Move</source>
        <translation>换房(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="156"/>
        <source>Whereabouts, e.g. at the pool</source>
        <translation>去向，例如：在泳池</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="160"/>
        <source>Set &amp;whereabouts</source>
        <translation>记录去向(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="166"/>
        <source>To be cleaned</source>
        <translation>待清扫</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="167"/>
        <source>Clean</source>
        <translation>已清扫</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="168"/>
        <source>Inspected</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="171"/>
        <source>Set room &amp;status</source>
        <translation>设置房态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="174"/>
        <source>DND &amp;until</source>
        <translation>免打扰至(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="185"/>
        <source>Check out &amp;anyway</source>
        <translation>仍然退房(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="203"/>
        <source>(privacy)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="205"/>
        <source>DND until %1</source>
        <translation>免打扰至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="219"/>
        <source>vacant</source>
        <translation>空房</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="220"/>
        <source>occupied</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="221"/>
        <source>arriving</source>
        <translation>预抵</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="222"/>
        <source>out of order</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="232"/>
        <source>The rooms and their guests are not shown to your role.</source>
        <translation>您的角色不能查看房间及住客。</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="241"/>
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="243"/>
        <source>%1F</source>
        <translation>%1楼</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="265"/>
        <source>Rooms: find a room or guest, Enter selects it</source>
        <translation>房间：查找房间或客人，回车选中</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="266"/>
        <source>Rooms: DND on or off for the selected room</source>
        <translation>房间：所选房间免打扰开/关</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="267"/>
        <source>Rooms: DND until a time (type 0700, Enter)</source>
        <translation>房间：免打扰至某时（输入 0700，回车）</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="281"/>
        <source>No room or guest matches “%1”.</source>
        <translation>没有与“%1”相符的房间或客人。</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="311"/>
        <source>Select a room first.</source>
        <translation>请先选择房间。</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="315"/>
        <source>DND on for %1</source>
        <translation>%1 已设免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="315"/>
        <source>DND off for %1</source>
        <translation>%1 已取消免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="330"/>
        <source>Note: a wake-up is booked for this room at %1 and will still ring.</source>
        <translation>注意：此房间已预订 %1 的叫醒，届时仍会振铃。</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="346"/>
        <source>DND on for %1 until %2</source>
        <translation>%1 已设免打扰至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/rooms_page.py" line="355"/>
        <source>Type the time DND ends, e.g. 0700 or 22:30.</source>
        <translation>请输入免打扰结束时间，例如 0700 或 22:30。</translation>
    </message>
</context>
</TS>
