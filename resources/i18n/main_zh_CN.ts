<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Console</name>
    <message>
        <location filename="../../main.py" line="177"/>
        <source>Switchboard</source>
        <translation>总机台</translation>
    </message>
    <message>
        <location filename="../../main.py" line="241"/>
        <source>EMERGENCY CALL from %1: answer with F5</source>
        <translation>紧急来电：%1，按 F5 接听</translation>
    </message>
    <message>
        <location filename="../../main.py" line="259"/>
        <source>Search the directory</source>
        <translation>搜索通讯录</translation>
    </message>
    <message>
        <location filename="../../main.py" line="283"/>
        <source>Rooms</source>
        <translation>客房</translation>
    </message>
    <message>
        <location filename="../../main.py" line="284"/>
        <source>Wake-up calls</source>
        <translation>叫醒服务</translation>
    </message>
    <message>
        <location filename="../../main.py" line="285"/>
        <source>Messages</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../main.py" line="286"/>
        <source>Logbook</source>
        <translation>交班日志</translation>
    </message>
    <message>
        <location filename="../../main.py" line="288"/>
        <source>Hotel information</source>
        <translation>酒店信息</translation>
    </message>
    <message>
        <location filename="../../main.py" line="291"/>
        <source>Wake-up due now, call by hand: room %1</source>
        <translation>叫醒已到时，请人工拨打：%1 房</translation>
    </message>
    <message>
        <location filename="../../main.py" line="330"/>
        <source>Daily board</source>
        <translation>每日信息板</translation>
    </message>
    <message>
        <location filename="../../main.py" line="332"/>
        <source>&amp;Hand over the shift…</source>
        <translation>交班(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../main.py" line="337"/>
        <source>&amp;Take over (acknowledge the handover)…</source>
        <translation>接班（确认交接）(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../main.py" line="342"/>
        <source>Shift &amp;report (PDF)…</source>
        <translation>交班报告 (PDF)(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../main.py" line="356"/>
        <source>Timed duty due: %1</source>
        <translation>定时事项到期：%1</translation>
    </message>
    <message>
        <location filename="../../main.py" line="384"/>
        <source>Training demo users: %1</source>
        <translation>培训演示用户：%1</translation>
    </message>
    <message>
        <location filename="../../main.py" line="522"/>
        <source>(signed out)</source>
        <translation>（已签退）</translation>
    </message>
    <message>
        <location filename="../../main.py" line="540"/>
        <source>No handover waiting to be acknowledged.</source>
        <translation>没有待确认的交接。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="564"/>
        <source>Report for</source>
        <translation>报告范围</translation>
    </message>
    <message>
        <location filename="../../main.py" line="574"/>
        <source>Save the shift report</source>
        <translation>保存交班报告</translation>
    </message>
    <message>
        <location filename="../../main.py" line="563"/>
        <location filename="../../main.py" line="588"/>
        <source>Shift report</source>
        <translation>交班报告</translation>
    </message>
    <message>
        <location filename="../../main.py" line="597"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../main.py" line="598"/>
        <source>The new language is used from the next start of the console.</source>
        <translation>新语言将在下次启动话务台时生效。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="615"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../main.py" line="616"/>
        <source>The settings could not be saved: %1</source>
        <translation>设置无法保存：%1</translation>
    </message>
</context>
</TS>
