<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WakeUpPage</name>
    <message>
        <location filename="../../ui/wakeup_page.py" line="44"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="45"/>
        <location filename="../../ui/wakeup_page.py" line="57"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="46"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="47"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="48"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="49"/>
        <source>Booked by</source>
        <translation>预订人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="64"/>
        <source>Note (e.g. second call after 5 minutes)</source>
        <translation>备注（例如：5 分钟后再叫一次）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="65"/>
        <source>&amp;Book</source>
        <translation>预订(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="67"/>
        <source>&amp;Cancel selected</source>
        <translation>取消所选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="69"/>
        <source>&amp;Done (guest woken)</source>
        <translation>完成（客人已叫醒）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="111"/>
        <source>booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="112"/>
        <source>DUE: call the room now</source>
        <translation>已到时：请立即人工叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="113"/>
        <source>NOT ANSWERED: send someone</source>
        <translation>无人接听：请派人前往</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="114"/>
        <source>calling</source>
        <translation>呼叫中</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="115"/>
        <source>will call again</source>
        <translation>将再次呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="116"/>
        <source>with the PBX</source>
        <translation>由交换机处理</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="143"/>
        <source>Booked: room %1 at %2 on %3</source>
        <translation>已预订：%1 房，%3 %2</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="162"/>
        <source>Cancelled: room %1</source>
        <translation>已取消：%1 房</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="173"/>
        <source>Done: room %1</source>
        <translation>已完成：%1 房</translation>
    </message>
</context>
</TS>
