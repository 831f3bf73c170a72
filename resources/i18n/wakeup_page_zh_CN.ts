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
        <location filename="../../ui/wakeup_page.py" line="154"/>
        <source>Call the room (F2)</source>
        <translation>致电房间 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="156"/>
        <source>Guest is awake</source>
        <translation>客人已醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="160"/>
        <source>Who goes to the door (F4)</source>
        <translation>谁去敲门 (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="162"/>
        <source>Sent</source>
        <translation>已派出</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="169"/>
        <source>guest woken by the operator&apos;s call</source>
        <translation>话务员致电叫醒客人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="181"/>
        <source> · in person</source>
        <translation> · 人工亲自</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="183"/>
        <source>daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="193"/>
        <source>NOT CONFIRMED: call or send someone</source>
        <translation>未确认：请致电或派人</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="208"/>
        <source>The wake-up calls are not shown to your role.</source>
        <translation>您的角色不能查看叫醒电话。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="317"/>
        <source>No wake-up call is waiting for a person.</source>
        <translation>没有需要人工处理的叫醒。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="320"/>
        <source>Call room %1 on your telephone.</source>
        <translation>请用您的话机拨打 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="324"/>
        <source>Calling room %1. When the guest is awake, press “Guest is awake”.</source>
        <translation>正在呼叫 %1 房。客人醒来后请按“客人已醒”。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="346"/>
        <source>sent %1 to the door</source>
        <translation>已派 %1 上门</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="357"/>
        <source>Room %1: %2</source>
        <translation>%1 房：%2</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="110"/>
        <source>&amp;Cancel selected</source>
        <translation>取消所选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="191"/>
        <source>booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="192"/>
        <source>DUE: call the room now</source>
        <translation>已到时：请立即人工叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="194"/>
        <source>calling</source>
        <translation>呼叫中</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="195"/>
        <source>will call again</source>
        <translation>将再次呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="196"/>
        <source>with the PBX</source>
        <translation>由交换机处理</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="228"/>
        <source>Wake-up dialler not running: calls that fall due come to you on this list.</source>
        <translation>叫醒拨号程序未运行：到时的叫醒将出现在此列表，由您人工处理。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="232"/>
        <source>Wake-up dialler cannot reach the PBX: due calls come to you.</source>
        <translation>叫醒拨号程序无法连接交换机：到时的叫醒由您人工处理。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="236"/>
        <source>Wake-up dialler running: %1 of %2 lines in use.</source>
        <translation>叫醒拨号程序运行中：%2 条线路中 %1 条在用。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="247"/>
        <source>Room %1 %2, due %3: %4 (%5 more waiting)</source>
        <translation>%1 房 %2，%3 到时：%4（另有 %5 个等待）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="264"/>
        <source>Attempts for room %1: </source>
        <translation>%1 房的呼叫记录：</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_page.py" line="311"/>
        <source>Cancelled: room %1</source>
        <translation>已取消：%1 房</translation>
    </message>
</context>
</TS>
