<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Console</name>
    <message>
        <location filename="../../main.py" line="176"/>
        <source>Switchboard</source>
        <translation>总机台</translation>
    </message>
    <message>
        <location filename="../../main.py" line="240"/>
        <source>EMERGENCY CALL from %1: answer with F5</source>
        <translation>紧急来电：%1，按 F5 接听</translation>
    </message>
    <message>
        <location filename="../../main.py" line="258"/>
        <source>Search the directory</source>
        <translation>搜索通讯录</translation>
    </message>
    <message>
        <location filename="../../main.py" line="282"/>
        <source>Rooms</source>
        <translation>客房</translation>
    </message>
    <message>
        <location filename="../../main.py" line="283"/>
        <source>Wake-up calls</source>
        <translation>叫醒服务</translation>
    </message>
    <message>
        <location filename="../../main.py" line="284"/>
        <source>Messages</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../main.py" line="285"/>
        <source>Logbook</source>
        <translation>交班日志</translation>
    </message>
    <message>
        <location filename="../../main.py" line="287"/>
        <source>Hotel information</source>
        <translation>酒店信息</translation>
    </message>
    <message>
        <location filename="../../main.py" line="290"/>
        <source>Wake-up due now, call by hand: room %1</source>
        <translation>叫醒已到时，请人工拨打：%1 房</translation>
    </message>
    <message>
        <location filename="../../main.py" line="329"/>
        <source>Daily board</source>
        <translation>每日信息板</translation>
    </message>
    <message>
        <location filename="../../main.py" line="331"/>
        <source>&amp;Hand over the shift…</source>
        <translation>交班(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../main.py" line="336"/>
        <source>&amp;Take over (acknowledge the handover)…</source>
        <translation>接班（确认交接）(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../main.py" line="341"/>
        <source>Shift &amp;report (PDF)…</source>
        <translation>交班报告 (PDF)(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../main.py" line="355"/>
        <source>Timed duty due: %1</source>
        <translation>定时事项到期：%1</translation>
    </message>
    <message>
        <location filename="../../main.py" line="383"/>
        <source>Training demo users: %1</source>
        <translation>培训演示用户：%1</translation>
    </message>
    <message>
        <location filename="../../main.py" line="516"/>
        <source>No handover waiting to be acknowledged.</source>
        <translation>没有待确认的交接。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="540"/>
        <source>Report for</source>
        <translation>报告范围</translation>
    </message>
    <message>
        <location filename="../../main.py" line="550"/>
        <source>Save the shift report</source>
        <translation>保存交班报告</translation>
    </message>
    <message>
        <location filename="../../main.py" line="539"/>
        <location filename="../../main.py" line="564"/>
        <source>Shift report</source>
        <translation>交班报告</translation>
    </message>
    <message>
        <location filename="../../main.py" line="573"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../main.py" line="574"/>
        <source>The new language is used from the next start of the console.</source>
        <translation>新语言将在下次启动话务台时生效。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="591"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../main.py" line="592"/>
        <source>The settings could not be saved: %1</source>
        <translation>设置无法保存：%1</translation>
    </message>
</context>
</TS>
