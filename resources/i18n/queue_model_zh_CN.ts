<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="98"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="98"/>
        <source>Caller</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="98"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="98"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="110"/>
        <source> (recall from %1)</source>
        <translation>（由 %1 回呼）</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="134"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="135"/>
        <source>Outside</source>
        <translation>外线</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="136"/>
        <source>Internal</source>
        <translation>内线</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="137"/>
        <source>EMERGENCY</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="143"/>
        <source>ringing</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="144"/>
        <source>dialling</source>
        <translation>拨号中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="145"/>
        <source>talking</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="146"/>
        <source>on hold</source>
        <translation>保留中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="147"/>
        <source>consulting</source>
        <translation>咨询中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="148"/>
        <source>conference</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="149"/>
        <source>parked</source>
        <translation>已驻留</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="150"/>
        <source>waiting (camped on)</source>
        <translation>遇忙等待中</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="157"/>
        <source>busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="158"/>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="159"/>
        <source>do-not-disturb</source>
        <translation>请勿打扰</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="160"/>
        <source>no such extension</source>
        <translation>无此分机</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="161"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="162"/>
        <source>the PBX link is down</source>
        <translation>交换机连接中断</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="164"/>
        <source>did not go through</source>
        <translation>未能接通</translation>
    </message>
</context>
</TS>
