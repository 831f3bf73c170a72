<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallHistory</name>
    <message>
        <location filename="../../ui/call_history.py" line="38"/>
        <source>answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="39"/>
        <source>ringing there</source>
        <translation>对方振铃中</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="40"/>
        <source>waiting (camped on)</source>
        <translation>遇忙等待中</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="41"/>
        <source>not answered: back at the console</source>
        <translation>无人接听：已回到总机</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="44"/>
        <source>busy: not sent</source>
        <translation>占线：未转出</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="45"/>
        <source>no answer: not sent</source>
        <translation>无人接听：未转出</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="46"/>
        <source>do-not-disturb: not sent</source>
        <translation>请勿打扰：未转出</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="47"/>
        <source>no such extension: not sent</source>
        <translation>无此分机：未转出</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="48"/>
        <source>refused by the PBX</source>
        <translation>被交换机拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="49"/>
        <source>caller hung up</source>
        <translation>来电方已挂机</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="61"/>
        <source>Transfers</source>
        <translation>转接记录</translation>
    </message>
    <message>
        <location filename="../../ui/call_history.py" line="82"/>
        <source>%1  %2 → %3: %4</source>
        <translation>%1  %2 → %3：%4</translation>
    </message>
</context>
</TS>
