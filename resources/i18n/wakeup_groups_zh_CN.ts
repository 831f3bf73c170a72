<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WakeUpGroupPanel</name>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="53"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="54"/>
        <source>Group</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="55"/>
        <location filename="../../ui/wakeup_groups.py" line="67"/>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="56"/>
        <source>Members and outcomes</source>
        <translation>成员及结果</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="57"/>
        <source>Booked by</source>
        <translation>预订人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="65"/>
        <source>PMS group</source>
        <translation>PMS 团队</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="66"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="70"/>
        <source>Group code, floor (9F) or rooms (1201 1202 …)</source>
        <translation>团队代码、楼层（9F）或房号（1201 1202 …）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="74"/>
        <source>V&amp;IP: call in person</source>
        <translation>V&amp;IP：人工亲自叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="79"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="80"/>
        <source>Book &amp;group</source>
        <translation>预订团队叫醒(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="85"/>
        <source>&amp;Move group to this time</source>
        <translation>整团改到此时间(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="87"/>
        <source>Cancel gr&amp;oup</source>
        <translation>取消团队叫醒(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="122"/>
        <source>group %1</source>
        <translation>团队 %1</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="122"/>
        <source>floor %1</source>
        <translation>%1 楼层</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="133"/>
        <source>booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="134"/>
        <source>calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="135"/>
        <source>will call again</source>
        <translation>将再次呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="136"/>
        <source>awake</source>
        <translation>已叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="137"/>
        <source>NOT CONFIRMED</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="138"/>
        <source>done by a person</source>
        <translation>已由人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="139"/>
        <source>call by hand</source>
        <translation>需人工呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="140"/>
        <source>with the PBX</source>
        <translation>由交换机处理</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="141"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="167"/>
        <source>No guest in house belongs to group %1.</source>
        <translation>团队 %1 没有在住客人。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="169"/>
        <source>No room of %1 could be booked: each has a wake-up then or no guest.</source>
        <translation>%1 的房间都无法预订：每间在该时间已有叫醒或无在住客人。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="171"/>
        <source>Type the rooms, for example: 1201 1202 1203</source>
        <translation>请输入房号，例如：1201 1202 1203</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="172"/>
        <source>That is more rooms than a hotel has.</source>
        <translation>房间数量超过了酒店的房间数。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="173"/>
        <source>Not a floor: %1</source>
        <translation>不是有效楼层：%1</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="174"/>
        <source>That group wake-up no longer exists.</source>
        <translation>该团队叫醒已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="191"/>
        <source>%1 has already passed today. Press Enter again to book it for tomorrow.</source>
        <translation>今天的 %1 已经过了。再按一次回车即预订明天该时间。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="205"/>
        <source>Booked at %1 on %2, rooms: %3.</source>
        <translation>已预订 %2 %1，房间数：%3。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="220"/>
        <location filename="../../ui/wakeup_groups.py" line="238"/>
        <source>Choose a group in the list first.</source>
        <translation>请先在列表中选择一个团队。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="227"/>
        <source>Moved to %1 on %2, rooms: %3.</source>
        <translation>已改到 %2 %1，房间数：%3。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="242"/>
        <source>Cancelled, rooms: %1.</source>
        <translation>已取消，房间数：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="248"/>
        <source>Already booked at that time, left as it was: %1.</source>
        <translation>该时间已有叫醒，保持不变：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="253"/>
        <source>No guest in house: %1.</source>
        <translation>无在住客人：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_groups.py" line="256"/>
        <source>Already under way, not changed: %1.</source>
        <translation>已在进行中，未更改：%1。</translation>
    </message>
</context>
</TS>
