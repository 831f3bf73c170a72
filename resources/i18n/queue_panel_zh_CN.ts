<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/queue_panel.py" line="82"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="82"/>
        <source>Caller</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="82"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="82"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="94"/>
        <source> (recall from %1)</source>
        <translation>（由 %1 回呼）</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue_panel.py" line="118"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="119"/>
        <source>Outside</source>
        <translation>外线</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="120"/>
        <source>Internal</source>
        <translation>内线</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="121"/>
        <source>EMERGENCY</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="127"/>
        <source>ringing</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="128"/>
        <source>dialling</source>
        <translation>拨号中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="129"/>
        <source>talking</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="130"/>
        <source>on hold</source>
        <translation>保留中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="131"/>
        <source>consulting</source>
        <translation>咨询中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="132"/>
        <source>conference</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="162"/>
        <source>⚠ EMERGENCY CALL WAITING — answer with F5</source>
        <translation>⚠ 紧急来电等待中 — 按 F5 接听</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="179"/>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="180"/>
        <source>Release</source>
        <translation>挂断</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="181"/>
        <source>Hold/Retrieve</source>
        <translation>保留/恢复</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="182"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="183"/>
        <source>Park</source>
        <translation>驻留</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="184"/>
        <source>Announce</source>
        <translation>通报转接</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="185"/>
        <source>Complete</source>
        <translation>完成转接</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="186"/>
        <source>Conference</source>
        <translation>三方通话</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="248"/>
        <source>%1 waiting</source>
        <translation>%1 个等待</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="299"/>
        <location filename="../../ui/queue_panel.py" line="320"/>
        <source>Choose the extension first: a lamp or a directory entry, then Enter.</source>
        <translation>请先选择分机：忙灯盘或通讯录条目，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="336"/>
        <source>Answer the call first: tell the caller where the call goes.</source>
        <translation>请先接听：转接前告知来电者将转至何处。</translation>
    </message>
</context>
</TS>
