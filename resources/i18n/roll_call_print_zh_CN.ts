<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RollCallPrint</name>
    <message>
        <location filename="../../ui/roll_call_print.py" line="32"/>
        <source>NEEDS HELP</source>
        <translation>需要救助</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="33"/>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="34"/>
        <source>busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="35"/>
        <source>call failed</source>
        <translation>呼叫失败</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="36"/>
        <source>not rung yet</source>
        <translation>尚未呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="37"/>
        <source>calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="38"/>
        <source>answered, no key</source>
        <translation>已接听，未按键</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="39"/>
        <source>leaving</source>
        <translation>正在撤离</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="45"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="46"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="47"/>
        <source>Guests</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="48"/>
        <source>Answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="49"/>
        <source>Calls</source>
        <translation>呼叫次数</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="50"/>
        <source>Last call</source>
        <translation>最后呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="55"/>
        <source>(privacy guest)</source>
        <translation>（隐私住客）</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="75"/>
        <source>rooms %1</source>
        <translation>房间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="146"/>
        <source>%1, started %2 by %3</source>
        <translation>%1，%2 由 %3 开始</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="153"/>
        <source>stopped %1</source>
        <translation>%1 停止</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="156"/>
        <source>still running</source>
        <translation>仍在进行</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="158"/>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
</context>
</TS>
