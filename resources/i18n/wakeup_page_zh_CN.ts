<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WakeUpPage</name>
    <message>
        <location filename="../../ui/wakeup_page.py" line="81"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="82"/>
        <location filename="../../ui/wakeup_page.py" line="99"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="83"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="84"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="85"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="86"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="87"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="88"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="89"/>
        <source>Booked by</source>
        <translation>预订人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="104"/>
        <source>Dai&amp;ly until departure</source>
        <translation>每天直到离店(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="108"/>
        <source>Guest&apos;s language</source>
        <translation>按客人语言</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="113"/>
        <source>&amp;VIP: call in person</source>
        <translation>&amp;VIP：人工亲自叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="118"/>
        <source>Note (e.g. taxi at 7:00)</source>
        <translation>备注（例如：7:00 出租车）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="194"/>
        <source>Call the room (F2)</source>
        <translation>致电房间 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="196"/>
        <source>Guest is awake</source>
        <translation>客人已醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="200"/>
        <source>Who goes to the door (F4)</source>
        <translation>谁去敲门 (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="202"/>
        <source>Sent</source>
        <translation>已派出</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="209"/>
        <source>guest woken by the operator&apos;s call</source>
        <translation>话务员致电叫醒客人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="221"/>
        <source> · in person</source>
        <translation> · 人工亲自</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="223"/>
        <source>daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="233"/>
        <source>NOT CONFIRMED: call or send someone</source>
        <translation>未确认：请致电或派人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="248"/>
        <source>The wake-up calls are not shown to your role.</source>
        <translation>您的角色不能查看叫醒电话。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="361"/>
        <source>%1 has already passed today.</source>
        <translation>今天的 %1 已经过了。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="362"/>
        <source>Book it for &amp;tomorrow at %1</source>
        <translation>改订明天 %1(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="389"/>
        <source> until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="391"/>
        <source>Note: room %1 is on DND%2; the wake-up call still rings. Check with the guest.</source>
        <translation>注意：房间 %1 正在免打扰%2；叫醒电话仍会振铃，请与客人确认。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="428"/>
        <source>No wake-up call is waiting for a person.</source>
        <translation>没有需要人工处理的叫醒。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="431"/>
        <source>Call room %1 on your telephone.</source>
        <translation>请用您的话机拨打 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="435"/>
        <source>Calling room %1. When the guest is awake, press “Guest is awake”.</source>
        <translation>正在呼叫 %1 房。客人醒来后请按“客人已醒”。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="457"/>
        <source>sent %1 to the door</source>
        <translation>已派 %1 上门</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="468"/>
        <source>Room %1: %2</source>
        <translation>%1 房：%2</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="119"/>
        <source>&amp;Book</source>
        <translation>预订(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="121"/>
        <source>List entry… (Ctrl+L)</source>
        <translation>批量录入… (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="123"/>
        <source>&amp;Cancel selected</source>
        <translation>取消所选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="231"/>
        <source>booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="232"/>
        <source>DUE: call the room now</source>
        <translation>已到时：请立即人工叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="234"/>
        <source>calling</source>
        <translation>呼叫中</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="235"/>
        <source>will call again</source>
        <translation>将再次呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="236"/>
        <source>with the PBX</source>
        <translation>由交换机处理</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="267"/>
        <source>Wake-up dialler not running: calls that fall due come to you on this list.</source>
        <translation>叫醒拨号程序未运行：到时的叫醒将出现在此列表，由您人工处理。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="271"/>
        <source>Wake-up dialler cannot reach the PBX: due calls come to you.</source>
        <translation>叫醒拨号程序无法连接交换机：到时的叫醒由您人工处理。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="275"/>
        <source>Wake-up dialler running: %1 of %2 lines in use.</source>
        <translation>叫醒拨号程序运行中：%2 条线路中 %1 条在用。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="286"/>
        <source>Room %1 %2, due %3: %4 (%5 more waiting)</source>
        <translation>%1 房 %2，%3 到时：%4（另有 %5 个等待）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="301"/>
        <source>Attempts for room %1: </source>
        <translation>%1 房的呼叫记录：</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="372"/>
        <source>Booked: room %1 at %2 on %3</source>
        <translation>已预订：%1 房，%3 %2</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="380"/>
        <source>Warning: %1 calls are due at %2 and the lines place about %3 a minute; some will ring late.</source>
        <translation>注意：%2 有 %1 个叫醒，线路每分钟约能拨 %3 个，部分会稍晚响铃。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="422"/>
        <source>Cancelled: room %1</source>
        <translation>已取消：%1 房</translation>
    </message>
</context>
</TS>
