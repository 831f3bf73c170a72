<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WakeUpBookingForm</name>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="58"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="63"/>
        <source>Dai&amp;ly until departure</source>
        <translation>每天直到离店(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="67"/>
        <source>Guest&apos;s language</source>
        <translation>按客人语言</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="72"/>
        <source>&amp;VIP: call in person</source>
        <translation>&amp;VIP：人工亲自叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="77"/>
        <source>Note (e.g. taxi at 7:00)</source>
        <translation>备注（例如：7:00 出租车）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="78"/>
        <source>&amp;Book</source>
        <translation>预订(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="80"/>
        <source>List entry… (Ctrl+L)</source>
        <translation>批量录入… (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="148"/>
        <source>%1 has already passed today.</source>
        <translation>今天的 %1 已经过了。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="149"/>
        <source>Book it for &amp;tomorrow at %1</source>
        <translation>改订明天 %1(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="159"/>
        <source>Booked: room %1 at %2 on %3</source>
        <translation>已预订：%1 房，%3 %2</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="167"/>
        <source>Warning: %1 calls are due at %2 and the lines place about %3 a minute; some will ring late.</source>
        <translation>注意：%2 有 %1 个叫醒，线路每分钟约能拨 %3 个，部分会稍晚响铃。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="176"/>
        <source> until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_booking.py" line="178"/>
        <source>Note: room %1 is on DND%2; the wake-up call still rings. Check with the guest.</source>
        <translation>注意：房间 %1 正在免打扰%2；叫醒电话仍会振铃，请与客人确认。</translation>
    </message>
</context>
</TS>
