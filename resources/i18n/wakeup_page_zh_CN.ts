<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WakeUpPage</name>
    <message>
        <location filename="../../ui/wakeup_page.py" line="78"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="79"/>
        <location filename="../../ui/wakeup_page.py" line="96"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="80"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="81"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="82"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="83"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="84"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="85"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="86"/>
        <source>Booked by</source>
        <translation>预订人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="101"/>
        <source>Dai&amp;ly until departure</source>
        <translation>每天直到离店(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="105"/>
        <source>Guest&apos;s language</source>
        <translation>按客人语言</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="108"/>
        <source>&amp;VIP: call in person</source>
        <translation>&amp;VIP：人工亲自叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="113"/>
        <source>Note (e.g. taxi at 7:00)</source>
        <translation>备注（例如：7:00 出租车）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="189"/>
        <source>Call the room (F2)</source>
        <translation>致电房间 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="191"/>
        <source>Guest is awake</source>
        <translation>客人已醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="195"/>
        <source>Who goes to the door (F4)</source>
        <translation>谁去敲门 (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="197"/>
        <source>Sent</source>
        <translation>已派出</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="204"/>
        <source>guest woken by the operator&apos;s call</source>
        <translation>话务员致电叫醒客人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="216"/>
        <source> · in person</source>
        <translation> · 人工亲自</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="218"/>
        <source>daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="228"/>
        <source>NOT CONFIRMED: call or send someone</source>
        <translation>未确认：请致电或派人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="343"/>
        <source>%1 has already passed today.</source>
        <translation>今天的 %1 已经过了。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="344"/>
        <source>Book it for &amp;tomorrow at %1</source>
        <translation>改订明天 %1(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="371"/>
        <source> until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="373"/>
        <source>Note: room %1 is on DND%2; the wake-up call still rings. Check with the guest.</source>
        <translation>注意：房间 %1 正在免打扰%2；叫醒电话仍会振铃，请与客人确认。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="410"/>
        <source>No wake-up call is waiting for a person.</source>
        <translation>没有需要人工处理的叫醒。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="413"/>
        <source>Call room %1 on your telephone.</source>
        <translation>请用您的话机拨打 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="417"/>
        <source>Calling room %1. When the guest is awake, press “Guest is awake”.</source>
        <translation>正在呼叫 %1 房。客人醒来后请按“客人已醒”。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="439"/>
        <source>sent %1 to the door</source>
        <translation>已派 %1 上门</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="450"/>
        <source>Room %1: %2</source>
        <translation>%1 房：%2</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="114"/>
        <source>&amp;Book</source>
        <translation>预订(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="116"/>
        <source>List entry… (Ctrl+L)</source>
        <translation>批量录入… (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="118"/>
        <source>&amp;Cancel selected</source>
        <translation>取消所选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="226"/>
        <source>booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="227"/>
        <source>DUE: call the room now</source>
        <translation>已到时：请立即人工叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="229"/>
        <source>calling</source>
        <translation>呼叫中</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="230"/>
        <source>will call again</source>
        <translation>将再次呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="231"/>
        <source>with the PBX</source>
        <translation>由交换机处理</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="256"/>
        <source>Wake-up dialler not running: calls that fall due come to you on this list.</source>
        <translation>叫醒拨号程序未运行：到时的叫醒将出现在此列表，由您人工处理。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="260"/>
        <source>Wake-up dialler cannot reach the PBX: due calls come to you.</source>
        <translation>叫醒拨号程序无法连接交换机：到时的叫醒由您人工处理。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="264"/>
        <source>Wake-up dialler running: %1 of %2 lines in use.</source>
        <translation>叫醒拨号程序运行中：%2 条线路中 %1 条在用。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="275"/>
        <source>Room %1 %2, due %3: %4 (%5 more waiting)</source>
        <translation>%1 房 %2，%3 到时：%4（另有 %5 个等待）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="290"/>
        <source>Attempts for room %1: </source>
        <translation>%1 房的呼叫记录：</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="354"/>
        <source>Booked: room %1 at %2 on %3</source>
        <translation>已预订：%1 房，%3 %2</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="362"/>
        <source>Warning: %1 calls are due at %2 and the lines place about %3 a minute; some will ring late.</source>
        <translation>注意：%2 有 %1 个叫醒，线路每分钟约能拨 %3 个，部分会稍晚响铃。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="404"/>
        <source>Cancelled: room %1</source>
        <translation>已取消：%1 房</translation>
    </message>
</context>
</TS>
