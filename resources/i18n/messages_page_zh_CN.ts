<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MessagesPage</name>
    <message>
        <location filename="../../ui/messages_page.py" line="42"/>
        <source>Taken</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="43"/>
        <location filename="../../ui/messages_page.py" line="96"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="44"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="45"/>
        <location filename="../../ui/messages_page.py" line="98"/>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="46"/>
        <location filename="../../ui/messages_page.py" line="100"/>
        <source>Call back</source>
        <translation>回电号码</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="47"/>
        <location filename="../../ui/messages_page.py" line="102"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="48"/>
        <source>Taken by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="72"/>
        <source>Common messages…</source>
        <translation>常用留言…</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="74"/>
        <source>Please call back.</source>
        <translation>请回电。</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="75"/>
        <source>Will call again later.</source>
        <translation>稍后会再来电。</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="76"/>
        <source>Your visitor is waiting in the lobby.</source>
        <translation>您的访客正在大堂等候。</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="77"/>
        <source>A parcel is waiting at the front desk.</source>
        <translation>前台有您的包裹。</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="81"/>
        <source>&amp;Take message</source>
        <translation>记录留言(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="86"/>
        <source>by phone</source>
        <translation>电话转达</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="87"/>
        <source>by slip</source>
        <translation>留言条</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="88"/>
        <source>on screen</source>
        <translation>电视屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="91"/>
        <source>&amp;Delivered</source>
        <translation>已转达(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="139"/>
        <source>Guest messages are not shown to your role.</source>
        <translation>您的角色不能查看客人留言。</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="156"/>
        <source>Message for room %1 taken; lamp on.</source>
        <translation>已记录 %1 房留言，留言灯已亮。</translation>
    </message>
    <message>
        <location filename="../../ui/messages_page.py" line="171"/>
        <source>Delivered to room %1.</source>
        <translation>已转达 %1 房。</translation>
    </message>
</context>
</TS>
